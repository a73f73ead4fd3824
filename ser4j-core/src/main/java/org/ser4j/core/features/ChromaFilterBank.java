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

    private final int nChroma;
    private final int bins;
    private final double tuning;
    /** Weights bin-major: {@code weights[bin * nChroma + chroma]}, the order the projection loop reads. */
    private final float[] weights;

    private ChromaFilterBank(int nChroma, int bins, double tuning, float[] weights) {
        this.nChroma = nChroma;
        this.bins = bins;
        this.tuning = tuning;
        this.weights = weights;
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
     * float32 like librosa's. Sums run in double precision.
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
            project(in, t * bins, acc);
            for (int c = 0; c < nChroma; c++) {
                out[t * nChroma + c] = (float) acc[c];
            }
        }
        return new FloatMatrix(frames, nChroma, out);
    }

    private void project(float[] spectrum, int offset, double[] acc) {
        Arrays.fill(acc, 0.0);
        int n = nChroma;
        float[] w = weights;
        for (int f = 0; f < bins; f++) {
            double s = spectrum[offset + f];
            int base = f * n;
            for (int c = 0; c < n; c++) {
                acc[c] += w[base + c] * s;
            }
        }
    }
}
