package org.ser4j.core.dsp;

/**
 * The orthonormal type-II DCT, truncated to its first coefficients: {@code scipy.fftpack.dct(x, type=2,
 * norm='ortho')[:nOut]} as {@code librosa.feature.mfcc} applies it along each frame.
 *
 * <p>{@code X[k] = s(k) sum_n x[n] cos(pi k (2n + 1) / (2N))} with {@code s(0) = sqrt(1/N)} and
 * {@code s(k) = sqrt(2/N)}. The basis is precomputed once (in double, stored as double) and applied as a
 * matrix product, which for 20 x 128 is cheaper than an FFT. Immutable and thread-safe.
 */
public final class DctII {

    private final int nIn;
    private final int nOut;
    private final double[] basis;

    /**
     * @param nIn  input length N (librosa: the number of mel bands)
     * @param nOut coefficients kept, 1..nIn (librosa's {@code n_mfcc}, default 20)
     */
    public DctII(int nIn, int nOut) {
        if (nIn < 1 || nOut < 1 || nOut > nIn) {
            throw new IllegalArgumentException("need 1 <= coefficients <= input length, were " + nOut + " and "
                    + nIn);
        }
        this.nIn = nIn;
        this.nOut = nOut;
        this.basis = new double[nIn * nOut];
        for (int k = 0; k < nOut; k++) {
            double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / nIn);
            for (int n = 0; n < nIn; n++) {
                basis[k * nIn + n] = scale * Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * nIn));
            }
        }
    }

    /** Input length. */
    public int inputLength() {
        return nIn;
    }

    /** Number of coefficients produced. */
    public int coefficients() {
        return nOut;
    }

    /** The basis value for coefficient {@code k} and input index {@code n}. */
    public double basis(int k, int n) {
        return basis[k * nIn + n];
    }

    /** Transforms each row: rows x {@link #inputLength()} in, rows x {@link #coefficients()} out. */
    public FloatMatrix apply(FloatMatrix x) {
        if (x.cols() != nIn) {
            throw new IllegalArgumentException("rows have " + x.cols() + " values, the DCT expects " + nIn);
        }
        float[] in = x.data();
        float[] out = new float[Math.multiplyExact(x.rows(), nOut)];
        int blocked = nIn & ~3;
        for (int r = 0; r < x.rows(); r++) {
            int rowIn = r * nIn;
            int rowOut = r * nOut;
            for (int k = 0; k < nOut; k++) {
                int b = k * nIn;
                // four independent partial sums: the additions overlap instead of waiting on each other
                double a0 = 0;
                double a1 = 0;
                double a2 = 0;
                double a3 = 0;
                int n = 0;
                for (; n < blocked; n += 4) {
                    a0 += basis[b + n] * in[rowIn + n];
                    a1 += basis[b + n + 1] * in[rowIn + n + 1];
                    a2 += basis[b + n + 2] * in[rowIn + n + 2];
                    a3 += basis[b + n + 3] * in[rowIn + n + 3];
                }
                for (; n < nIn; n++) {
                    a0 += basis[b + n] * in[rowIn + n];
                }
                out[rowOut + k] = (float) ((a0 + a1) + (a2 + a3));
            }
        }
        return new FloatMatrix(x.rows(), nOut, out);
    }
}
