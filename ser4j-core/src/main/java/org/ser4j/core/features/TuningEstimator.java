package org.ser4j.core.features;

import java.util.Arrays;
import org.ser4j.core.dsp.FloatMatrix;

/**
 * librosa 0.10.1's {@code estimate_tuning(S=S, sr=sr, bins_per_octave=n)} on a magnitude spectrogram: the
 * deviation of a recording from A440 tuning, in fractions of a bin, as {@code chroma_stft} estimates it before
 * building its filter bank.
 *
 * <p>The steps, each as librosa computes them (float32 where librosa works in float32, because a tuning one
 * histogram bin off shifts every chroma value):
 * <ol>
 *   <li>{@code piptrack(S, fmin=150, fmax=4000, threshold=0.1)}: in each frame, the bins inside
 *       {@code fmin <= f < fmax} that are local maxima ({@code x[k] > x[k-1] && x[k] >= x[k+1]}) of the spectrum
 *       with everything not above {@code 0.1 * max(frame)} set to zero, refined by parabolic interpolation to a
 *       pitch and an interpolated magnitude;</li>
 *   <li>the pitches whose magnitude is at least the median magnitude of all peaks;</li>
 *   <li>{@code pitch_tuning(resolution=0.01)}: each pitch's distance from the nearest equal-tempered bin in
 *       {@code [-0.5, 0.5)}, counted in a 100-bin histogram over {@code np.linspace(-0.5, 0.5, 101)}; the left
 *       edge of the first fullest bin is the tuning.</li>
 * </ol>
 *
 * <p>Immutable and thread-safe; one pass over the spectrogram with two growing arrays of peaks.
 */
public final class TuningEstimator {

    /** {@code piptrack}'s default lowest frequency, Hz. */
    public static final double DEFAULT_FMIN = 150.0;
    /** {@code piptrack}'s default highest frequency (exclusive), Hz; lowered to Nyquist when that is lower. */
    public static final double DEFAULT_FMAX = 4000.0;
    /** {@code piptrack}'s default threshold relative to each frame's maximum. */
    public static final float DEFAULT_THRESHOLD = 0.1f;
    /** {@code estimate_tuning}'s default resolution, in fractions of a bin. */
    public static final double DEFAULT_RESOLUTION = 0.01;

    /** librosa's {@code A440 / 16} for zero tuning, exactly representable in float32. */
    private static final float A0_HZ = 27.5f;

    private final int sampleRate;
    private final int binsPerOctave;
    private final double[] edges;

