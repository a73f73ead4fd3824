package org.ser4j.recognizer;

import java.util.List;
import java.util.Objects;

/**
 * The result of recognising one recording.
 *
 * @param estimate        the emotion of the whole recording: for a short one, the model's answer on all of it; for
 *                        a long one, the duration-weighted mean of its segments' probabilities
 * @param durationSeconds the recording's length
 * @param segments        the timeline: empty for a recording that is at most one model window long and holds one
 *                        speech region, otherwise its speech segments in order
 * @param summary         the share of speech time per emotion
 */
public record Recognition(EmotionEstimate estimate, double durationSeconds, List<TimelineSegment> segments,
        TimelineSummary summary) {

    public Recognition {
        Objects.requireNonNull(estimate, "estimate");
        if (!(durationSeconds > 0)) {
            throw new IllegalArgumentException("duration must be positive, was " + durationSeconds);
        }
        segments = List.copyOf(segments);
        Objects.requireNonNull(summary, "summary");
    }

    /** Whether the recording was long or broken enough to be given a timeline. */
    public boolean hasTimeline() {
        return !segments.isEmpty();
    }
}
