package org.ser4j.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.ser4j.core.dsp.FloatMatrix;
import org.ser4j.core.dsp.MelFilterBank;
import org.ser4j.core.dsp.MelNorm;
import org.ser4j.core.dsp.MelScale;
import org.ser4j.core.dsp.PowerToDb;
import org.ser4j.core.dsp.Stft;

/**
 * What the page draws of a recording: a waveform of per-bucket min/max and a log-mel spectrogram quantised to
 * bytes, both computed as the samples stream past, in memory bounded by the number of points and frames (an
 * hour of audio costs no more than a second). When a recording outgrows the point or frame budget, neighbouring
 * buckets are merged pairwise and the bucket length doubles, so the budget holds without knowing the length.
 *
 * <p>The spectrogram reuses ser4j-core's librosa-compatible {@link Stft} and {@link MelFilterBank} on short
 * overlapping chunks; each chunk's frames are taken only where the chunk holds their whole window, so the
 * result equals one STFT of the whole recording.
 */
final class Visuals {

    /** Most waveform points; even, so merging pairs is exact. */
    static final int MAX_POINTS = 1000;
    /** Most spectrogram frames; even. */
    static final int MAX_FRAMES = 800;
    /** Mel bands. */
    static final int BANDS = 64;
    /** Dynamic range shown below the loudest cell, dB. */
    static final double TOP_DB = 80;
    /** FFT length: 64 ms at 16 kHz, fine enough for a picture. */
    static final int N_FFT = 1024;
    /** Hop: a quarter window, so the half window is a whole number of hops. */
    static final int HOP = N_FFT / 4;
    /** Frames computed per STFT call. */
    private static final int CHUNK_FRAMES = 128;
    /** Smallest power considered, librosa's amin. */
    private static final double AMIN = 1e-10;

    /** The immutable tables one server shares between requests (they depend only on the rate). */
    static final class Tables {
        final int rate;
        final Stft stft;
        final MelFilterBank bank;

        Tables(int rate) {
            this.rate = rate;
            this.stft = new Stft(N_FFT, HOP);
            this.bank = MelFilterBank.create(rate, N_FFT, BANDS, 0, rate / 2.0, MelScale.SLANEY, MelNorm.SLANEY);
        }
    }

    private final Tables tables;

    // waveform: finished buckets of `samplesPerPoint` samples, then the one being filled
    private final float[] lows = new float[MAX_POINTS];
    private final float[] highs = new float[MAX_POINTS];
    private int points;
    private long samplesPerPoint = 1;
    private float low = Float.POSITIVE_INFINITY;
    private float high = Float.NEGATIVE_INFINITY;
    private long filled;

    // spectrogram: samples not yet framed (with N_FFT/2 zeros in front, librosa's centring), pooled mel power
    private float[] pending = new float[N_FFT / 2 + CHUNK_FRAMES * HOP + N_FFT];
    private int pendingLength = N_FFT / 2;
    private long samples;
    private long framesDone;
    private final double[] pooled = new double[MAX_FRAMES * BANDS];
    private final int[] pooledCounts = new int[MAX_FRAMES];
    private int pooledFrames;
    private long framesPerPooled = 1;
    private final double[] current = new double[BANDS];
    private int currentCount;

    Visuals(Tables tables) {
        this.tables = tables;
    }

    /** Takes the next {@code n} mono samples at the tables' rate. */
    void accept(float[] block, int n) {
        for (int i = 0; i < n; i++) {
            float v = block[i];
            low = Math.min(low, v);
            high = Math.max(high, v);
            if (++filled == samplesPerPoint) {
                pushPoint();
            }
        }
        samples += n;
        for (int at = 0; at < n; ) {
            int room = pending.length - pendingLength;
            int take = Math.min(room, n - at);
            System.arraycopy(block, at, pending, pendingLength, take);
            pendingLength += take;
            at += take;
            if (pendingLength == pending.length) {
                frameChunk(CHUNK_FRAMES);
            }
        }
    }

