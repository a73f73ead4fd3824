package org.ser4j.core.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ser4j.core.audio.PcmAudio;

/** Behaviour of {@link Resampler} computed in Java alone: lengths, alignment, pass and stop band, streaming. */
class ResamplerTest {

    /** Every ratio the project meets, as "from,to". */
    private static final String RATIOS = """
            24414,16000
            44100,16000
            48000,16000
            96000,16000
            22050,16000
            8000,16000
            16000,8000
            16000,48000
            16000,44100
            44101,16000
            """;

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource(textBlock = RATIOS)
    void outputHasScipysLengthCeilOfNTimesUpOverDown(int from, int to) {
        for (int n : new int[] {0, 1, 2, 3, 159, 160, 441, 1000, 4883, 12207}) {
            long expected = (long) Math.ceil((double) n * to / from - 1e-12);
            assertEquals(expected, Resampler.resample(new float[n], from, to).length, n + " samples");
            assertEquals(expected, Resampler.outputLength(n, from, to), n + " samples");
        }
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource(textBlock = RATIOS)
    void passBandTonesKeepTheirAmplitudeAndPhaseUpToNinetyPercentOfTheLowerNyquist(int from, int to) {
        double lowNyquist = Math.min(from, to) / 2.0;
        for (double fraction : new double[] {0.05, 0.5, 0.9}) {
            double f = fraction * lowNyquist;
            float[] y = Resampler.resample(SignalMath.tone(from / 2, from, f, 0.5, 0.3), from, to);
            float[] ideal = SignalMath.tone(y.length, to, f, 0.5, 0.3);
            int e = y.length / 8;
            double gainDb = SignalMath.db(SignalMath.rms(y, e, y.length - e) / SignalMath.rms(ideal, e, y.length - e));
            assertTrue(Math.abs(gainDb) <= 0.1, () -> "tone at " + f + " Hz: gain " + gainDb + " dB");
            double snr = SignalMath.snrDb(y, ideal, e, y.length - e);
            assertTrue(snr >= 90, () -> "tone at " + f + " Hz: SNR against the ideal " + snr + " dB");
        }
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource(textBlock = """
            24414,16000
            44100,16000
            48000,16000
            96000,16000
            22050,16000
            16000,8000
            44101,16000
            """)
    void tonesAboveTheNewNyquistComeOutAtLeast60DbDown(int from, int to) {
        double nyquist = to / 2.0;
        double oldNyquist = from / 2.0;
        for (double f : new double[] {nyquist * 1.0005, nyquist * 1.02, nyquist * 1.2,
                (nyquist + oldNyquist) / 2, oldNyquist * 0.98}) {
            float[] y = Resampler.resample(SignalMath.tone(from / 2, from, f, 1.0, 0.0), from, to);
            int e = y.length / 8;
            double levelDb = SignalMath.db(SignalMath.rms(y, e, y.length - e) / Math.sqrt(0.5));
            assertTrue(levelDb <= -60, () -> "tone at " + f + " Hz came out at " + levelDb + " dB");
        }
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource(textBlock = """
            8000,16000
            16000,48000
            16000,44100
            22050,44100
            """)
    void upsamplingLeavesImagesAtLeast60DbDown(int from, int to) {
        for (double fraction : new double[] {0.5, 0.9}) {
            double f = fraction * from / 2.0;
            float[] y = Resampler.resample(SignalMath.tone(from / 2, from, f, 1.0, 0.0), from, to);
            int e = y.length / 8;
            double image = from - f; // the first image, which a missing filter would leave at full level
            double imageDb = SignalMath.db(SignalMath.amplitudeAt(y, to, image, e, y.length - e));
            assertTrue(imageDb <= -60, () -> "image at " + image + " Hz: " + imageDb + " dB");
        }
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource(textBlock = """
            48000,16000,300
            44100,16000,882
            24414,16000,12207
            8000,16000,200
            16000,48000,200
            16000,44100,320
            """)
    void anImpulseLandsWhereScipyPutsItCentredOnOutputTimeMTimesFromOverTo(int from, int to, int at) {
        float[] x = new float[4 * at];
        x[at] = 1f;
        float[] y = Resampler.resample(x, from, to);
        long m = (long) at * to / from; // exact: the impulse sits on an output instant
        assertEquals(0, (long) at * to % from, "test impulse must fall on an output instant");
        int peak = 0;
        for (int i = 1; i < y.length; i++) {
            if (Math.abs(y[i]) > Math.abs(y[peak])) {
                peak = i;
            }
        }
        assertEquals(m, peak, "peak position");
        for (int j = 1; j < 40; j++) {
            assertEquals(y[(int) m - j], y[(int) m + j], 1e-6f, "symmetric (zero-phase) response at +-" + j);
        }
    }

    @Test
    void theFirstOutputSampleCoincidesWithTheFirstInputSample() {
        // a slow ramp has no energy near the cutoff, so away from the ends the output is the ramp itself
        float[] x = new float[4410];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(Math.PI * i / x.length);
        }
        float[] y = Resampler.resample(x, 44100, 16000);
        for (int m = 100; m < y.length - 100; m++) {
            double t = m * 44100.0 / 16000.0;
            assertEquals(Math.sin(Math.PI * t / x.length), y[m], 1e-5, "output " + m);
        }
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource(textBlock = RATIOS)
    void aConstantStaysExactlyConstantAwayFromTheEnds(int from, int to) {
        float[] x = new float[from / 10];
        java.util.Arrays.fill(x, 0.25f);
        float[] y = Resampler.resample(x, from, to);
        int e = (int) Math.ceil((KaiserSinc.ZEROS + 2) * (double) to / Math.min(from, to));
        for (int m = e; m < y.length - e; m++) {
            assertEquals(0.25f, y[m], 2e-7f, "output " + m);
        }
    }

    @Test
    void equalRatesReturnACopyOfTheInput() {
        float[] x = {1f, -2f, 3f};
        float[] y = Resampler.resample(x, 16000, 16000);
        assertArrayEquals(x, y);
        assertNotSame(x, y);
        PcmAudio audio = new PcmAudio(x, 16000);
        assertSame(audio, Resampler.resample(audio, 16000));
    }

    @Test
    void pcmAudioIsResampledToTheNewRate() {
        PcmAudio audio = new PcmAudio(SignalMath.tone(4800, 48000, 1000, 0.5, 0), 48000);
        PcmAudio out = Resampler.resample(audio, 16000);
        assertEquals(16000, out.sampleRate());
        assertArrayEquals(Resampler.resample(audio.samples(), 48000, 16000), out.samples());
    }

    @Test
    void nonPositiveRatesAreRejected() {
        float[] x = new float[10];
        assertThrows(IllegalArgumentException.class, () -> Resampler.resample(x, 0, 16000));
        assertThrows(IllegalArgumentException.class, () -> Resampler.resample(x, 16000, -1));
        assertThrows(IllegalArgumentException.class, () -> new Resampler.Stream(-8000, 16000));
        assertThrows(IllegalArgumentException.class, () -> new Resampler.Stream(8000, 0));
        assertThrows(IllegalArgumentException.class, () -> Resampler.outputLength(10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Resampler.outputLength(-1, 8000, 16000));
        assertThrows(IllegalArgumentException.class, () -> Resampler.outputLength(Long.MAX_VALUE / 2, 1, 3));
    }

    @Test
    void hugeCoprimeRatiosInterpolateTheirTapsAndSmallerOnesUseAPrecomputedBank() {
        assertInstanceOf(PolyphaseFilter.Interpolated.class, PolyphaseFilter.forRatio(16000, 44101));
        assertInstanceOf(PolyphaseFilter.Bank.class, PolyphaseFilter.forRatio(8000, 12207)); // 24414 -> 16000
        assertInstanceOf(PolyphaseFilter.Bank.class, PolyphaseFilter.forRatio(160, 441));
        assertSame(PolyphaseFilter.forRatio(160, 441), PolyphaseFilter.forRatio(160, 441), "cached");
    }

    @ParameterizedTest(name = "up {0}, down {1}")
    @CsvSource(textBlock = """
            8000,12207
            160,441
            2,1
            1,3
            441,160
            """)
    void interpolatedTapsAgreeWithTheExactBankToFloatPrecision(int up, int down) {
        PolyphaseFilter bank = PolyphaseFilter.create(up, down, Long.MAX_VALUE);
        PolyphaseFilter interpolated = PolyphaseFilter.create(up, down, 0);
        assertInstanceOf(PolyphaseFilter.Bank.class, bank);
        assertInstanceOf(PolyphaseFilter.Interpolated.class, interpolated);
        Random rnd = new Random(42);
        float[] buf = new float[bank.taps()];
        double err = 0;
        double sig = 0;
        for (int trial = 0; trial < 2000; trial++) {
            for (int i = 0; i < buf.length; i++) {
                buf[i] = (float) rnd.nextGaussian();
            }
            int phase = rnd.nextInt(up);
            double a = bank.output(buf, 0, phase);
            double b = interpolated.output(buf, 0, phase);
            err += (a - b) * (a - b);
            sig += a * a;
        }
        double snr = 10 * Math.log10(sig / err);
        assertTrue(snr >= 110, () -> "interpolated vs exact taps: " + snr + " dB");
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource(textBlock = RATIOS + "16000,16000\n")
    void streamingInAnyChunkSizesGivesExactlyTheOneShotSamples(int from, int to) {
        Random rnd = new Random(from * 31L + to);
        float[] x = new float[from / 2 + 37];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian() * 0.3f;
        }
        float[] oneShot = Resampler.resample(x, from, to);
        for (int chunk : new int[] {1, 7, 4096, -1}) {
            Resampler.Stream s = new Resampler.Stream(from, to);
            List<float[]> parts = new ArrayList<>();
            int pos = 0;
            while (pos < x.length) {
                int n = chunk > 0 ? chunk : rnd.nextInt(3000);
                n = Math.min(n, x.length - pos);
                parts.add(s.process(x, pos, n));
                pos += n;
            }
            parts.add(s.flush());
            assertArrayEquals(oneShot, concat(parts), "chunks of " + (chunk > 0 ? chunk : "random size"));
            assertEquals(oneShot.length, s.outputCount());
        }
    }

    @Test
    void aStreamShorterThanTheFilterStillGivesTheOneShotSamples() {
        float[] x = {0.5f, -0.25f, 1f};
        Resampler.Stream s = new Resampler.Stream(44100, 16000);
        float[] head = s.process(x);
        assertEquals(0, head.length, "nothing is complete before the filter's half-length has arrived");
        assertArrayEquals(Resampler.resample(x, 44100, 16000), s.flush());
    }

    @Test
    void aFlushedStreamRefusesMoreInput() {
        Resampler.Stream s = new Resampler.Stream(48000, 16000);
        s.process(new float[100]);
        s.flush();
        assertThrows(IllegalStateException.class, () -> s.process(new float[1]));
        assertThrows(IllegalStateException.class, s::flush);
    }

    @Test
    void concurrentCallersShareTheCacheAndGetIdenticalResults() throws Exception {
        float[] x = SignalMath.tone(24414, 24414, 440, 0.5, 0);
        float[] expected = Resampler.resample(x, 24414, 16000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int from = i % 2 == 0 ? 24414 : 44100;
                results.add(pool.submit(() -> Resampler.resample(from == 24414 ? x : SignalMath.tone(4410, 44100, 440, 0.5, 0),
                        from, 16000)));
            }
            for (int i = 0; i < results.size(); i += 2) {
                assertArrayEquals(expected, results.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static float[] concat(List<float[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        float[] all = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
