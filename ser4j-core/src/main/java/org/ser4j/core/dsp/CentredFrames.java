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
}
