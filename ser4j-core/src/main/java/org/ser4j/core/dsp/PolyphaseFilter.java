package org.ser4j.core.dsp;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link KaiserSinc} prototype split into the {@code up} phases that a reduced ratio {@code up/down}
 * needs, as {@code scipy.signal.resample_poly} / {@code upfirdn} apply it but without ever forming the
 * zero-stuffed signal.
 *
 * <p>Output sample {@code m} sits at input time {@code m * down / up} (scipy's delay compensation makes its
 * filter zero-phase, so the first output coincides with the first input). With {@code kc = floor(m down / up)}
 * and phase {@code p = m down - kc up}, it is the dot product of {@code x[kc - J .. kc + J]} with the phase's
 * {@link #taps()} weights {@code h(p + (J - i) up)}, {@code h} being the prototype at the upsampled rate.
 * Each phase is normalised to unit sum (exact DC gain; scipy normalises the whole filter, a difference below
 * -100 dB here). Samples outside the signal count as zeros, as scipy's default {@code padtype='constant'}.
 *
 * <p>Two strategies, same weights to ~1e-7: {@link Bank} precomputes all phases (when {@code up * taps} is at
 * most {@link #MAX_BANK_FLOATS}), {@link Interpolated} computes each tap from a fine shared table of the
 * prototype by linear interpolation (e.g. 44101 to 16000 Hz, gcd 1, would need 5.7 M floats). Instances are
 * immutable and thread-safe and are cached per ratio in a small LRU cache.
 */
abstract sealed class PolyphaseFilter permits PolyphaseFilter.Bank, PolyphaseFilter.Interpolated {

    /** Largest precomputed bank, in floats (8 MiB); 24414 -> 16000 Hz needs 1.58 M. */
    static final int MAX_BANK_FLOATS = 1 << 21;
    /** Most bank floats kept by the cache across ratios (16 MiB); least recently used banks go first. */
    private static final long MAX_CACHED_FLOATS = 1L << 22;
    private static final int MAX_CACHED_RATIOS = 16;

    private static final Map<Long, PolyphaseFilter> CACHE = new LinkedHashMap<>(16, 0.75f, true);
    private static long cachedFloats;

    final int up;
    final int down;
    /** Taps each side of the centre input sample: {@code x[kc - J .. kc + J]} are read. */
    final int half;

    private PolyphaseFilter(int up, int down) {
        this.up = up;
        this.down = down;
        long r = Math.max(up, down);
        long support = KaiserSinc.ZEROS * r; // prototype half-length at the upsampled rate
        // smallest J with p + J up >= support and p - J up <= -support for every phase p in [0, up)
        this.half = Math.toIntExact((support + 2L * up - 2) / up);
    }

    /** Number of input samples each output reads, {@code 2 J + 1}. */
    final int taps() {
        return 2 * half + 1;
    }

    /**
     * One output: the weighted sum of {@code buf[start .. start + taps())} for phase {@code phase}. Pure
     * function of its arguments, so one-shot and streaming calls give identical bits.
     */
    abstract float output(float[] buf, int start, int phase);

    /** The filter for the reduced ratio {@code up/down} (coprime, not both 1), cached. */
    static PolyphaseFilter forRatio(int up, int down) {
        Long key = ((long) up << 32) | down;
        synchronized (CACHE) {
            PolyphaseFilter f = CACHE.get(key);
            if (f != null) {
                return f;
            }
        }
        // built outside the lock: a bank takes up to ~0.1 s and other ratios should not wait for it
        PolyphaseFilter built = create(up, down, MAX_BANK_FLOATS);
        synchronized (CACHE) {
            PolyphaseFilter raced = CACHE.get(key);
            if (raced != null) {
                return raced;
            }
            CACHE.put(key, built);
            cachedFloats += built.tableFloats();
            Iterator<PolyphaseFilter> lru = CACHE.values().iterator();
            while ((cachedFloats > MAX_CACHED_FLOATS || CACHE.size() > MAX_CACHED_RATIOS) && lru.hasNext()) {
                PolyphaseFilter old = lru.next();
                if (old == built) {
                    continue;
                }
                cachedFloats -= old.tableFloats();
                lru.remove();
            }
            return built;
        }
    }

    /** A new filter, precomputed if its bank fits in {@code maxBankFloats} (tests force either strategy). */
    static PolyphaseFilter create(int up, int down, long maxBankFloats) {
        long r = Math.max(up, down);
        long half = (KaiserSinc.ZEROS * r + 2L * up - 2) / up;
        long bankFloats = (long) up * (2 * half + 1);
        return bankFloats <= maxBankFloats ? new Bank(up, down) : new Interpolated(up, down);
    }

    abstract long tableFloats();

    /** All phases precomputed from the exact prototype, each row normalised to unit sum. */
    static final class Bank extends PolyphaseFilter {
        private final float[] rows;

        Bank(int up, int down) {
            super(up, down);
            int taps = taps();
            double r = Math.max(up, down);
            rows = new float[Math.multiplyExact(up, taps)];
            double[] row = new double[taps];
            for (int p = 0; p < up; p++) {
                double sum = 0.0;
                for (int i = 0; i < taps; i++) {
                    row[i] = KaiserSinc.at((p + (double) (half - i) * up) / r);
                    sum += row[i];
                }
                int base = p * taps;
                for (int i = 0; i < taps; i++) {
                    rows[base + i] = (float) (row[i] / sum);
                }
            }
        }

        @Override
        float output(float[] buf, int start, int phase) {
            int taps = taps();
            int base = phase * taps;
            // four independent sums: the adds pipeline instead of waiting on one another
            float a0 = 0f;
            float a1 = 0f;
            float a2 = 0f;
            float a3 = 0f;
            int i = 0;
            for (; i + 3 < taps; i += 4) {
                a0 += rows[base + i] * buf[start + i];
                a1 += rows[base + i + 1] * buf[start + i + 1];
                a2 += rows[base + i + 2] * buf[start + i + 2];
                a3 += rows[base + i + 3] * buf[start + i + 3];
            }
            for (; i < taps; i++) {
                a0 += rows[base + i] * buf[start + i];
            }
            return (a0 + a1) + (a2 + a3);
        }

        @Override
        long tableFloats() {
            return rows.length;
        }
    }

    /** Taps interpolated from {@link KaiserSinc#interpolated()}, normalised per output. */
    static final class Interpolated extends PolyphaseFilter {
        private static final float[] TABLE = KaiserSinc.interpolated();
        private static final double ORIGIN = (double) (KaiserSinc.ZEROS + KaiserSinc.TABLE_MARGIN)
                * KaiserSinc.TABLE_DENSITY;

        /** Table index step per tap, {@code up / R * density}. */
        private final double step;
        private final double scale;

        Interpolated(int up, int down) {
            super(up, down);
            scale = (double) KaiserSinc.TABLE_DENSITY / Math.max(up, down);
            step = up * scale;
        }

        @Override
        float output(float[] buf, int start, int phase) {
            int taps = taps();
            // table position of tap i: (p + (J - i) up) / R in lower-rate samples, shifted to the table origin
            double first = (phase + (double) half * up) * scale + ORIGIN;
            float acc = 0f;
            float weights = 0f;
            for (int i = 0; i < taps; i++) {
                double pos = first - i * step;
                int j = (int) pos;
                float frac = (float) (pos - j);
                float w = TABLE[j] + frac * (TABLE[j + 1] - TABLE[j]);
                acc += w * buf[start + i];
                weights += w;
            }
            return acc / weights;
        }

        @Override
        long tableFloats() {
            return 0; // the shared table belongs to KaiserSinc
        }
    }
}
