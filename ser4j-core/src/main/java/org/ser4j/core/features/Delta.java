package org.ser4j.core.features;

import java.util.Arrays;

/**
 * {@code librosa.feature.delta(x, width=9, order=1, mode="interp")}, i.e. {@code scipy.signal.savgol_filter(x,
 * 9, polyorder=1, deriv=1, mode="interp")}, in units per frame.
 *
 * <p>A first-order Savitzky-Golay derivative is the slope of the least-squares line through the window,
 * {@code sum_{k=-4..4} k x[t+k] / 60}. In "interp" mode the first and last four frames take the slope of the line
 * fitted to the first (last) nine frames, which is the slope at frame 4 ({@code n - 5}). librosa refuses series
 * shorter than the window; here they get the slope of the line through all their frames (0 for one frame), the
 * same rule applied to the only window there is.
 */
final class Delta {

    /** librosa's default {@code width}. */
    static final int WIDTH = 9;
    private static final int HALF = WIDTH / 2;

    private Delta() {
    }

    /** The delta of {@code x}, same length. */
    static double[] of(double[] x) {
        int n = x.length;
        double[] out = new double[n];
        if (n < WIDTH) {
            Arrays.fill(out, lineSlope(x));
            return out;
        }
        double norm = 0;
        for (int k = 1; k <= HALF; k++) {
            norm += 2.0 * k * k;
        }
        for (int t = HALF; t < n - HALF; t++) {
            double sum = 0;
            for (int k = 1; k <= HALF; k++) {
                sum += k * (x[t + k] - x[t - k]);
            }
            out[t] = sum / norm;
        }
        for (int t = 0; t < HALF; t++) {
            out[t] = out[HALF];
            out[n - 1 - t] = out[n - 1 - HALF];
        }
        return out;
    }

    /** Least-squares slope of {@code x} against its index; 0 for fewer than two values. */
    private static double lineSlope(double[] x) {
        int n = x.length;
        if (n < 2) {
            return 0.0;
        }
        double centre = (n - 1) / 2.0;
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - centre) * x[i];
            den += (i - centre) * (i - centre);
        }
        return num / den;
    }
}
