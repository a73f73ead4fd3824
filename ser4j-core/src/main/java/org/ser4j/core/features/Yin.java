package org.ser4j.core.features;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;
import org.ser4j.core.dsp.CentredFrames;

/**
 * Fundamental frequency by YIN (de Cheveigné and Kawahara, 2002) as {@code librosa.yin} computes it, plus a
 * voicing decision and the depth of the best dip.
 *
 * <p>What librosa does, and this class reproduces: frames of {@link #frameLength()} samples centred on
 * multiples of the hop, zeros outside the signal ({@code center=True, pad_mode="constant"}); the difference
 * function {@code d(tau) = sum_{j=1..W} (x_j - x_{j+tau})^2} over the first {@code W = frameLength / 2} samples of
 * the frame, written as two energies minus twice a cross-correlation that is computed with FFTs; the cumulative
 * mean normalised difference {@code d'(tau) = d(tau) / (sum_{k=1..tau} d(k) / tau)} for periods from
 * {@code floor(sr / fMax)} to {@code ceil(sr / fMin)}; the first local minimum of {@code d'} below the threshold,
 * else its global minimum, refined by parabolic interpolation; {@code f0 = sr / period}.
 *
 * <p>What librosa does not do, and this class adds: a voicing decision. A frame is <em>voiced</em> when the
 * chosen period is a dip inside the search range (not at either end, where a falling or rising {@code d'} only
 * marks the range's limit: breath and fricatives dip at the shortest period) whose {@code d'} lies below the
 * voicing threshold. That threshold ({@link #DEFAULT_VOICING_THRESHOLD}, 0.3) is deliberately looser than
 * librosa's trough threshold of 0.1, which only chooses between candidate periods: on acted emotional speech
 * with these frames (glides smear the periodicity of a 64 ms frame) fewer than a third of the clearly voiced
 * frames dip below 0.1, while unvoiced frames rarely dip below 0.4. A frame with nothing to analyse gets
 * {@code d' = 1} everywhere (YIN's own convention for {@code d'(0)}) and is unvoiced, where librosa would divide
 * zero by a tiny number and call silence periodic: its mean power lies below {@link #SILENCE_POWER}, or its
 * difference function is rounding noise (below {@link #FLAT_DIFFERENCE} of its energy, as for a constant).
 *
 * <p>The frame length is not librosa's fixed 2048 but the smallest power of two holding four periods of
 * {@code fMin} (1024 samples, 64 ms, at 16 kHz; 2048 at 22.05 kHz, librosa's default there): enough for the
 * window to span two of the longest periods, short enough to follow speech.
 *
 * <p>Immutable and thread-safe: each call allocates its own buffers.
 */
public final class Yin {

    /** Lowest F0 searched by default, Hz: below a low male voice (librosa's pyin suggests C2, 65.4 Hz). */
    public static final double DEFAULT_F_MIN = 65.0;
    /** Highest F0 searched by default, Hz: above a child's or a screaming voice. */
    public static final double DEFAULT_F_MAX = 600.0;
    /** librosa.yin's default {@code trough_threshold}: the first dip below it is taken as the period. */
    public static final double DEFAULT_THRESHOLD = 0.1;
    /** Deepest {@code d'} of the chosen dip at which a frame still counts as voiced; see the class comment. */
    public static final double DEFAULT_VOICING_THRESHOLD = 0.3;
    /** Mean power per sample below which a frame counts as silent: power_to_db's default {@code amin}. */
    public static final double SILENCE_POWER = 1e-10;
    /** Mean difference, relative to the window energy, below which a frame counts as constant. */
    public static final double FLAT_DIFFERENCE = 1e-9;

    private final int sampleRate;
    private final CentredFrames frames;
    private final int window;
    private final int minPeriod;
    private final int maxPeriod;
    private final double threshold;
    private final double voicingThreshold;
    private final DoubleFFT_1D fft;

