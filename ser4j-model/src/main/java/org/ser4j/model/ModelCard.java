package org.ser4j.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ser4j.core.Emotion;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.core.features.FeatureSet;

/**
 * Everything about a trained model except its weights: what it expects as input, what it answers, how it was
 * made and how well it did. Stored as JSON inside the bundle, readable without any DL engine.
 *
 * @param architecture    the architecture's name ("mlp", "cnn1d", "lstm", "cnn_lstm", "cnn2d", ...)
 * @param hyperParameters its hyper-parameters, as strings by name, sorted
 * @param featureSet      the features the model reads
 * @param featureConfig   their parameters
 * @param sampleRate      the analysis rate the audio is resampled to
 * @param labels          the output classes, in the order of the model's outputs
 * @param normalisation   the standardisation applied to the features before the model
 * @param trainingData    what it was trained on
 * @param metrics         evaluation figures by name ("ua", "wa", "macro_f1", ...), sorted
 * @param provenance      where it came from
 */
public record ModelCard(String architecture, Map<String, String> hyperParameters, FeatureSet featureSet,
        FeatureConfig featureConfig, int sampleRate, List<Emotion> labels, Normalisation normalisation,
        TrainingData trainingData, Map<String, Double> metrics, Provenance provenance) {

    public ModelCard {
        if (architecture == null || architecture.isBlank()) {
            throw new IllegalArgumentException("architecture must be named");
        }
        hyperParameters = Map.copyOf(new TreeMap<>(hyperParameters));
        Objects.requireNonNull(featureSet, "featureSet");
        Objects.requireNonNull(featureConfig, "featureConfig");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        labels = List.copyOf(labels);
        if (labels.size() < 2 || labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("a model needs at least two distinct labels, had " + labels);
        }
        Objects.requireNonNull(normalisation, "normalisation");
        Objects.requireNonNull(trainingData, "trainingData");
        metrics = Map.copyOf(new TreeMap<>(metrics));
        Objects.requireNonNull(provenance, "provenance");
    }
}
