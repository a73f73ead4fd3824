package org.ser4j.core.features;

import java.util.Arrays;
import org.ser4j.core.dsp.FloatMatrix;

/**
 * librosa 0.10.1's chroma filter bank, {@code librosa.filters.chroma(sr, n_fft, n_chroma, tuning, ctroct,
 * octwidth, norm=2, base_c=True, dtype=float32)}: for every FFT bin a Gaussian bump over the chroma circle
 * centred on the bin's pitch class (twice as narrow as the bin spacing in chroma units, never narrower than one
 * chroma bin), each bin's column scaled to unit L2 norm, then weighted by a Gaussian over octaves, rows rolled so
 * that chroma 0 is C, and the result stored as float32.
 *
 * <p>Built in double precision exactly as librosa writes it, then rounded to float. Immutable and thread-safe.
 */
public final class ChromaFilterBank {

    /** librosa's reference pitch; its octave numbers count from {@code A440 / 16} = 27.5 Hz (A0). */
    private static final double A440 = 440.0;

    /** Weights below this fraction of their bin's largest weight are left out of {@link #apply}. */
    static final double NEGLIGIBLE = 1e-9;
    /** Chroma covered by one bin's significant weights above ~130 Hz (6 or 7 of 12; see {@link Plan}). */
    private static final int WINDOW = 8;

    private final int nChroma;
    private final int bins;
    private final double tuning;
    /** Weights bin-major, {@code weights[bin * nChroma + chroma]}, exactly as librosa stores them (transposed). */
    private final float[] weights;
    private final Plan plan;

    private ChromaFilterBank(int nChroma, int bins, double tuning, float[] weights) {
        this.nChroma = nChroma;
        this.bins = bins;
        this.tuning = tuning;
        this.weights = weights;
        this.plan = Plan.of(weights, nChroma, bins);
    }

    /**
     * The filter bank with librosa's defaults: {@link OctaveWeighting#LIBROSA_DEFAULT} ({@code ctroct=5.0,
     * octwidth=2}), L2 column norm, rolled to start at C.
     *
     * @param sampleRate sampling rate in Hz; positive
     * @param nFft       FFT length; even, at least 2 (the bank has {@code nFft/2 + 1} bins)
     * @param nChroma    chroma bins per octave; positive (librosa default 12)
     * @param tuning     deviation from A440 tuning in fractions of a chroma bin; finite (librosa default 0.0)
     */
    public static ChromaFilterBank librosaDefault(int sampleRate, int nFft, int nChroma, double tuning) {
        return create(sampleRate, nFft, nChroma, tuning, OctaveWeighting.LIBROSA_DEFAULT);
    }

