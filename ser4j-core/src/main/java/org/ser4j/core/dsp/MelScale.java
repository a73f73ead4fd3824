package org.ser4j.core.dsp;

/**
 * The two Hz-to-mel mappings librosa offers ({@code librosa.hz_to_mel} / {@code mel_to_hz}, argument
 * {@code htk}). Both are computed in double precision, as librosa computes them in float64.
 */
public enum MelScale {

    /**
     * Slaney's Auditory Toolbox scale, librosa's default ({@code htk=False}): linear below 1 kHz (200/3 Hz per
     * mel), logarithmic above it (a factor 6.4 every 27 mels).
     */
    SLANEY {
        @Override
        public double hzToMel(double hz) {
            if (hz >= MIN_LOG_HZ) {
                return MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP;
            }
            return hz / F_SP;
        }

        @Override
        public double melToHz(double mel) {
            if (mel >= MIN_LOG_MEL) {
                return MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL));
            }
            return F_SP * mel;
        }
    },

    /** The HTK formula {@code 2595 log10(1 + f/700)} ({@code htk=True}). */
    HTK {
        @Override
        public double hzToMel(double hz) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }

        @Override
        public double melToHz(double mel) {
            return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        }
    };

    // Slaney's constants, spelled exactly as librosa derives them so the doubles agree bit for bit.
    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    /** Frequency in Hz to mels. */
    public abstract double hzToMel(double hz);

    /** Mels to frequency in Hz. */
    public abstract double melToHz(double mel);

    /**
     * {@code librosa.mel_frequencies(n, fmin, fmax, htk)}: {@code n} frequencies evenly spaced in mels from
     * {@code fMin} to {@code fMax} inclusive, spaced as {@code numpy.linspace} spaces them.
     */
    public double[] melFrequencies(int n, double fMin, double fMax) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one mel frequency, was " + n);
        }
        double minMel = hzToMel(fMin);
        double maxMel = hzToMel(fMax);
        double[] hz = new double[n];
        // numpy.linspace: i * step + start, with the end point set exactly.
        double step = n > 1 ? (maxMel - minMel) / (n - 1) : 0.0;
        for (int i = 0; i < n; i++) {
            hz[i] = melToHz(i * step + minMel);
        }
        if (n > 1) {
            hz[n - 1] = melToHz(maxMel);
        }
        return hz;
    }

    /**
     * {@code librosa.fft_frequencies(sr, n_fft)} ({@code numpy.fft.rfftfreq}): the centre frequency of each of
     * the {@code nFft/2 + 1} bins.
     */
    public static double[] fftFrequencies(int sampleRate, int nFft) {
        if (sampleRate <= 0 || nFft < 1) {
            throw new IllegalArgumentException("need a positive sample rate and n_fft, were " + sampleRate
                    + " and " + nFft);
        }
        // rfftfreq(n, d=1/sr) computes 1 / (n * d) and multiplies bin indices by it.
        double val = 1.0 / (nFft * (1.0 / sampleRate));
        double[] f = new double[nFft / 2 + 1];
        for (int k = 0; k < f.length; k++) {
            f[k] = k * val;
        }
        return f;
    }
}
