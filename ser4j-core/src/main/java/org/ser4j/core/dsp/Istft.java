package org.ser4j.core.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Inverse of {@link Stft}'s complex spectrogram as {@code librosa.istft(D, length=n)} computes it with
 * librosa 0.10's defaults: each frame is inverse-FFT'd ({@code irfft}, which ignores the imaginary parts of
 * the DC and Nyquist bins), multiplied by the same periodic Hann window, overlap-added at multiples of the
 * hop into a signal padded by {@code nFft/2} at both ends ({@code center=True}), divided wherever it is
 * non-zero by the overlap-added squared window ({@code window_sumsquare}), and cut to the requested length
 * (zero-filled if the frames do not reach it).
 *
 * <p>As in librosa, only the first {@code min(frames, ceil((length + 2 (nFft/2)) / hop))} frames take part,
 * so the window normalisation counts exactly the frames that were added. For a spectrogram from
 * {@link Stft#complex} of a signal of that length the result is the signal again, to float precision.
 *
 * <p>An instance holds only immutable tables and is safe to share between threads.
 */
public final class Istft {

    /**
     * librosa's {@code util.tiny} for float32, the smallest normal float: window sums at or below it count as
     * zero and leave the sample undivided.
     */
    private static final double TINY = Float.MIN_NORMAL;

    private final int nFft;
    private final int hopLength;
    private final double[] window;
    private final DoubleFFT_1D fft;

    /**
     * @param nFft      window and FFT length (librosa default 2048); even
     * @param hopLength samples between frame starts (librosa default {@code nFft / 4} = 512)
     */
    public Istft(int nFft, int hopLength) {
        Stft.requireGrid(nFft, hopLength);
        this.nFft = nFft;
        this.hopLength = hopLength;
        this.window = Stft.periodicHann(nFft);
        this.fft = new DoubleFFT_1D(nFft);
    }

    /** FFT length. */
    public int nFft() {
        return nFft;
    }

    /** Hop length in samples. */
    public int hopLength() {
        return hopLength;
    }

    /**
     * The signal of {@code length} samples whose centred STFT is (closest to) {@code spectrogram}.
     *
     * @throws IllegalArgumentException if the spectrogram's bins do not match {@code nFft / 2 + 1} or the length
     *                                  is negative
     */
    public float[] inverse(ComplexSpectrogram spectrogram, int length) {
        int half = nFft / 2;
        if (spectrogram.bins() != half + 1) {
            throw new IllegalArgumentException("expected " + (half + 1) + " bins for n_fft " + nFft + ", found "
                    + spectrogram.bins());
        }
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative, was " + length);
        }
        long padded = (long) length + 2L * half;
        int frames = (int) Math.min(spectrogram.frames(), (padded + hopLength - 1) / hopLength);
        // the padded output: frame t covers [t hop, t hop + nFft); samples past padded are never read
        int span = (int) Math.min(padded, frames == 0 ? 0 : (long) (frames - 1) * hopLength + nFft);
        double[] sum = new double[span];
        double[] weight = new double[span];
        double[] buf = new double[nFft];
        float[] re = spectrogram.real();
        float[] im = spectrogram.imag();
        int bins = spectrogram.bins();
        for (int t = 0; t < frames; t++) {
            int o = t * bins;
            buf[0] = re[o];
            buf[1] = re[o + half];
            for (int k = 1; k < half; k++) {
                buf[2 * k] = re[o + k];
                buf[2 * k + 1] = im[o + k];
            }
            fft.realInverse(buf, true);
            int start = t * hopLength;
            int end = Math.min(nFft, span - start);
            for (int i = 0; i < end; i++) {
                double w = window[i];
                sum[start + i] += buf[i] * w;
                weight[start + i] += w * w;
            }
        }
        float[] y = new float[length];
        int available = Math.max(0, Math.min(length, span - half));
        for (int i = 0; i < available; i++) {
            double w = weight[i + half];
            double v = sum[i + half];
            y[i] = (float) (w > TINY ? v / w : v);
        }
        return y;
    }
}