    /**
     * The filter bank with an explicit octave weighting ({@link OctaveWeighting#NONE} for librosa's
     * {@code octwidth=None}); other parameters as in {@link #librosaDefault}.
     */
    public static ChromaFilterBank create(int sampleRate, int nFft, int nChroma, double tuning,
                                          OctaveWeighting weighting) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        if (nFft < 2 || nFft % 2 != 0) {
            throw new IllegalArgumentException("n_fft must be even and at least 2, was " + nFft);
        }
        if (nChroma <= 0) {
            throw new IllegalArgumentException("n_chroma must be positive, was " + nChroma);
        }
        if (!Double.isFinite(tuning)) {
            throw new IllegalArgumentException("tuning must be finite, was " + tuning);
        }
        if (weighting == null) {
            throw new IllegalArgumentException("octave weighting must not be null (use OctaveWeighting.NONE)");
        }
        double[][] wts = librosaWeights(sampleRate, nFft, nChroma, tuning, weighting);
        int bins = nFft / 2 + 1;
        // base_c: np.roll(wts, -3 * (n_chroma // 12), axis=0) puts row (c + shift) mod n at row c.
        int shift = 3 * (nChroma / 12);
        float[] weights = new float[bins * nChroma];
        for (int f = 0; f < bins; f++) {
            for (int c = 0; c < nChroma; c++) {
                weights[f * nChroma + c] = (float) wts[Math.floorMod(c + shift, nChroma)][f];
            }
        }
        return new ChromaFilterBank(nChroma, bins, tuning, weights);
    }

    /** The full {@code n_chroma x n_fft} double matrix before the roll and the truncation to {@code nFft/2+1}. */
    private static double[][] librosaWeights(int sampleRate, int nFft, int nChroma, double tuning,
                                             OctaveWeighting weighting) {
        // frequencies = np.linspace(0, sr, n_fft, endpoint=False): k * (sr / n_fft)
        double step = (double) sampleRate / nFft;
        double a440 = A440 * Math.pow(2.0, tuning / nChroma);
        double refHz = a440 / 16;
        double[] frqbins = new double[nFft];
        for (int k = 1; k < nFft; k++) {
            frqbins[k] = nChroma * log2((k * step) / refHz);
        }
        // The 0 Hz bin is made up: 1.5 octaves below bin 1, so it is broad and half-way round the chroma circle.
        frqbins[0] = frqbins[1] - 1.5 * nChroma;

        double[] binWidth = new double[nFft];
        for (int k = 0; k < nFft - 1; k++) {
            binWidth[k] = Math.max(frqbins[k + 1] - frqbins[k], 1.0);
        }
        binWidth[nFft - 1] = 1.0;

        double half = Math.rint(nChroma / 2.0);
        double[][] wts = new double[nChroma][nFft];
        for (int c = 0; c < nChroma; c++) {
            for (int k = 0; k < nFft; k++) {
                // np.remainder(D + n_chroma2 + 10 * n_chroma, n_chroma) - n_chroma2, D = frqbins - c
                double d = pythonRemainder(frqbins[k] - c + half + 10 * nChroma, nChroma) - half;
                double z = 2 * d / binWidth[k];
                wts[c][k] = Math.exp(-0.5 * (z * z));
            }
        }
        for (int k = 0; k < nFft; k++) {
            // util.normalize(norm=2, axis=0): numpy sums the squares row after row; columns below tiny are kept.
            double sumSquares = 0.0;
            for (int c = 0; c < nChroma; c++) {
                sumSquares += wts[c][k] * wts[c][k];
            }
            double length = Math.sqrt(sumSquares);
            if (length < Double.MIN_NORMAL) {
                length = 1.0;
            }
            double octaveWeight = weighting.weight(frqbins[k] / nChroma);
            for (int c = 0; c < nChroma; c++) {
                wts[c][k] = wts[c][k] / length * octaveWeight;
            }
        }
        return wts;
    }

    /** numpy's floating {@code np.remainder}: the result takes the sign of the divisor. */
    private static double pythonRemainder(double x, double m) {
        double r = x % m;
        if (r != 0 && (r < 0) != (m < 0)) {
            r += m;
        } else if (r == 0) {
            r = Math.copySign(0.0, m);
        }
        return r;
    }

    /** {@code log2(x)} in double precision (numpy's {@code np.log2} on float64). */
    static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }

    /** Chroma bins (rows of librosa's matrix). */
    public int nChroma() {
        return nChroma;
    }

    /** FFT bins (columns of librosa's matrix), {@code nFft/2 + 1}. */
    public int bins() {
        return bins;
    }

    /** The tuning this bank was built for, in fractions of a chroma bin. */
    public double tuning() {
        return tuning;
    }

    /** librosa's {@code chroma(...)[chroma, bin]}. */
    public float weight(int chroma, int bin) {
        if (chroma < 0 || chroma >= nChroma || bin < 0 || bin >= bins) {
            throw new IndexOutOfBoundsException("(" + chroma + ", " + bin + ") outside " + nChroma + "x" + bins);
        }
        return weights[bin * nChroma + chroma];
    }

    /**
     * Raw (unnormalised) chroma: {@code filterbank @ S} for a frame-major spectrogram, frames x nChroma, as
     * float32 like librosa's. Sums run in double precision; weights below {@value #NEGLIGIBLE} of their bin's
     * largest weight are skipped, which moves each value by at most {@code nChroma * 1e-9} of the frame's
     * maximum (float32 resolves 6e-8).
     *
     * @param spectrogram frames x {@link #bins()}, used as given (librosa does not square an {@code S} it is handed)
     */
    public FloatMatrix apply(FloatMatrix spectrogram) {
        if (spectrogram.cols() != bins) {
            throw new IllegalArgumentException("spectrogram has " + spectrogram.cols() + " bins per frame, the chroma"
                    + " filter bank expects " + bins + " (n_fft " + 2 * (bins - 1) + ")");
        }
        int frames = spectrogram.rows();
        float[] in = spectrogram.data();
        float[] out = new float[Math.multiplyExact(frames, nChroma)];
        double[] acc = new double[nChroma];
        for (int t = 0; t < frames; t++) {
            Arrays.fill(acc, 0.0);
            plan.project(in, t * bins, acc);
            for (int c = 0; c < nChroma; c++) {
                out[t * nChroma + c] = (float) acc[c];
            }
        }
        return new FloatMatrix(frames, nChroma, out);
    }

    /**
     * The projection laid out for speed: runs of consecutive bins whose significant weights (at least
     * {@link #NEGLIGIBLE} of the bin's largest) fit in the same circular window of {@link #WINDOW} chroma share
     * one loop with {@code WINDOW} accumulators in registers; the other bins (below ~130 Hz, where a bin is wider
     * than a semitone and touches every chroma) are projected densely.
     */
    private static final class Plan {

        private final int nChroma;
        /** Per segment: first bin, end bin (exclusive), first chroma of the window or -1 for dense. */
        private final int[] first;
        private final int[] end;
        private final int[] window;
        /** Per segment: offset of its weights in {@code packed}, WINDOW or nChroma per bin. */
        private final int[] offset;
        private final double[] packed;

        private Plan(int nChroma, int[] first, int[] end, int[] window, int[] offset, double[] packed) {
            this.nChroma = nChroma;
            this.first = first;
            this.end = end;
            this.window = window;
            this.offset = offset;
            this.packed = packed;
        }

        static Plan of(float[] weights, int nChroma, int bins) {
            int[] start = new int[bins];
            for (int f = 0; f < bins; f++) {
                start[f] = nChroma >= WINDOW ? windowStart(weights, f * nChroma, nChroma) : -1;
            }
            int segments = 0;
            for (int f = 0; f < bins; f++) {
                if (f == 0 || start[f] != start[f - 1]) {
                    segments++;
                }
            }
            int[] first = new int[segments];
            int[] end = new int[segments];
            int[] window = new int[segments];
            int[] offset = new int[segments];
            int size = 0;
            int g = -1;
            for (int f = 0; f < bins; f++) {
                if (f == 0 || start[f] != start[f - 1]) {
                    g++;
                    first[g] = f;
                    window[g] = start[f];
                    offset[g] = size;
                }
                end[g] = f + 1;
                size += start[f] < 0 ? nChroma : WINDOW;
            }
            double[] packed = new double[size];
            for (g = 0; g < segments; g++) {
                int p = offset[g];
                for (int f = first[g]; f < end[g]; f++) {
                    if (window[g] < 0) {
                        for (int c = 0; c < nChroma; c++) {
                            packed[p++] = weights[f * nChroma + c];
                        }
                    } else {
                        for (int j = 0; j < WINDOW; j++) {
                            packed[p++] = weights[f * nChroma + (window[g] + j) % nChroma];
                        }
                    }
                }
            }
            return new Plan(nChroma, first, end, window, offset, packed);
        }

        /** The first chroma of a circular WINDOW holding every non-negligible weight of one bin, or -1. */
        private static int windowStart(float[] weights, int base, int nChroma) {
            float max = 0f;
            for (int c = 0; c < nChroma; c++) {
                max = Math.max(max, weights[base + c]);
            }
            for (int s = 0; s < nChroma; s++) {
                boolean outsideNegligible = true;
                for (int j = WINDOW; j < nChroma && outsideNegligible; j++) {
                    outsideNegligible = weights[base + (s + j) % nChroma] < NEGLIGIBLE * max;
                }
                if (outsideNegligible) {
                    return s;
                }
            }
            return -1;
        }

        /** Adds one frame's projection to {@code acc}. */
        void project(float[] spectrum, int frameOffset, double[] acc) {
            double[] w = packed;
            for (int g = 0; g < first.length; g++) {
                int p = offset[g];
                int from = frameOffset + first[g];
                int to = frameOffset + end[g];
                int start = window[g];
                if (start < 0) {
                    projectDense(spectrum, from, to, w, p, acc);
                    continue;
                }
                double b0 = 0;
                double b1 = 0;
                double b2 = 0;
                double b3 = 0;
                double b4 = 0;
                double b5 = 0;
                double b6 = 0;
                double b7 = 0;
                for (int i = from; i < to; i++, p += WINDOW) {
                    double x = spectrum[i];
                    b0 += w[p] * x;
                    b1 += w[p + 1] * x;
                    b2 += w[p + 2] * x;
                    b3 += w[p + 3] * x;
                    b4 += w[p + 4] * x;
                    b5 += w[p + 5] * x;
                    b6 += w[p + 6] * x;
                    b7 += w[p + 7] * x;
                }
                int n = nChroma;
                acc[start] += b0;
                acc[(start + 1) % n] += b1;
                acc[(start + 2) % n] += b2;
                acc[(start + 3) % n] += b3;
                acc[(start + 4) % n] += b4;
                acc[(start + 5) % n] += b5;
                acc[(start + 6) % n] += b6;
                acc[(start + 7) % n] += b7;
            }
        }

        private void projectDense(float[] spectrum, int from, int to, double[] w, int p, double[] acc) {
            int n = nChroma;
            for (int i = from; i < to; i++, p += n) {
                double x = spectrum[i];
                for (int c = 0; c < n; c++) {
                    acc[c] += w[p + c] * x;
                }
            }
        }
    }
}
