package org.ser4j.core.dsp;

import java.util.Arrays;
import java.util.Objects;

import org.ser4j.core.audio.PcmAudio;

/**
 * Band-limited resampling between any two integer rates, by rational polyphase filtering as
 * {@code scipy.signal.resample_poly(x, to, from)} does it, with a sharper anti-aliasing filter.
 *
 * <p>Kept from scipy: the ratio is reduced by the gcd; the output has {@code ceil(n * up / down)} samples;
 * output {@code m} lies at input time {@code m * from / to}, so the first output coincides with the first
 * input (scipy's filter-delay compensation); the signal is zero beyond both ends ({@code padtype='constant'}).
 * Changed: the filter ({@link KaiserSinc}: cutoff 0.95 x the lower Nyquist, Kaiser beta 10, 64 lower-rate
 * samples each side, instead of cutoff 1.0, beta 5, 10 samples). Everything above the new Nyquist is
 * attenuated by at least ~99 dB, and everything below 0.9 x the lower Nyquist passes within 0.0001 dB, where
 * scipy's default passes a tone just above the Nyquist at -6 dB and is itself only about 60 dB (59-65 dB on
 * multi-tone test signals) from an ideal resampler in band. On band-limited signals this output therefore
 * agrees with scipy's to about 60 dB (scipy's own error) and with the ideal band-limited result to about
 * 115 dB (float precision).
 *
 * <p>A pure, thread-safe utility: the per-ratio filter tables are built once and shared through a bounded
 * cache. For long signals use a {@link Stream}, which gives exactly the same samples in bounded memory.
 */
public final class Resampler {

    private Resampler() {
    }

    /**
     * {@code x} (sampled at {@code fromRate}) resampled to {@code toRate}. When the rates are equal the result
     * is a copy of {@code x}, never {@code x} itself, so callers may modify either array freely.
     *
     * @throws IllegalArgumentException if a rate is not positive or the output would exceed an array's size
     */
    public static float[] resample(float[] x, int fromRate, int toRate) {
        Objects.requireNonNull(x, "x");
        Ratio ratio = Ratio.of(fromRate, toRate);
        int nOut = outputLength(x.length, ratio);
        if (ratio.isIdentity()) {
            return x.clone();
        }
        PolyphaseFilter f = PolyphaseFilter.forRatio(ratio.up, ratio.down);
        float[] out = new float[nOut];
        float[] edge = new float[f.taps()];
        Cursor c = new Cursor(f);
        for (int m = 0; m < nOut; m++, c.advance()) {
            long start = c.kc - f.half;
            if (start >= 0 && c.kc + f.half < x.length) {
                out[m] = f.output(x, (int) start, c.phase);
            } else {
                // near an end: the same dot product over an explicit zero-padded window
                for (int i = 0; i < edge.length; i++) {
                    long k = start + i;
                    edge[i] = k >= 0 && k < x.length ? x[(int) k] : 0f;
                }
                out[m] = f.output(edge, 0, c.phase);
            }
        }
        return out;
    }

    /**
     * {@code audio} resampled to {@code toRate}; the same object back when it is already at that rate
     * (PcmAudio's samples are read-only by contract).
     */
    public static PcmAudio resample(PcmAudio audio, int toRate) {
        Objects.requireNonNull(audio, "audio");
        if (audio.sampleRate() == toRate) {
            return audio;
        }
        return new PcmAudio(resample(audio.samples(), audio.sampleRate(), toRate), toRate);
    }