    /** The {@code visuals} JSON object of everything accepted. */
    Map<String, Object> finish() {
        if (filled > 0) {
            if (points == MAX_POINTS) {
                halvePoints();
            }
            lows[points] = low;
            highs[points] = high;
            points++;
        }
        // librosa's centred STFT pads the end with half a window of zeros too, and has 1 + samples/hop frames
        long total = 1 + samples / HOP;
        ensurePending(pendingLength + N_FFT / 2);
        Arrays.fill(pending, pendingLength, pendingLength + N_FFT / 2, 0f);
        pendingLength += N_FFT / 2;
        while (framesDone < total) {
            frameChunk((int) Math.min(CHUNK_FRAMES, total - framesDone));
        }
        if (currentCount > 0) {
            if (pooledFrames == MAX_FRAMES) {
                halveFrames();
            }
            storePooled();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("waveform", waveform());
        out.put("mel", mel());
        return out;
    }

    private Map<String, Object> waveform() {
        List<Double> min = new ArrayList<>(points);
        List<Double> max = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            min.add(round4(lows[i]));
            max.add(round4(highs[i]));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("points", points);
        o.put("seconds_per_point", round6((double) samplesPerPoint / tables.rate));
        o.put("min", min);
        o.put("max", max);
        return o;
    }

    private Map<String, Object> mel() {
        float[] power = new float[pooledFrames * BANDS];
        float peak = 0;
        for (int t = 0; t < pooledFrames; t++) {
            for (int b = 0; b < BANDS; b++) {
                float p = (float) (pooled[t * BANDS + b] / pooledCounts[t]);
                power[t * BANDS + b] = p;
                peak = Math.max(peak, p);
            }
        }
        // power_to_db(S, ref=np.max, top_db=80): 0 dB at the loudest cell, nothing below -80 dB
        FloatMatrix db = new PowerToDb(Math.max(peak, AMIN), AMIN, OptionalDouble.of(TOP_DB))
                .apply(new FloatMatrix(pooledFrames, BANDS, power));
        byte[] bytes = new byte[power.length];
        float[] cells = db.data();
        for (int i = 0; i < cells.length; i++) {
            double level = (cells[i] + TOP_DB) / TOP_DB;
            bytes[i] = (byte) Math.max(0, Math.min(255, Math.round(level * 255)));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("bands", BANDS);
        o.put("frames", pooledFrames);
        o.put("seconds_per_frame", round6((double) framesPerPooled * HOP / tables.rate));
        o.put("min_db", -(int) TOP_DB);
        o.put("max_db", 0);
        o.put("data", Base64.getEncoder().encodeToString(bytes));
        return o;
    }

    private void pushPoint() {
        if (points == MAX_POINTS) {
            halvePoints();
            // the bucket just filled is half of one at the new length: it keeps filling
            filled = samplesPerPoint / 2;
            return;
        }
        lows[points] = low;
        highs[points] = high;
        points++;
        low = Float.POSITIVE_INFINITY;
        high = Float.NEGATIVE_INFINITY;
        filled = 0;
    }

    private void halvePoints() {
        for (int i = 0; i < points / 2; i++) {
            lows[i] = Math.min(lows[2 * i], lows[2 * i + 1]);
            highs[i] = Math.max(highs[2 * i], highs[2 * i + 1]);
        }
        points /= 2;
        samplesPerPoint *= 2;
    }

    /**
     * Frames the next {@code count} STFT frames from {@code pending}, whose index 0 is padded sample
     * {@code framesDone * HOP}. Stft centres its own frames on multiples of the hop from the start of what it is
     * given, so frame {@code t} of the recording is its frame {@code t - framesDone + N_FFT / (2 HOP)}.
     */
    private void frameChunk(int count) {
        int needed = (count - 1) * HOP + N_FFT;
        float[] chunk = Arrays.copyOf(pending, needed);
        FloatMatrix mel = tables.bank.apply(tables.stft.compute(chunk, Stft.Scale.POWER), Stft.Scale.POWER);
        int shift = N_FFT / (2 * HOP);
        float[] cells = mel.data();
        for (int j = 0; j < count; j++) {
            int row = (j + shift) * BANDS;
            for (int b = 0; b < BANDS; b++) {
                current[b] += cells[row + b];
            }
            if (++currentCount == framesPerPooled) {
                pushFrame();
            }
        }
        framesDone += count;
        int consumed = count * HOP;
        System.arraycopy(pending, consumed, pending, 0, pendingLength - consumed);
        pendingLength -= consumed;
    }

    private void pushFrame() {
        if (pooledFrames == MAX_FRAMES) {
            halveFrames();
            return;
        }
        storePooled();
    }

    private void storePooled() {
        System.arraycopy(current, 0, pooled, pooledFrames * BANDS, BANDS);
        pooledCounts[pooledFrames] = currentCount;
        pooledFrames++;
        Arrays.fill(current, 0);
        currentCount = 0;
    }

    private void halveFrames() {
        for (int i = 0; i < pooledFrames / 2; i++) {
            for (int b = 0; b < BANDS; b++) {
                pooled[i * BANDS + b] = pooled[2 * i * BANDS + b] + pooled[(2 * i + 1) * BANDS + b];
            }
            pooledCounts[i] = pooledCounts[2 * i] + pooledCounts[2 * i + 1];
        }
        pooledFrames /= 2;
        framesPerPooled *= 2;
    }

    private void ensurePending(int length) {
        if (length > pending.length) {
            pending = Arrays.copyOf(pending, length);
        }
    }

    private static double round4(float v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
