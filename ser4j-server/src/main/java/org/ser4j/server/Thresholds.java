package org.ser4j.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ser4j.recognizer.EmotionEstimate;
import org.ser4j.recognizer.Recognition;
import org.ser4j.recognizer.TimelineSegment;
import org.ser4j.recognizer.TimelineSummary;

/**
 * A request's {@code min_confidence} applied to a result the shared recogniser computed with its own threshold:
 * each estimate abstains when its confidence is below the request's threshold, and the summary's shares are
 * recounted from the segments as the recogniser counts them (speech time per label). Segments stay as the
 * recogniser cut them: neighbours that both abstain are not merged.
 */
final class Thresholds {

    private Thresholds() {
    }

    static Recognition apply(Recognition recognition, double minConfidence) {
        EmotionEstimate whole = apply(recognition.estimate(), minConfidence);
        if (!recognition.hasTimeline()) {
            return new Recognition(whole, recognition.durationSeconds(), recognition.segments(),
                    recognition.summary());
        }
        List<TimelineSegment> segments = new ArrayList<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        double speech = 0;
        for (TimelineSegment s : recognition.segments()) {
            TimelineSegment t = new TimelineSegment(s.startSeconds(), s.endSeconds(), apply(s.estimate(),
                    minConfidence));
            segments.add(t);
            seconds.merge(t.estimate().label(), t.durationSeconds(), Double::sum);
            speech += t.durationSeconds();
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        double total = speech;
        seconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> shares.put(e.getKey(), e.getValue() / total));
        TimelineSummary summary = new TimelineSummary(recognition.summary().speechSeconds(), shares,
                shares.keySet().iterator().next());
        return new Recognition(whole, recognition.durationSeconds(), segments, summary);
    }

    static EmotionEstimate apply(EmotionEstimate estimate, double minConfidence) {
        return new EmotionEstimate(estimate.emotion(), estimate.confidence(), estimate.probabilities(),
                estimate.confidence() < minConfidence);
    }
}
