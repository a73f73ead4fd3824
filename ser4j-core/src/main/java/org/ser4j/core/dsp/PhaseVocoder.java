package org.ser4j.core.dsp;

/**
 * Time-scale modification of a complex spectrogram as {@code librosa.phase_vocoder(D, rate=rate)} does it in
 * librosa 0.10: output frame {@code t} sits at input time {@code s = t * rate} (in frames, for
 * {@code t < ceil(frames / rate)}); its magnitude interpolates linearly between input frames
 * {@code floor(s)} and {@code floor(s) + 1} (zero past the last frame); its phase is an accumulator that
 * starts at the phase of frame 0 and, after each output frame, advances by the phase difference between those
 * two input frames.
 *
 * <p>librosa adds the expected advance {@code 2 pi k hop / nFft} and a wrapped deviation, which sum to that
 * same difference plus a multiple of {@code 2 pi}. Only {@code exp(i phase)} reaches the output, so the
 * accumulator is kept here as a unit phasor and advanced by complex multiplication: the same result without
 * trigonometric functions or a hop length, and without the precision loss of librosa's float32 accumulator
 * (which grows to ~1e5 radians within a hundred frames, leaving ~0.01 rad of rounding in the top bins). As
 * {@code np.angle(0) = 0}, a zero bin contributes no phase advance.
 *
 * <p>A pure, stateless utility.
 */
public final class PhaseVocoder {

    private PhaseVocoder() {
    }

    /**
     * Number of output frames for {@code frames} input frames at {@code rate}: the length of
     * {@code np.arange(0, frames, rate)}, {@code ceil(frames / rate)}.
     */
    public static int outputFrames(int frames, double rate) {
        checkRate(rate);
        double n = Math.ceil(frames / rate);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("stretching " + frames + " frames by rate " + rate
                    + " gives more frames than an array holds");
        }
        return (int) n;
    }

    /**
     * {@code d} played {@code rate} times faster: {@code rate > 1} shortens, {@code rate < 1} lengthens.
     *
     * @throws IllegalArgumentException if {@code rate} is not positive and finite
     */
    public static ComplexSpectrogram stretch(ComplexSpectrogram d, double rate) {
        int frames = d.frames();
        int bins = d.bins();
        int outFrames = outputFrames(frames, rate);
        ComplexSpectrogram out = ComplexSpectrogram.zeros(outFrames, bins);
        if (frames == 0) {
            return out;
        }
        float[] re = d.real();
        float[] im = d.imag();
        // magnitude and unit phasor of every input frame, plus two zero frames past the end (librosa's padding)
        int cells = frames * bins;
        int padded = cells + 2 * bins;
        float[] mag = new float[padded];
        double[] ur = new double[padded];
        double[] ui = new double[padded];
        for (int j = 0; j < padded; j++) {
            double a = j < cells ? re[j] : 0.0;
            double b = j < cells ? im[j] : 0.0;
            double m = Math.sqrt(a * a + b * b);
            mag[j] = (float) m;
            if (m > 0) {
                ur[j] = a / m;
                ui[j] = b / m;
            } else {
                ur[j] = 1.0; // np.angle(0) == 0
            }
        }
        double[] accRe = new double[bins];
        double[] accIm = new double[bins];
        System.arraycopy(ur, 0, accRe, 0, bins);
        System.arraycopy(ui, 0, accIm, 0, bins);
        float[] outRe = out.real();
        float[] outIm = out.imag();
        for (int t = 0; t < outFrames; t++) {
            double step = t * rate; // np.arange's values: start + t * step
            int i0 = (int) step;
            double alpha = step - i0;
            int c0 = i0 * bins;
            int c1 = c0 + bins;
            int o = t * bins;
            for (int k = 0; k < bins; k++) {
                double m = (1.0 - alpha) * mag[c0 + k] + alpha * mag[c1 + k];
                double pr = accRe[k];
                double pi = accIm[k];
                outRe[o + k] = (float) (m * pr);
                outIm[o + k] = (float) (m * pi);
                // advance by angle(c1) - angle(c0): multiply by u1 * conj(u0)
                double dr = ur[c1 + k] * ur[c0 + k] + ui[c1 + k] * ui[c0 + k];
                double di = ui[c1 + k] * ur[c0 + k] - ur[c1 + k] * ui[c0 + k];
                double nr = pr * dr - pi * di;
                double ni = pr * di + pi * dr;
                // one Newton step towards unit modulus keeps rounding from compounding over many frames
                double g = 1.5 - 0.5 * (nr * nr + ni * ni);
                accRe[k] = nr * g;
                accIm[k] = ni * g;
            }
        }
        return out;
    }

    private static void checkRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be positive and finite, was " + rate);
        }
    }
}
