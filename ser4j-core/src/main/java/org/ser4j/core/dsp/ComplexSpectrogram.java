package org.ser4j.core.dsp;

/**
 * A complex one-sided spectrogram, frame-major like {@link FloatMatrix}: element {@code (t, k)} is
 * {@code real[t * bins + k] + i imag[t * bins + k]}. What {@code librosa.stft(y)} returns (complex64),
 * transposed.
 *
 * <p>The arrays are not copied: a spectrogram owns the arrays it is given and callers treat them as read-only.
 *
 * @param frames number of frames (rows)
 * @param bins   number of frequency bins per frame, {@code nFft / 2 + 1}
 * @param real   {@code frames * bins} real parts, frame after frame
 * @param imag   {@code frames * bins} imaginary parts, frame after frame
 */
public record ComplexSpectrogram(int frames, int bins, float[] real, float[] imag) {

    /** @throws IllegalArgumentException if the arrays do not hold {@code frames * bins} values each */
    public ComplexSpectrogram {
        if (frames < 0 || bins < 1) {
            throw new IllegalArgumentException("shape must be at least 0 frames x 1 bin, was " + frames + "x" + bins);
        }
        long cells = (long) frames * bins;
        if (real == null || imag == null || real.length != cells || imag.length != cells) {
            throw new IllegalArgumentException("real and imaginary parts must both hold " + cells + " values for "
                    + frames + "x" + bins + ", were " + (real == null ? "null" : real.length) + " and "
                    + (imag == null ? "null" : imag.length));
        }
    }

    /** A zero spectrogram. */
    public static ComplexSpectrogram zeros(int frames, int bins) {
        int cells = Math.multiplyExact(frames, bins);
        return new ComplexSpectrogram(frames, bins, new float[cells], new float[cells]);
    }

    /** The FFT length these bins come from, {@code 2 (bins - 1)}, as librosa infers it. */
    public int nFft() {
        return 2 * (bins - 1);
    }
}
