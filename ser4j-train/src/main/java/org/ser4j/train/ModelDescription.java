package org.ser4j.train;

import java.util.Objects;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.model.TrainingData;

/**
 * What the trainer cannot know from the numbers alone but the model card records: which features the vectors
 * are, at what analysis rate, from what data, by which command.
 *
 * @param featureSet    the features the vectors hold
 * @param featureConfig their parameters
 * @param sampleRate    the analysis rate
 * @param trainingData  the training data's description
 * @param command       the command line or API call, for provenance
 */
public record ModelDescription(FeatureSet featureSet, FeatureConfig featureConfig, int sampleRate,
        TrainingData trainingData, String command) {

    public ModelDescription {
        Objects.requireNonNull(featureSet, "featureSet");
        Objects.requireNonNull(featureConfig, "featureConfig");
        Objects.requireNonNull(trainingData, "trainingData");
        Objects.requireNonNull(command, "command");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
    }
}