    /**
     * An estimator with librosa's defaults (fmin 150 Hz, fmax 4000 Hz, threshold 0.1, resolution 0.01).
     *
     * @param sampleRate    rate of the analysed signal, Hz; positive
     * @param binsPerOctave bins per octave of the scale the tuning refers to (chroma_stft passes {@code n_chroma},
     *                      librosa default 12); positive
     */
    public TuningEstimator(int sampleRate, int binsPerOctave) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        if (binsPerOctave <= 0) {
            throw new IllegalArgumentException("bins per octave must be positive, was " + binsPerOctave);
        }
        this.sampleRate = sampleRate;
        this.binsPerOctave = binsPerOctave;
        this.edges = histogramEdges(DEFAULT_RESOLUTION);
    }

    /**
     * The tuning of a magnitude spectrogram, in fractions of a bin: one of the 100 values
     * {@code -0.5, -0.49, ..., 0.49} (as numpy's {@code linspace} computes them), 0.0 when no frame has a peak.
     *
     * @param magnitude frame-major |STFT|, frames x (nFft/2 + 1); n_fft is inferred as {@code 2 (bins - 1)} as
     *                  librosa does
     */
    public double estimate(FloatMatrix magnitude) {
        Peaks peaks = track(magnitude);
        if (peaks.count == 0) {
            return 0.0;
        }
        float threshold = median(Arrays.copyOf(peaks.mags, peaks.count));
        float[] kept = new float[peaks.count];
        int n = 0;
        for (int i = 0; i < peaks.count; i++) {
            if (peaks.mags[i] >= threshold) {
                kept[n++] = peaks.pitches[i];
            }
        }
        int peak = histogramPeak(kept, n, binsPerOctave, edges);
        return peak < 0 ? 0.0 : edges[peak];
    }

    /**
     * librosa's {@code pitch_tuning(frequencies, resolution, bins_per_octave)}: the histogram peak of the
     * frequencies' deviations from the nearest bin of an A440 equal-tempered scale.
     *
     * @param frequencies   pitches in Hz (float32 as librosa's piptrack stores them); values {@code <= 0} are ignored
     * @param resolution    histogram bin width in fractions of a bin, in (0, 1]
     * @param binsPerOctave bins per octave; positive
     * @return the left edge of the first fullest histogram bin, or 0.0 when no frequency is positive
     */
    public static double pitchTuning(float[] frequencies, double resolution, int binsPerOctave) {
        if (binsPerOctave <= 0) {
            throw new IllegalArgumentException("bins per octave must be positive, was " + binsPerOctave);
        }
        double[] edges = histogramEdges(resolution);
        int peak = histogramPeak(frequencies, frequencies.length, binsPerOctave, edges);
        return peak < 0 ? 0.0 : edges[peak];
    }

    /** Index of the histogram edge that {@link #estimate} returned {@code tuning} from, or -1 for any other value. */
    int histogramIndex(double tuning) {
        int i = (int) Math.round((tuning + 0.5) / DEFAULT_RESOLUTION);
        return i >= 0 && i < edges.length - 1 && edges[i] == tuning ? i : -1;
    }

    /** Number of values {@link #estimate} can return. */
    int histogramBins() {
        return edges.length - 1;
    }

    /** {@code np.linspace(-0.5, 0.5, ceil(1 / resolution) + 1)}, element by element as numpy computes it. */
    private static double[] histogramEdges(double resolution) {
        if (!(resolution > 0 && resolution <= 1)) {
            throw new IllegalArgumentException("resolution must be in (0, 1], was " + resolution);
        }
        int bins = (int) Math.ceil(1.0 / resolution);
        double step = 1.0 / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i < bins; i++) {
            edges[i] = i * step + -0.5;
        }
        edges[bins] = 0.5;
        return edges;
    }

    /**
     * {@code np.argmax(np.histogram(residual, edges)[0])}: bins are {@code [e_i, e_i+1)}, the last one closed;
     * ties go to the lowest bin. Returns -1 when no frequency is positive (librosa then returns tuning 0.0).
     */
    private static int histogramPeak(float[] frequencies, int count, int binsPerOctave, double[] edges) {
        int nBins = edges.length - 1;
        int[] counts = new int[nBins];
        float scale = binsPerOctave;
        int positive = 0;
        for (int i = 0; i < count; i++) {
            float f = frequencies[i];
            if (!(f > 0)) {
                continue;
            }
            positive++;
            // hz_to_octs in float32: log2(f / 27.5), then n * octs mod 1, folded into [-0.5, 0.5).
            float octs = (float) ChromaFilterBank.log2(f / A0_HZ);
            float residual = numpyMod1(scale * octs);
            if (residual >= 0.5f) {
                residual -= 1.0f;
            }
            int bin = locate(residual, edges);
            if (bin >= 0) {
                counts[bin]++;
            }
        }
        if (positive == 0) {
            return -1;
        }
        int best = 0;
        for (int b = 1; b < nBins; b++) {
            if (counts[b] > counts[best]) {
                best = b;
            }
        }
        return best;
    }

    /** {@code np.mod(x, 1.0)} for float32: fmod, moved into [0, 1) for negative x. */
    private static float numpyMod1(float x) {
        float m = x % 1.0f;
        if (m < 0) {
            m += 1.0f;
        } else if (m == 0) {
            m = 0.0f;
        }
        return m;
    }

    /** The histogram bin holding {@code x}, comparing against the exact edges; -1 outside them. */
    private static int locate(double x, double[] edges) {
        int nBins = edges.length - 1;
        if (!(x >= edges[0] && x <= edges[nBins])) {
            return -1;
        }
        int i = (int) ((x - edges[0]) / (edges[nBins] - edges[0]) * nBins);
        i = Math.max(0, Math.min(nBins - 1, i));
        while (i > 0 && x < edges[i]) {
            i--;
        }
        while (i < nBins - 1 && x >= edges[i + 1]) {
            i++;
        }
        return i;
    }

    /** Peaks of piptrack in frame order, the arrays possibly longer than {@code count}. */
    private record Peaks(float[] pitches, float[] mags, int count) {
    }

    /** librosa's {@code piptrack(S=S, sr=sr, fmin=150, fmax=4000, threshold=0.1)}, keeping only the peaks. */
    private Peaks track(FloatMatrix magnitude) {
        int bins = magnitude.cols();
        if (bins < 2) {
            throw new IllegalArgumentException("a spectrogram for tuning needs at least 2 bins per frame, had " + bins);
        }
        int nFft = 2 * (bins - 1);
        // np.fft.rfftfreq(n_fft, 1/sr): k * (1 / (n_fft * (1 / sr)))
        double binHz = 1.0 / (nFft * (1.0 / sampleRate));
        double fmax = Math.min(DEFAULT_FMAX, sampleRate / 2.0);
        int lo = 0;
        while (lo < bins && !(DEFAULT_FMIN <= lo * binHz)) {
            lo++;
        }
        int hi = lo;
        while (hi < bins && hi * binHz < fmax) {
            hi++;
        }
        // librosa's localmax is false at bin 0 and compares the last bin with one neighbour only; fmin > 0 and
        // fmax <= Nyquist keep both out of [lo, hi), so every candidate has two neighbours.
        lo = Math.max(lo, 1);
        hi = Math.min(hi, bins - 1);

        float[] s = magnitude.data();
        int capacity = Math.max(16, magnitude.rows() * 8);
        float[] pitches = new float[capacity];
        float[] mags = new float[capacity];
        int count = 0;
        double hzScale = sampleRate;
        for (int t = 0, frames = magnitude.rows(); t < frames; t++) {
            int off = t * bins;
            float ref = DEFAULT_THRESHOLD * frameMax(s, off, bins);
            for (int k = lo; k < hi; k++) {
                float x0 = s[off + k];
                if (!(x0 > ref)) {
                    continue;
                }
                float xPrev = s[off + k - 1];
                float xNext = s[off + k + 1];
                float tPrev = xPrev > ref ? xPrev : 0f;
                float tNext = xNext > ref ? xNext : 0f;
                if (!(x0 > tPrev && x0 >= tNext)) {
                    continue;
                }
                // numba stencil: (x1 + x-1) in float32, 2 * x0 and / 2 promote to float64, result stored as float32.
                float diff = xNext - xPrev;
                double a = (double) (xNext + xPrev) - 2.0 * x0;
                double b = diff / 2.0;
                float shift = Math.abs(b) >= Math.abs(a) ? 0f : (float) (-b / a);
                // np.gradient in float32, dskew = 0.5 * avg * shift in float32
                float avg = diff / 2.0f;
                float mag = x0 + (0.5f * avg) * shift;
                float pitch = (float) ((k + (double) shift) * hzScale / nFft);
                if (count == pitches.length) {
                    pitches = Arrays.copyOf(pitches, count * 2);
                    mags = Arrays.copyOf(mags, count * 2);
                }
                pitches[count] = pitch;
                mags[count] = mag;
                count++;
            }
        }
        return new Peaks(pitches, mags, count);
    }

    /** Largest value of one frame, with four running maxima so that the comparisons do not wait on each other. */
    private static float frameMax(float[] s, int off, int bins) {
        float m0 = 0f;
        float m1 = 0f;
        float m2 = 0f;
        float m3 = 0f;
        int k = off;
        int end = off + bins;
        for (; k + 3 < end; k += 4) {
            m0 = Math.max(m0, s[k]);
            m1 = Math.max(m1, s[k + 1]);
            m2 = Math.max(m2, s[k + 2]);
            m3 = Math.max(m3, s[k + 3]);
        }
        for (; k < end; k++) {
            m0 = Math.max(m0, s[k]);
        }
        return Math.max(Math.max(m0, m1), Math.max(m2, m3));
    }

    /**
     * {@code np.median} of float32 values: the middle element, or for an even count the float32 mean of the two
     * middle elements. Reorders {@code values}.
     */
    static float median(float[] values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("median of no values");
        }
        int k = n / 2;
        float upper = select(values, k);
        if (n % 2 == 1) {
            return upper;
        }
        // After selection everything left of k is <= values[k]: the lower middle is their maximum.
        float lower = values[0];
        for (int i = 1; i < k; i++) {
            if (values[i] > lower) {
                lower = values[i];
            }
        }
        return (lower + upper) / 2.0f;
    }

    /** Quickselect (median-of-three pivot): puts the k-th smallest at index k and returns it. */
    private static float select(float[] a, int k) {
        int left = 0;
        int right = a.length - 1;
        while (right > left) {
            int mid = (left + right) >>> 1;
            if (a[mid] < a[left]) {
                swap(a, mid, left);
            }
            if (a[right] < a[left]) {
                swap(a, right, left);
            }
            if (a[right] < a[mid]) {
                swap(a, right, mid);
            }
            float pivot = a[mid];
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                break;
            }
        }
        return a[k];
    }

    private static void swap(float[] a, int i, int j) {
        float tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
    }
}
