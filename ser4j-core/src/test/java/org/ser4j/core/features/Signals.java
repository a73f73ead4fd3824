package org.ser4j.core.features;

import org.ser4j.core.dsp.FloatMatrix;
import org.ser4j.core.dsp.Stft;

/** Synthetic test signals and their librosa-default magnitude spectrograms. */
final class Signals {

    static final int RATE = 16_000;
    static final int N_FFT = 2048;
    static final int HOP = 512;

    private Signals() {
    }

    /** Sum of unit-amplitude sines at {@code frequencies}, {@code seconds} long at {@link #RATE}. */
    static float[] tones(double seconds, double... frequencies) {
        float[] y = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < y.length; i++) {
            double v = 0;
            for (double f : frequencies) {
                v += Math.sin(2 * Math.PI * f * i / RATE);
            }
            y[i] = (float) (v / frequencies.length);
        }
        return y;
    }

    /** A pitch {@code semitones} above A440 plus {@code cents} hundredths of a semitone. */
    static double equalTempered(int semitonesFromA4, double cents) {
        return 440.0 * Math.pow(2.0, (semitonesFromA4 + cents / 100.0) / 12.0);
    }

    /** {@code np.abs(librosa.stft(y))} with librosa's defaults (n_fft 2048, hop 512). */
    static FloatMatrix magnitude(float[] y) {
        return new Stft(N_FFT, HOP).compute(y, Stft.Scale.MAGNITUDE);
    }
}
