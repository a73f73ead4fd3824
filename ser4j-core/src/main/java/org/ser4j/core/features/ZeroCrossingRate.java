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
 * Because edge padding repeats a value, crossings can only occur between two real samples.
 *
 * <p>Each crossing is attributed to the later sample of its pair; crossings are counted once per
 * {@link CentredFrames#blockLength() block}, and a frame adds up its blocks less the crossing attributed to its
 * own first sample, whose partner lies outside the frame. Immutable and thread-safe.
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
        int blockLength = frames.blockLength();
        int[] blocks = new int[frames.blockCount(n)];
        for (int j = 0; j < blocks.length; j++) {
            int first = frames.blockStart(j);
            int from = Math.max(1, first);
            int to = Math.min(n, first + blockLength);
            int crossings = 0;
            for (int k = from; k < to; k++) {
                crossings += signBit(y[k - 1]) ^ signBit(y[k]);
            }
            blocks[j] = crossings;
        }
        float[] out = new float[count];
        int step = frames.hopLength() / blockLength;
        int perFrame = frames.blocksPerFrame();
        for (int t = 0; t < count; t++) {
            int crossings = 0;
            for (int j = t * step, end = j + perFrame; j < end; j++) {
                crossings += blocks[j];
            }
            crossings -= crossingAt(y, frames.firstSample(t));
            out[t] = (float) ((double) crossings / frames.frameLength());
        }
        return out;
    }

    /** 1 if samples {@code k-1} and {@code k} both exist and differ in sign, else 0. */
    private int crossingAt(float[] y, int k) {
        return k >= 1 && k < y.length ? signBit(y[k - 1]) ^ signBit(y[k]) : 0;
    }

    /**
     * 1 for librosa's {@code np.signbit} after values within the threshold were set to zero, i.e. for
     * {@code v < -threshold}, else 0. Computed as the sign bit of {@code v + threshold}, without a branch: a
     * rounded float sum has the sign of the exact sum and is +0 when that is zero, so this is exact.
     */
    private int signBit(float v) {
        return Float.floatToRawIntBits(v + threshold) >>> 31;
    }
}
