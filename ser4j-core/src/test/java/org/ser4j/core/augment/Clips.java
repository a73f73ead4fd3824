package org.ser4j.core.augment;

import java.util.Random;

import org.ser4j.core.audio.PcmAudio;

/** Test helpers: synthetic clips and measurements on them. */
final class Clips {

    static final int RATE = 16_000;

    private Clips() {
    }

    /** {@code amplitude * sin(2 pi f i / RATE)} for {@code n} samples. */
    static PcmAudio sine(int n, double freq, double amplitude) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) (amplitude * Math.sin(2 * Math.PI * freq * i / RATE));
        }
        return new PcmAudio(y, RATE);
    }

    /** A speech-like stand-in: two harmonics under a slow amplitude envelope plus a little noise. */
    static PcmAudio voiced(int n, long seed) {
        Random r = new Random(seed);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / RATE;
            double env = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * t);
            y[i] = (float) (env * (0.3 * Math.sin(2 * Math.PI * 180 * t) + 0.1 * Math.sin(2 * Math.PI * 360 * t))
                    + 0.01 * r.nextGaussian());
        }
        return new PcmAudio(y, RATE);
    }

    static double meanSquare(float[] y) {
        double s = 0;
        for (float v : y) {
            s += (double) v * v;
        }
        return s / y.length;
    }

    /** {@code 10 log10(P(clean) / P(noisy - clean))}. */
    static double snrDb(float[] clean, float[] noisy) {
        double n = 0;
        for (int i = 0; i < clean.length; i++) {
            double d = (double) noisy[i] - clean[i];
            n += d * d;
        }
        return 10 * Math.log10(meanSquare(clean) / (n / clean.length));
    }

    /**
     * The frequency in {@code [lo, hi]} Hz where the Hann-windowed spectrum of {@code y[from, to)} peaks: a 1 Hz
     * scan, refined by a 0.01 Hz scan around its maximum (a direct DFT at each trial frequency).
     */
    static double peakFrequency(float[] y, int from, int to, double lo, double hi) {
        double best = lo;
        double bestPower = -1;
        for (double f = lo; f <= hi; f += 1.0) {
            double p = power(y, from, to, f);
            if (p > bestPower) {
                bestPower = p;
                best = f;
            }
        }
        double centre = best;
        for (double f = centre - 1; f <= centre + 1; f += 0.01) {
            double p = power(y, from, to, f);
            if (p > bestPower) {
                bestPower = p;
                best = f;
            }
        }
        return best;
    }

    private static double power(float[] y, int from, int to, double freq) {
        int n = to - from;
        double w = 2 * Math.PI * freq / RATE;
        // rotate a unit phasor sample by sample instead of calling cos/sin n times
        double cr = Math.cos(w);
        double ci = Math.sin(w);
        double pr = 1;
        double pi = 0;
        double re = 0;
        double im = 0;
        for (int i = 0; i < n; i++) {
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
            double v = y[from + i] * hann;
            re += v * pr;
            im -= v * pi;
            double t = pr * cr - pi * ci;
            pi = pr * ci + pi * cr;
            pr = t;
        }
        return re * re + im * im;
    }
}