    /**
     * @param sampleRate rate of the analysed signals, Hz
     * @param hopLength  samples between frame centres; the STFT's hop aligns the two frame grids
     * @param fMin       lowest F0 searched, Hz ({@link #DEFAULT_F_MIN})
     * @param fMax       highest F0 searched, Hz ({@link #DEFAULT_F_MAX}); at most the Nyquist frequency
     * @param threshold  librosa's {@code trough_threshold} ({@link #DEFAULT_THRESHOLD}), in (0, 1]
     * @param voicingThreshold largest {@code d'} of a voiced frame's dip ({@link #DEFAULT_VOICING_THRESHOLD}),
     *                   at least {@code threshold}
     */
    public Yin(int sampleRate, int hopLength, double fMin, double fMax, double threshold,
            double voicingThreshold) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        if (!(fMin > 0) || !(fMax > fMin) || !(fMax <= sampleRate / 2.0)) {
            throw new IllegalArgumentException("YIN needs 0 < fmin < fmax <= Nyquist (" + sampleRate / 2.0
                    + " Hz at " + sampleRate + " Hz), were fmin " + fMin + " and fmax " + fMax);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("YIN threshold must lie in (0, 1], was " + threshold);
        }
        if (!(voicingThreshold >= threshold) || Double.isInfinite(voicingThreshold)) {
            throw new IllegalArgumentException("YIN voicing threshold must be finite and at least the trough "
                    + "threshold " + threshold + ", was " + voicingThreshold);
        }
        int longest = (int) Math.ceil(sampleRate / fMin);
        int frameLength = Integer.highestOneBit(4 * longest - 1) << 1;
        this.sampleRate = sampleRate;
        this.frames = new CentredFrames(frameLength, hopLength);
        this.window = frameLength / 2;
        this.minPeriod = Math.max(1, (int) Math.floor(sampleRate / fMax));
        this.maxPeriod = Math.min(longest, frameLength - window - 1);
        this.threshold = threshold;
        this.voicingThreshold = voicingThreshold;
        this.fft = new DoubleFFT_1D(frameLength);
    }

    /** YIN with the default search range and thresholds. */
    public static Yin withDefaults(int sampleRate, int hopLength) {
        return new Yin(sampleRate, hopLength, DEFAULT_F_MIN, DEFAULT_F_MAX, DEFAULT_THRESHOLD,
                DEFAULT_VOICING_THRESHOLD);
    }

    /** Samples per analysis frame. */
    public int frameLength() {
        return frames.frameLength();
    }

    /** The pitch track of {@code y}, one frame every hop ({@code 1 + y.length / hop} frames). */
    public PitchTrack compute(float[] y) {
        if (y == null || y.length == 0) {
            throw new IllegalArgumentException("YIN needs at least one sample, was "
                    + (y == null ? "null" : "empty"));
        }
        int count = frames.count(y.length);
        int n = frames.frameLength();
        double[] frame = new double[n];
        double[] spectrum = new double[n];
        double[] head = new double[n];
        double[] cmnd = new double[maxPeriod - minPeriod + 1];
        double[] f0 = new double[count];
        double[] minima = new double[count];
        boolean[] voiced = new boolean[count];
        for (int t = 0; t < count; t++) {
            int first = frames.firstSample(t);
            for (int i = 0; i < n; i++) {
                int j = first + i;
                frame[i] = j >= 0 && j < y.length ? y[j] : 0.0;
            }
            cumulativeMeanNormalisedDifference(frame, spectrum, head, cmnd);
            int best = firstTroughBelowThreshold(cmnd);
            int argMin = 0;
            for (int i = 1; i < cmnd.length; i++) {
                if (cmnd[i] < cmnd[argMin]) {
                    argMin = i;
                }
            }
            minima[t] = cmnd[argMin];
            int at = best >= 0 ? best : argMin;
            voiced[t] = at > 0 && at < cmnd.length - 1 && cmnd[at] < voicingThreshold;
            f0[t] = sampleRate / (minPeriod + at + parabolicShift(cmnd, at));
        }
        return new PitchTrack(f0, minima, voiced);
    }

    /**
     * Fills {@code cmnd[i]} with {@code d'(minPeriod + i)} of {@code frame}; {@code x} and {@code head} are
     * scratch space. The
     * cross-correlation {@code r(tau) = sum_{j=1..W} x_j x_{j+tau}} is the inverse FFT of {@code X conj(H)}, H the
     * transform of the frame with all but samples 1..W zeroed; it does not wrap around for {@code tau <= n-W-1}.
     */
    private void cumulativeMeanNormalisedDifference(double[] frame, double[] x, double[] head, double[] cmnd) {
        int n = frame.length;
        double energy0 = 0;
        Arrays.fill(head, 0.0);
        for (int j = 1; j <= window; j++) {
            head[j] = frame[j];
            energy0 += frame[j] * frame[j];
        }
        if (energy0 < SILENCE_POWER * window) {
            Arrays.fill(cmnd, 1.0);
            return;
        }
        System.arraycopy(frame, 0, x, 0, n);
        fft.realForward(x);
        fft.realForward(head);
        // X conj(H) in JTransforms' packed layout: re0, re(n/2), then (re, im) pairs
        head[0] = x[0] * head[0];
        head[1] = x[1] * head[1];
        for (int k = 2; k < n; k += 2) {
            double xr = x[k];
            double xi = x[k + 1];
            double hr = head[k];
            double hi = head[k + 1];
            head[k] = xr * hr + xi * hi;
            head[k + 1] = xi * hr - xr * hi;
        }
        fft.realInverse(head, true);
        double energyTau = energy0;
        double cumulative = 0;
        for (int tau = 1; tau <= maxPeriod; tau++) {
            double leaving = frame[tau];
            double entering = frame[tau + window];
            energyTau += entering * entering - leaving * leaving;
            // rounding in the FFT can leave a perfectly periodic frame's difference slightly negative
            double d = Math.max(0.0, energy0 + energyTau - 2 * head[tau]);
            cumulative += d;
            if (tau >= minPeriod) {
                // no difference yet at all (a constant running into the zero padding): d' = 1 as at tau = 0
                cmnd[tau - minPeriod] = cumulative > 0 ? d * tau / cumulative : 1.0;
            }
        }
        if (!(cumulative > FLAT_DIFFERENCE * energy0 * maxPeriod)) {
            Arrays.fill(cmnd, 1.0);
        }
    }

    /**
     * librosa's choice: the first index that is a trough ({@code util.localmin} with edge padding, the first
     * index a trough when it lies below its neighbour) and lies below the threshold; -1 if there is none.
     */
    private int firstTroughBelowThreshold(double[] c) {
        int last = c.length - 1;
        for (int i = 0; i <= last; i++) {
            if (!(c[i] < threshold)) {
                continue;
            }
            boolean trough = i == 0 ? last > 0 && c[0] < c[1]
                    : c[i] < c[i - 1] && (i == last || c[i] <= c[i + 1]);
            if (trough) {
                return i;
            }
        }
        return -1;
    }

    /** librosa's {@code _parabolic_interpolation} at index {@code i}: 0 at either end and where it would overshoot. */
    private static double parabolicShift(double[] c, int i) {
        if (i == 0 || i == c.length - 1) {
            return 0.0;
        }
        double a = c[i + 1] + c[i - 1] - 2 * c[i];
        double b = (c[i + 1] - c[i - 1]) / 2;
        return Math.abs(b) >= Math.abs(a) ? 0.0 : -b / a;
    }
}
