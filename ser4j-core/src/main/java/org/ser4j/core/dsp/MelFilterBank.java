package org.ser4j.core.dsp;

import java.util.Arrays;

/**
 * A triangular mel filter bank built as {@code librosa.filters.mel} builds it, stored sparsely: each band keeps
 * only the contiguous run of FFT bins where its triangle is non-zero (two or three dozen bins out of 1025 for
 * the default 128 bands), so projecting a spectrum costs about twice the number of bins instead of
 * {@code bands x bins}.
 *
 * <p>librosa computes the triangles in float64, stores them in a float32 matrix and then multiplies by the
 * Slaney norm in float64 before storing float32 again; this class rounds at the same two points so its weights
 * equal librosa's to the last bit or so.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class MelFilterBank {

    private final int bins;
    private final int[] start;
    private final int[] offset;
    private final int[] length;
    private final float[] weights;

    private MelFilterBank(int bins, int[] start, int[] offset, int[] length, float[] weights) {
        this.bins = bins;
        this.start = start;
        this.offset = offset;
        this.length = length;
        this.weights = weights;
    }

    /**
     * {@code librosa.filters.mel(sr=sampleRate, n_fft=nFft, n_mels=nMels, fmin=fMin, fmax=fMax, htk=..., norm=...)}.
     *
     * @param sampleRate rate of the analysed signal, Hz
     * @param nFft       FFT length; the bank covers {@code nFft/2 + 1} bins
     * @param nMels      number of bands (librosa default 128)
     * @param fMin       lowest edge, Hz (librosa default 0)
     * @param fMax       highest edge, Hz (librosa default {@code sampleRate / 2}); may exceed the Nyquist
     *                   frequency, as in librosa, in which case the top bands are cut off
     * @param scale      mel scale (librosa default {@link MelScale#SLANEY})
     * @param norm       band normalisation (librosa default {@link MelNorm#SLANEY})
     */
    public static MelFilterBank create(int sampleRate, int nFft, int nMels, double fMin, double fMax,
            MelScale scale, MelNorm norm) {
        if (nMels < 1) {
            throw new IllegalArgumentException("need at least one mel band, was " + nMels);
        }
        if (!(fMin >= 0) || !(fMax > fMin)) {
            throw new IllegalArgumentException("need 0 <= fmin < fmax, were " + fMin + " and " + fMax);
        }
        double[] fft = MelScale.fftFrequencies(sampleRate, nFft);
        double[] melF = scale.melFrequencies(nMels + 2, fMin, fMax);
        int bins = fft.length;
        int[] start = new int[nMels];
        int[] offset = new int[nMels];
        int[] length = new int[nMels];
        float[] dense = new float[bins];
        float[] packed = new float[4 * bins];
        int used = 0;
        for (int m = 0; m < nMels; m++) {
            double lowerWidth = melF[m + 1] - melF[m];
            double upperWidth = melF[m + 2] - melF[m + 1];
            double enorm = 2.0 / (melF[m + 2] - melF[m]);
            int first = -1;
            int last = -1;
            for (int k = 0; k < bins; k++) {
                double lower = -(melF[m] - fft[k]) / lowerWidth;
                double upper = (melF[m + 2] - fft[k]) / upperWidth;
                float w = (float) Math.max(0.0, Math.min(lower, upper));
                if (norm == MelNorm.SLANEY) {
                    w = (float) (w * enorm);
                }
                dense[k] = w;
                if (w != 0f) {
                    if (first < 0) {
                        first = k;
                    }
                    last = k;
                }
            }
            int len = first < 0 ? 0 : last - first + 1;
            if (used + len > packed.length) {
                packed = Arrays.copyOf(packed, Math.max(2 * packed.length, used + len));
            }
            if (len > 0) {
                System.arraycopy(dense, first, packed, used, len);
            }
            start[m] = Math.max(first, 0);
            offset[m] = used;
            length[m] = len;
            used += len;
        }
        return new MelFilterBank(bins, start, offset, length, Arrays.copyOf(packed, used));
    }

    /** Number of mel bands. */
    public int bands() {
        return start.length;
    }

    /** Number of FFT bins the bank expects, {@code nFft/2 + 1}. */
    public int bins() {
        return bins;
    }

    /** The weight of FFT bin {@code bin} in band {@code band} (zero outside the band's triangle). */
    public float weight(int band, int bin) {
        if (bin < 0 || bin >= bins) {
            throw new IndexOutOfBoundsException("bin " + bin + " outside [0, " + bins + ")");
        }
        int j = bin - start[band];
        return j >= 0 && j < length[band] ? weights[offset[band] + j] : 0f;
    }

    /** Number of stored (non-zero-run) weights, a measure of how sparse the bank is. */
    public int storedWeights() {
        return weights.length;
    }

    /**
     * The mel power spectrogram {@code mel_basis @ S} of a frame-major spectrogram.
     *
     * @param spectrogram frames x {@link #bins()}
     * @param scale       what the spectrogram holds; a magnitude is squared in float, as librosa's
     *                    {@code np.abs(stft) ** 2} is
     * @return frames x {@link #bands()} mel power
     */
    public FloatMatrix apply(FloatMatrix spectrogram, Stft.Scale scale) {
        if (spectrogram.cols() != bins) {
            throw new IllegalArgumentException("spectrogram has " + spectrogram.cols() + " bins, the mel bank "
                    + "expects " + bins);
        }
        int frames = spectrogram.rows();
        int bands = bands();
        float[] in = spectrogram.data();
        float[] out = new float[Math.multiplyExact(frames, bands)];
        float[] power = new float[bins];
        for (int t = 0; t < frames; t++) {
            int rowStart = t * bins;
            if (scale == Stft.Scale.MAGNITUDE) {
                for (int k = 0; k < bins; k++) {
                    float m = in[rowStart + k];
                    power[k] = m * m;
                }
                project(power, 0, out, t * bands);
            } else {
                project(in, rowStart, out, t * bands);
            }
        }
        return new FloatMatrix(frames, bands, out);
    }

    private void project(float[] power, int powerOffset, float[] out, int outOffset) {
        for (int m = 0; m < start.length; m++) {
            int w = offset[m];
            int p = powerOffset + start[m];
            int n = length[m];
            // two partial sums, so consecutive multiply-adds do not wait on each other
            float even = 0f;
            float odd = 0f;
            int j = 0;
            for (; j + 1 < n; j += 2) {
                even += weights[w + j] * power[p + j];
                odd += weights[w + j + 1] * power[p + j + 1];
            }
            if (j < n) {
                even += weights[w + j] * power[p + j];
            }
            out[outOffset + m] = even + odd;
        }
    }
}
