package org.ser4j.recognizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a recording's speech divides among the emotions.
 *
 * @param speechSeconds the total length of the speech found
 * @param shares        the share of speech time per label (emotion labels, and {@value EmotionEstimate#UNCERTAIN}
 *                      when the recogniser abstained somewhere), largest first, summing to 1
 * @param dominant      the label with the largest share
 */
public record TimelineSummary(double speechSeconds, Map<String, Double> shares, String dominant) {

    public TimelineSummary {
        if (!(speechSeconds > 0)) {
            throw new IllegalArgumentException("speech time must be positive, was " + speechSeconds);
        }
        Objects.requireNonNull(dominant, "dominant");
        if (shares == null || !shares.containsKey(dominant)) {
            throw new IllegalArgumentException("shares must include the dominant label " + dominant);
        }
        shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    }
}
