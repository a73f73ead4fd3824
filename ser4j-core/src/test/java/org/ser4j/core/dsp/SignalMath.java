package org.ser4j.core.dsp;

/** Test helpers: synthetic signals and error measures shared by the resampler tests. */
final class SignalMath {

    private SignalMath() {
    }

    /** {@code amplitude * sin(2 pi f i / rate + phase)} for i in [0, n), computed in double, stored as float. */
    static float[] tone(int n, double rate, double freq, double amplitude, double phase) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * freq * i / rate + phase));
        }
        return x;
    }

    /** Ratio of reference energy to error energy in dB over {@code [from, to)}. */
    static double snrDb(float[] actual, double[] reference, int from, int to) {
        double signal = 0;
        double noise = 0;
        for (int i = from; i < to; i++) {
            signal += reference[i] * reference[i];
            double d = actual[i] - reference[i];
            noise += d * d;
        }
        return 10 * Math.log10(signal / noise);
    }

    static double snrDb(float[] actual, float[] reference, int from, int to) {
        double[] ref = new double[reference.length];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = reference[i];
        }
        return snrDb(actual, ref, from, to);
    }

    /** Root mean square over {@code [from, to)}. */
    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(s / (to - from));
    }

    /**
     * Amplitude of the component at {@code freq} in {@code x[from, to)}, by least-squares projection on a sine
     * and a cosine (windowless; exact for a pure tone, leakage from other tones averages out over many cycles).
     */
    static double amplitudeAt(float[] x, double rate, double freq, int from, int to) {
        double ss = 0;
        double cc = 0;
        double sc = 0;
        double xs = 0;
        double xc = 0;
        for (int i = from; i < to; i++) {
            double w = 2 * Math.PI * freq * i / rate;
            double s = Math.sin(w);
            double c = Math.cos(w);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            xs += x[i] * s;
            xc += x[i] * c;
        }
        double det = ss * cc - sc * sc;
        double a = (xs * cc - xc * sc) / det;
        double b = (xc * ss - xs * sc) / det;
        return Math.hypot(a, b);
    }

    static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }
}
