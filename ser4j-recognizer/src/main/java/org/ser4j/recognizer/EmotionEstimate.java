package org.ser4j.recognizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ser4j.core.Emotion;

/**
 * What the model says about a stretch of audio: the most probable emotion, its probability, all class
 * probabilities, and whether the recogniser abstains.
 *
 * @param emotion       the most probable class, even when {@code uncertain}
 * @param confidence    its probability, in [0, 1]
 * @param probabilities every class's probability, in the model's label order, summing to 1
 * @param uncertain     whether {@code confidence} fell below the recogniser's abstention threshold; the label
 *                      is then {@value #UNCERTAIN}, and the probabilities stay available
 */
public record EmotionEstimate(Emotion emotion, double confidence, Map<Emotion, Double> probabilities,
        boolean uncertain) {

    /** The label of an estimate below the abstention threshold. */
    public static final String UNCERTAIN = "uncertain";

    public EmotionEstimate {
        Objects.requireNonNull(emotion, "emotion");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must lie in [0, 1], was " + confidence);
        }
        if (probabilities == null || !probabilities.containsKey(emotion)) {
            throw new IllegalArgumentException("probabilities must include the emotion " + emotion);
        }
        probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }

    /**
     * The estimate of a probability vector: the argmax (first on ties), abstaining below {@code minConfidence}.
     *
     * @param labels        the classes, in the order of {@code probabilities}
     * @param probabilities one probability per class
     * @param minConfidence the abstention threshold in [0, 1]; 0 never abstains
     */
    public static EmotionEstimate of(List<Emotion> labels, double[] probabilities, double minConfidence) {
        if (labels.size() != probabilities.length) {
            throw new IllegalArgumentException("expected " + labels.size() + " probabilities, one per label, got "
                    + probabilities.length);
        }
        Map<Emotion, Double> byLabel = new LinkedHashMap<>();
        int best = 0;
        for (int i = 0; i < probabilities.length; i++) {
            byLabel.put(labels.get(i), probabilities[i]);
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        double confidence = Math.min(1, Math.max(0, probabilities[best]));
        return new EmotionEstimate(labels.get(best), confidence, byLabel, confidence < minConfidence);
    }

    /** The emotion's label ("happy", ...), or {@value #UNCERTAIN} when the recogniser abstains. */
    public String label() {
        return uncertain ? UNCERTAIN : emotion.label();
    }
}
