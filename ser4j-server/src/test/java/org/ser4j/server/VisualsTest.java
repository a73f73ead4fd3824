package org.ser4j.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ser4j.core.dsp.FloatMatrix;
import org.ser4j.core.dsp.PowerToDb;
import org.ser4j.core.dsp.Stft;

/** The streamed visuals against a naive computation on the whole signal at once. */
class VisualsTest {

    private static final int RATE = 16000;
    private static final Visuals.Tables TABLES = new Visuals.Tables(RATE);

    @Test
    void shortSignalMatchesOneStftOfTheWholeSignalWhateverTheBlockSizes() {
        float[] y = signal(RATE * 3 + 123, 1);
        Map<String, Object> visuals = stream(y, new Random(2));
        Map<?, ?> mel = (Map<?, ?>) visuals.get("mel");
        assertEquals(1 + y.length / Visuals.HOP, mel.get("frames"));
        assertArrayEquals(naiveMel(y, 1), Base64.getDecoder().decode((String) mel.get("data")));
        Map<?, ?> waveform = (Map<?, ?>) visuals.get("waveform");
        assertNaiveWaveform(y, waveform);
    }

    @Test
    void longSignalIsPooledWithinTheBudgetAndStillMatchesTheNaiveComputation() {
        float[] y = signal(RATE * 70 + 5, 3);   // 4376 frames: pooled by 8 to 547; 1.12 M samples: by 2048
        Map<String, Object> visuals = stream(y, new Random(4));
        Map<?, ?> mel = (Map<?, ?>) visuals.get("mel");
        int frames = (int) mel.get("frames");
        assertEquals((1 + y.length / Visuals.HOP + 7) / 8, frames);
        assertEquals(8.0 * Visuals.HOP / RATE, (double) mel.get("seconds_per_frame"), 1e-6);
        assertArrayEquals(naiveMel(y, 8), Base64.getDecoder().decode((String) mel.get("data")));
        Map<?, ?> waveform = (Map<?, ?>) visuals.get("waveform");
        assertEquals(2048.0 / RATE, (double) waveform.get("seconds_per_point"), 1e-6);
        assertNaiveWaveform(y, waveform);
    }

    private static Map<String, Object> stream(float[] y, Random random) {
        Visuals visuals = new Visuals(TABLES);
        for (int at = 0; at < y.length; ) {
            int n = Math.min(y.length - at, 1 + random.nextInt(9000));
            float[] block = new float[n + 7];   // longer than n: only n samples count
            System.arraycopy(y, at, block, 0, n);
            visuals.accept(block, n);
            at += n;
        }
        return visuals.finish();
    }

    /** One STFT of everything, mean power over groups of {@code pool} frames, dB from the max, bytes. */
    private static byte[] naiveMel(float[] y, int pool) {
        FloatMatrix mel = TABLES.bank.apply(new Stft(Visuals.N_FFT, Visuals.HOP).compute(y, Stft.Scale.POWER),
                Stft.Scale.POWER);
        int frames = (mel.rows() + pool - 1) / pool;
        float[] pooled = new float[frames * Visuals.BANDS];
        float peak = 0;
        for (int f = 0; f < frames; f++) {
            int from = f * pool;
            int to = Math.min(mel.rows(), from + pool);
            for (int b = 0; b < Visuals.BANDS; b++) {
                double sum = 0;
                for (int t = from; t < to; t++) {
                    sum += mel.get(t, b);
                }
                pooled[f * Visuals.BANDS + b] = (float) (sum / (to - from));
                peak = Math.max(peak, pooled[f * Visuals.BANDS + b]);
            }
        }
        float[] db = new PowerToDb(peak, 1e-10, OptionalDouble.of(80)).apply(
                new FloatMatrix(frames, Visuals.BANDS, pooled)).data();
        byte[] out = new byte[db.length];
        for (int i = 0; i < db.length; i++) {
            out[i] = (byte) Math.round((db[i] + 80) / 80 * 255);
        }
        return out;
    }

    private static void assertNaiveWaveform(float[] y, Map<?, ?> waveform) {
        int per = (int) Math.round((double) waveform.get("seconds_per_point") * RATE);
        int points = (y.length + per - 1) / per;
        assertEquals(points, waveform.get("points"));
        List<?> min = (List<?>) waveform.get("min");
        List<?> max = (List<?>) waveform.get("max");
        for (int p = 0; p < points; p++) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = p * per; i < Math.min(y.length, (p + 1) * per); i++) {
                lo = Math.min(lo, y[i]);
                hi = Math.max(hi, y[i]);
            }
            assertEquals(Math.round(lo * 1e4) / 1e4, (double) min.get(p), 1e-9, "min of point " + p);
            assertEquals(Math.round(hi * 1e4) / 1e4, (double) max.get(p), 1e-9, "max of point " + p);
        }
    }

    /** A chirp with noise and a loudness that changes, so pooling and the dB floor both matter. */
    private static float[] signal(int n, long seed) {
        Random random = new Random(seed);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / RATE;
            double envelope = 0.05 + 0.4 * Math.abs(Math.sin(2 * Math.PI * 0.3 * t));
            y[i] = (float) (envelope * Math.sin(2 * Math.PI * (200 + 150 * t) * t) + 0.01 * random.nextGaussian());
        }
        return y;
    }
}
