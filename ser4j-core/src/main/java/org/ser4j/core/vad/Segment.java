package org.ser4j.core.vad;

/**
 * One analysis window cut from a {@link SpeechRegion} by the {@link Segmenter}: samples
 * {@code [startSample, endSample)} of the recording.
 *
 * @param startSample first sample, non-negative
 * @param endSample   one past the last sample, greater than {@code startSample}
 * @param sampleRate  samples per second of the recording, positive
 * @param regionIndex index of the region it was cut from in the list given to the segmenter, non-negative
 */
public record Segment(long startSample, long endSample, int sampleRate, int regionIndex) {

    public Segment {
        Samples.requireSpan(startSample, endSample, sampleRate);
        if (regionIndex < 0) {
            throw new IllegalArgumentException("region index must be non-negative, was " + regionIndex);
        }
    }

    /** Start in seconds from the beginning of the recording. */
    public double startSeconds() {
        return (double) startSample / sampleRate;
    }

    /** End in seconds from the beginning of the recording. */
    public double endSeconds() {
        return (double) endSample / sampleRate;
    }

    /** Number of samples in the segment. */
    public long length() {
        return endSample - startSample;
    }
}