    /**
     * Number of samples {@link #resample(float[], int, int)} returns for {@code n} input samples:
     * {@code ceil(n * up / down)} with {@code up/down = toRate/fromRate} reduced (scipy's length).
     *
     * @throws IllegalArgumentException if a rate is not positive or {@code n} is negative
     */
    public static long outputLength(long n, int fromRate, int toRate) {
        if (n < 0) {
            throw new IllegalArgumentException("sample count must not be negative, was " + n);
        }
        Ratio r = Ratio.of(fromRate, toRate);
        try {
            return ceilDiv(Math.multiplyExact(n, (long) r.up), r.down);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the output length of " + n + " samples resampled by " + r.up
                    + "/" + r.down + " overflows a long", e);
        }
    }

    private static int outputLength(int n, Ratio r) {
        long len = ceilDiv((long) n * r.up, r.down);
        if (len > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("resampling " + n + " samples by " + r.up + "/" + r.down
                    + " gives " + len + " samples, more than an array holds; use a Resampler.Stream");
        }
        return (int) len;
    }

    private static long ceilDiv(long a, long b) {
        return a / b + (a % b == 0 ? 0 : 1);
    }

    /** The reduced ratio {@code up/down = toRate/fromRate}. */
    private record Ratio(int up, int down) {

        static Ratio of(int fromRate, int toRate) {
            if (fromRate <= 0) {
                throw new IllegalArgumentException("source sample rate must be positive, was " + fromRate);
            }
            if (toRate <= 0) {
                throw new IllegalArgumentException("target sample rate must be positive, was " + toRate);
            }
            int g = gcd(fromRate, toRate);
            return new Ratio(toRate / g, fromRate / g);
        }

        boolean isIdentity() {
            return up == 1 && down == 1;
        }

        private static int gcd(int a, int b) {
            while (b != 0) {
                int t = a % b;
                a = b;
                b = t;
            }
            return a;
        }
    }

    /** Walks output indices: {@code kc = floor(m down / up)} and {@code phase = m down mod up}, without overflow. */
    private static final class Cursor {
        private final int up;
        private final int stepWhole;
        private final int stepFrac;
        long kc;
        int phase;

        Cursor(PolyphaseFilter f) {
            this.up = f.up;
            this.stepWhole = f.down / f.up;
            this.stepFrac = f.down % f.up;
        }

        void advance() {
            kc += stepWhole;
            phase += stepFrac;
            if (phase >= up) {
                phase -= up;
                kc++;
            }
        }
    }

    /**
     * Incremental resampling of one long signal fed in chunks of any size: the concatenation of everything
     * {@link #process} and {@link #flush} return is exactly (bit for bit) what
     * {@link Resampler#resample(float[], int, int)} returns for the whole signal. Memory stays bounded by
     * the filter length plus the largest chunk. Not thread-safe: one stream belongs to one signal.
     */
    public static final class Stream {
        private static final float[] NONE = new float[0];

        private final PolyphaseFilter filter; // null for equal rates
        private final Ratio ratio;
        private final Cursor cursor;
        /** Input samples from global index {@code bufStart}; starts with J zeros before sample 0. */
        private float[] buf;
        private long bufStart;
        private int bufLen;
        private long inputCount;
        private long outputCount;
        private boolean flushed;

        /**
         * @throws IllegalArgumentException if a rate is not positive
         */
        public Stream(int fromRate, int toRate) {
            this.ratio = Ratio.of(fromRate, toRate);
            if (ratio.isIdentity()) {
                filter = null;
                cursor = null;
                buf = NONE;
                return;
            }
            filter = PolyphaseFilter.forRatio(ratio.up, ratio.down);
            cursor = new Cursor(filter);
            int half = filter.half;
            buf = new float[Math.max(4 * filter.taps(), 4096)];
            bufStart = -half;
            bufLen = half; // the zeros that stand for the signal before its start
        }

        /** {@link #process(float[], int, int)} of the whole array. */
        public float[] process(float[] chunk) {
            Objects.requireNonNull(chunk, "chunk");
            return process(chunk, 0, chunk.length);
        }

        /**
         * Feeds {@code length} samples from {@code chunk[offset]} and returns the output samples that they
         * complete (possibly none; the last ones come from {@link #flush}). The chunk is not retained.
         *
         * @throws IllegalStateException if the stream has been flushed
         */
        public float[] process(float[] chunk, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, chunk.length);
            requireOpen();
            inputCount += length;
            if (filter == null) {
                outputCount += length;
                return Arrays.copyOfRange(chunk, offset, offset + length);
            }
            append(chunk, offset, length);
            // outputs whose last input kc + J is present: m down < (inputCount - J) up
            long ready = inputCount > filter.half
                    ? ceilDiv(Math.multiplyExact(inputCount - filter.half, (long) ratio.up), ratio.down)
                    : 0;
            return emit(ready);
        }

        /**
         * Ends the signal: returns the remaining output samples, computed with zeros after the last input as
         * the one-shot form does. The stream accepts nothing afterwards.
         *
         * @throws IllegalStateException if already flushed
         */
        public float[] flush() {
            requireOpen();
            flushed = true;
            if (filter == null) {
                return NONE;
            }
            float[] zeros = new float[filter.half];
            append(zeros, 0, zeros.length);
            return emit(ceilDiv(Math.multiplyExact(inputCount, (long) ratio.up), ratio.down));
        }

        /** Output samples produced so far. */
        public long outputCount() {
            return outputCount;
        }

        private void requireOpen() {
            if (flushed) {
                throw new IllegalStateException("the stream has been flushed; start a new one for a new signal");
            }
        }

        private float[] emit(long until) {
            int n = Math.toIntExact(Math.max(0, until - outputCount));
            float[] out = new float[n];
            for (int i = 0; i < n; i++, cursor.advance()) {
                int start = (int) (cursor.kc - filter.half - bufStart);
                out[i] = filter.output(buf, start, cursor.phase);
            }
            outputCount += n;
            return out;
        }

        private void append(float[] src, int offset, int length) {
            // everything before the next output's first input is no longer needed
            long keepFrom = Math.min(cursor.kc - filter.half, bufStart + bufLen);
            int drop = (int) (keepFrom - bufStart);
            int kept = bufLen - drop;
            if (kept + length > buf.length) {
                float[] bigger = new float[Math.max(2 * buf.length, kept + length)];
                System.arraycopy(buf, drop, bigger, 0, kept);
                buf = bigger;
            } else if (drop > 0) {
                System.arraycopy(buf, drop, buf, 0, kept);
            }
            bufStart = keepFrom;
            bufLen = kept;
            System.arraycopy(src, offset, buf, bufLen, length);
            bufLen += length;
        }
    }
}
