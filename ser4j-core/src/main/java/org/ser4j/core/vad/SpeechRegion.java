package org.ser4j.core.vad;

/**
 * A stretch of a recording judged to contain speech: samples {@code [startSample, endSample)}.
 *
 * @param startSample first sample of the region, non-negative
 * @param endSample   one past the last sample, greater than {@code startSample}
 * @param sampleRate  samples per second of the recording, positive
 */
public record SpeechRegion(long startSample, long endSample, int sampleRate) {

    public SpeechRegion {
        Samples.requireSpan(startSample, endSample, sampleRate);
    }

    /** Start in seconds from the beginning of the recording. */
    public double startSeconds() {
        return (double) startSample / sampleRate;
    }

    /** End in seconds from the beginning of the recording. */
    public double endSeconds() {
        return (double) endSample / sampleRate;
    }

    /** Number of samples in the region. */
    public long length() {
        return endSample - startSample;
    }
}
