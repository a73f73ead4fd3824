package org.ser4j.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ser4j.core.Emotion;

/**
 * What a model was trained on, as evaluation reports and users need to know it.
 *
 * @param corpora    corpus ids of the training data
 * @param clips      training clips
 * @param speakers   distinct training speakers
 * @param perEmotion training clips per emotion
 * @param protocol   how the data was split (e.g. "speaker-kfold seed=42 folds=5 ..."; the brief's random split
 *                   says "speaker-dependent")
 */
public record TrainingData(List<String> corpora, int clips, int speakers, Map<Emotion, Integer> perEmotion,
        String protocol) {

    public TrainingData {
        corpora = List.copyOf(corpora);
        perEmotion = Map.copyOf(perEmotion);
        Objects.requireNonNull(protocol, "protocol");
        if (clips < 0 || speakers < 0) {
            throw new IllegalArgumentException("counts must be non-negative, were " + clips + " clips and " + speakers
                    + " speakers");
        }
    }
}
