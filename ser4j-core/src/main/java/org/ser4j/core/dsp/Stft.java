package org.ser4j.core.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Short-time Fourier transform as librosa 0.10 computes it by default: a periodic Hann window of
 * {@code nFft} samples ({@code scipy.signal.get_window('hann', n_fft, fftbins=True)}), frames centred on
 * multiples of the hop with {@code nFft/2} zeros of padding at both ends ({@code pad_mode="constant"}),
 * one-sided spectrum of {@code nFft/2 + 1} bins.
 *
 * <p>The FFT runs in double precision as numpy's does; results are stored as float, as librosa's complex64.
 * An instance holds only immutable tables and is safe to share between threads; each call allocates its
 * own frame buffer.
 */
public final class Stft {

    /** What each output cell holds. */
    public enum Scale {
        /** {@code |X|}, what {@code np.abs(librosa.stft(y))} gives (chroma's input in the brief's code). */
        MAGNITUDE,
        /** {@code |X|^2}, the power spectrogram that {@code librosa.feature.melspectrogram} builds on. */
        POWER
    }

    private final int nFft;
    private final int hopLength;
    private final double[] window;
    private final DoubleFFT_1D fft;

    /**
     * @param nFft      window and FFT length (librosa default 2048); even
     * @param hopLength samples between frame starts (librosa default 512)
     */
    public Stft(int nFft, int hopLength) {
        requireGrid(nFft, hopLength);
        this.nFft = nFft;
        this.hopLength = hopLength;
        this.window = periodicHann(nFft);
        this.fft = new DoubleFFT_1D(nFft);
    }

    /** The periodic ("fftbins") Hann window: {@code 0.5 - 0.5 cos(2 pi n / N)} for n in [0, N). */
    public static double[] periodicHann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * i / n);
        }
        return w;
    }

    /** FFT length. */
    public int nFft() {
        return nFft;
    }

    /** Hop length in samples. */
    public int hopLength() {
        return hopLength;
    }

    /** Number of frequency bins, {@code nFft/2 + 1}. */
    public int bins() {
        return nFft / 2 + 1;
    }

    /** Frames librosa produces for a centred STFT of {@code nSamples} samples: {@code 1 + nSamples / hop}. */
    public int frameCount(int nSamples) {
        return 1 + nSamples / hopLength;
    }

    /**
     * The spectrogram of {@code y}, frame-major ({@link #frameCount} rows by {@link #bins} columns).
     */
    public FloatMatrix compute(float[] y, Scale scale) {
        int frames = frameCount(y.length);
        int bins = bins();
        float[] out = new float[Math.multiplyExact(frames, bins)];
        double[] buf = new double[nFft];
        int pad = nFft / 2;
        for (int t = 0; t < frames; t++) {
            int start = t * hopLength - pad;
            fillFrame(y, start, buf);
            fft.realForward(buf);
            writeSpectrum(buf, out, t * bins, scale);
        }
        return new FloatMatrix(frames, bins, out);
    }

    /**
     * The complex spectrogram of {@code y} ({@link #frameCount} frames of {@link #bins} bins), what
     * {@code librosa.stft(y)} returns, transposed. The sign convention is numpy's:
     * {@code X[k] = sum_n x[n] exp(-2 pi i k n / nFft)}.
     */
    public ComplexSpectrogram complex(float[] y) {
        int frames = frameCount(y.length);
        int bins = bins();
        int half = nFft / 2;
        ComplexSpectrogram out = ComplexSpectrogram.zeros(frames, bins);
        float[] re = out.real();
        float[] im = out.imag();
        double[] buf = new double[nFft];
        for (int t = 0; t < frames; t++) {
            fillFrame(y, t * hopLength - half, buf);
            fft.realForward(buf);
            int o = t * bins;
            // JTransforms packs (re0, re(n/2), re1, im1, ...); DC and Nyquist have no imaginary part
            re[o] = (float) buf[0];
            re[o + half] = (float) buf[1];
            for (int k = 1; k < half; k++) {
                re[o + k] = (float) buf[2 * k];
                im[o + k] = (float) buf[2 * k + 1];
            }
        }
        return out;
    }

    private void fillFrame(float[] y, int start, double[] buf) {
        int n = nFft;
        if (start >= 0 && start + n <= y.length) {
            for (int i = 0; i < n; i++) {
                buf[i] = y[start + i] * window[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int j = start + i;
            buf[i] = (j >= 0 && j < y.length) ? y[j] * window[i] : 0.0;
        }
    }

    /** Unpacks JTransforms' realForward layout (re0, re(n/2), re1, im1, ...) into one spectrum row. */
    private void writeSpectrum(double[] buf, float[] out, int offset, Scale scale) {
        int half = nFft / 2;
        // one loop per scale, so the hot loop carries no per-bin branch
        if (scale == Scale.POWER) {
            out[offset] = (float) (buf[0] * buf[0]);
            out[offset + half] = (float) (buf[1] * buf[1]);
            for (int k = 1; k < half; k++) {
                double re = buf[2 * k];
                double im = buf[2 * k + 1];
                out[offset + k] = (float) (re * re + im * im);
            }
        } else {
            out[offset] = (float) Math.abs(buf[0]);
            out[offset + half] = (float) Math.abs(buf[1]);
            for (int k = 1; k < half; k++) {
                double re = buf[2 * k];
                double im = buf[2 * k + 1];
                out[offset + k] = (float) Math.sqrt(re * re + im * im);
            }
        }
    }

    /** Checks an analysis grid: an even FFT length of at least 2 and a positive hop. */
    static void requireGrid(int nFft, int hopLength) {
        if (nFft < 2 || nFft % 2 != 0) {
            throw new IllegalArgumentException("n_fft must be even and at least 2, was " + nFft);
        }
        if (hopLength <= 0) {
            throw new IllegalArgumentException("hop length must be positive, was " + hopLength);
        }
    }
}
