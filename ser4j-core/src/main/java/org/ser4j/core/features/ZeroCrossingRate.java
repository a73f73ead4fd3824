package org.ser4j.core.features;

import org.ser4j.core.dsp.CentredFrames;

/**
 * {@code librosa.feature.zero_crossing_rate(y, frame_length, hop_length, center=True)} with librosa's
 * defaults for the crossing test ({@code threshold=1e-10}, {@code zero_pos=True}, {@code pad=False}).
 *
 * <p>What librosa does, and this class reproduces: the signal is padded with copies of its first and last
 * sample ({@code np.pad(mode="edge")}, not zeros); values within {@code +-threshold} count as zero and zero counts
 * as positive; a crossing is a sign change between a sample and the one before it within the same frame (the
 * first sample of a frame never is one); the rate is the number of crossings divided by the frame length.
 * Because edge padding repeats a value, crossings can only occur between two real samples, so each frame counts
 * the sign changes between consecutive signal samples it covers.
 *
 * <p>Immutable and thread-safe.
 */
public final class ZeroCrossingRate {

    private final CentredFrames frames;
    private final float threshold;

    /**
     * @param frames    frame grid (librosa default 2048 / 512)
     * @param threshold magnitude at or below which a sample counts as zero (librosa default 1e-10); librosa
     *                  compares in the signal's float32, and so does this class
     */
    public ZeroCrossingRate(CentredFrames frames, double threshold) {
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("zero-crossing threshold must be non-negative, was " + threshold);
        }
        this.frames = frames;
        this.threshold = (float) threshold;
    }

    /** One rate per frame, {@link CentredFrames#count} values. */
    public float[] compute(float[] y) {
        int n = y.length;
        int count = frames.count(n);
        float[] out = new float[count];
        int length = frames.frameLength();
        for (int t = 0; t < count; t++) {
            int first = frames.firstSample(t);
            // pairs (k-1, k) with both samples inside the frame and inside the signal
            int from = Math.max(1, first + 1);
            int to = Math.min(n - 1, first + length - 1);
            int crossings = 0;
            if (from <= to) {
                boolean negative = isNegative(y[from - 1]);
                for (int k = from; k <= to; k++) {
                    boolean next = isNegative(y[k]);
                    if (next != negative) {
                        crossings++;
                    }
                    negative = next;
                }
            }
            out[t] = (float) ((double) crossings / length);
        }
        return out;
    }

    /** librosa's {@code np.signbit} after small values were set to zero: only values below -threshold. */
    private boolean isNegative(float v) {
        return v < -threshold;
    }
}
