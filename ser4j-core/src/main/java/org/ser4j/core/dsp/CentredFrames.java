package org.ser4j.core.dsp;

/**
 * The frame grid of librosa's centred framing ({@code center=True}): the signal is padded by
 * {@code frameLength / 2} samples at each end and cut into frames of {@code frameLength} samples every
 * {@code hopLength} samples, so frame {@code t} is centred on sample {@code t * hopLength}.
 *
 * @param frameLength samples per frame (librosa's {@code frame_length}, default 2048)
 * @param hopLength   samples between frame starts (librosa's {@code hop_length}, default 512)
 */
public record CentredFrames(int frameLength, int hopLength) {

    public CentredFrames {
        if (frameLength < 1) {
            throw new IllegalArgumentException("frame length must be positive, was " + frameLength);
        }
        if (hopLength < 1) {
            throw new IllegalArgumentException("hop length must be positive, was " + hopLength);
        }
    }

    /** Samples of padding at each end, {@code frameLength / 2}. */
    public int padding() {
        return frameLength / 2;
    }

    /**
     * Frames for a signal of {@code samples} samples: {@code 1 + (samples + 2 * padding - frameLength) / hop},
     * which is {@code 1 + samples / hop} for an even frame length.
     */
    public int count(int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("a centred frame grid needs at least one sample, was " + samples);
        }
        long padded = (long) samples + 2L * padding();
        if (padded < frameLength) {
            throw new IllegalArgumentException(samples + " samples are too few for frames of " + frameLength);
        }
        return Math.toIntExact(1 + (padded - frameLength) / hopLength);
    }

    /** Index in the unpadded signal of frame {@code t}'s first sample (negative while it lies in the padding). */
    public int firstSample(int t) {
        return t * hopLength - padding();
    }

    /**
     * The largest block length that tiles every frame exactly, {@code gcd(hopLength, frameLength)}: counted from
     * the start of the padded signal, each frame consists of {@link #blocksPerFrame()} whole blocks and frame
     * {@code t} starts at block {@code t * hopLength / blockLength}. Per-frame sums can thus be assembled from
     * per-block sums, touching each sample once instead of {@code frameLength / hopLength} times.
     */
    public int blockLength() {
        int a = hopLength;
        int b = frameLength;
        while (b != 0) {
            int r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    /** {@code frameLength / blockLength()}. */
    public int blocksPerFrame() {
        return frameLength / blockLength();
    }

    /** Number of blocks covering all frames of a {@code samples}-sample signal. */
    public int blockCount(int samples) {
        int frames = count(samples);
        return (frames - 1) * (hopLength / blockLength()) + blocksPerFrame();
    }

    /** Index in the unpadded signal of block {@code j}'s first sample (negative inside the leading padding). */
    public int blockStart(int j) {
        return j * blockLength() - padding();
    }
}
