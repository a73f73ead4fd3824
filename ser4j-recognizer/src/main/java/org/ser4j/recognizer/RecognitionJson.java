package org.ser4j.recognizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ser4j.core.Emotion;

/**
 * The one JSON shape of a result, shared by {@code ser4j predict}, the REST API and batch jobs, as ordered maps
 * of plain values that any JSON library writes:
 * <pre>{@code
 * {"file":..,"emotion":..,"confidence":..,"probabilities":{..},"duration_s":..,
 *  "segments":[{"start_s":..,"end_s":..,"emotion":..,"confidence":..,"probabilities":{..}},..],
 *  "summary":{"speech_s":..,"dominant":..,"shares":{..}}}
 * }</pre>
 * {@code segments} and {@code summary} appear only for a recording with a timeline. Probabilities are rounded to
 * 4 decimals and times to milliseconds: more digits would only be noise.
 */
public final class RecognitionJson {

    private RecognitionJson() {
    }

    /**
     * A result as a JSON object.
     *
     * @param file where the audio came from, as the caller names it (a path, an upload's name, "-")
     */
    public static Map<String, Object> of(String file, Recognition recognition) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", file);
        putEstimate(o, recognition.estimate());
        o.put("duration_s", seconds(recognition.durationSeconds()));
        if (recognition.hasTimeline()) {
            o.put("segments", recognition.segments().stream().map(RecognitionJson::of).toList());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("speech_s", seconds(recognition.summary().speechSeconds()));
            summary.put("dominant", recognition.summary().dominant());
            summary.put("shares", rounded(recognition.summary().shares()));
            o.put("summary", summary);
        }
        return o;
    }

    /** A timeline segment as a JSON object. */
    public static Map<String, Object> of(TimelineSegment segment) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("start_s", seconds(segment.startSeconds()));
        o.put("end_s", seconds(segment.endSeconds()));
        putEstimate(o, segment.estimate());
        return o;
    }

    /** A failure as a JSON object: {@code {"file":..,"error":..}}. */
    public static Map<String, Object> error(String file, String message) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", file);
        o.put("error", message);
        return o;
    }

    /** Adds {@code emotion}, {@code confidence} and {@code probabilities} of an estimate to {@code o}. */
    public static void putEstimate(Map<String, Object> o, EmotionEstimate estimate) {
        o.put("emotion", estimate.label());
        o.put("confidence", round(estimate.confidence(), 1e4));
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (Map.Entry<Emotion, Double> e : estimate.probabilities().entrySet()) {
            probabilities.put(e.getKey().label(), round(e.getValue(), 1e4));
        }
        o.put("probabilities", probabilities);
    }

    /** The labels' order of the probabilities of a model's results. */
    public static List<String> labels(List<Emotion> emotions) {
        return emotions.stream().map(Emotion::label).toList();
    }

    private static Map<String, Double> rounded(Map<String, Double> shares) {
        Map<String, Double> out = new LinkedHashMap<>();
        shares.forEach((k, v) -> out.put(k, round(v, 1e4)));
        return out;
    }

    /** Seconds rounded to milliseconds. */
    public static double seconds(double value) {
        return round(value, 1e3);
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }
}
