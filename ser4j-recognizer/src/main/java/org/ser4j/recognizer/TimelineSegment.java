package org.ser4j.recognizer;

import java.util.Objects;

/**
 * A stretch of speech in a long recording and what it expresses. Segments of a timeline are in order and do
 * not overlap; silence lies between segments of different speech regions.
 *
 * @param startSeconds where it starts, from the beginning of the recording
 * @param endSeconds   where it ends, after {@code startSeconds}
 * @param estimate     the emotion over the segment: the mean of the model's windows inside it
 */
public record TimelineSegment(double startSeconds, double endSeconds, EmotionEstimate estimate) {

    public TimelineSegment {
        if (!(startSeconds >= 0 && endSeconds > startSeconds)) {
            throw new IllegalArgumentException("a segment needs 0 <= start < end, was [" + startSeconds + ", "
                    + endSeconds + "]");
        }
        Objects.requireNonNull(estimate, "estimate");
    }

    /** Its length in seconds. */
    public double durationSeconds() {
        return endSeconds - startSeconds;
    }
}
