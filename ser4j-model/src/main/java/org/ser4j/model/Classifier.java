package org.ser4j.model;

import java.util.List;
import org.ser4j.core.Emotion;
import org.ser4j.core.features.Features;

/**
 * A loaded model that turns a clip's features into class probabilities. Obtained from {@link Classifiers#load};
 * which engine runs it (ser4j's own Java code for MLPs, DJL for the other networks) is the provider's business.
 *
 * <p>Thread-safe: any number of threads may score at once. Close it when done: an engine may hold native memory.
 */
public interface Classifier extends AutoCloseable {

    /** The card of the loaded model: its features, labels, metrics and provenance. */
    ModelCard card();

    /** The classes, in the order of the probabilities answered. */
    default List<Emotion> labels() {
        return card().labels();
    }

    /**
     * Class probabilities for one clip's raw features, standardised inside with the card's normalisation.
     *
     * @param features features of the set and shape the card names
     * @return one probability per label, in {@link #labels()} order, summing to 1
     * @throws IllegalArgumentException if the features are not the set or shape the model reads
     * @throws IllegalStateException    if the classifier is closed or its engine fails
     */
    float[] probabilities(Features features);

    /**
     * Class probabilities for many clips at once; an engine may batch them.
     *
     * @throws IllegalArgumentException if some features are not the set or shape the model reads
     * @throws IllegalStateException    if the classifier is closed or its engine fails
     */
    default List<float[]> probabilitiesOfClips(List<Features> features) {
        return features.stream().map(this::probabilities).toList();
    }

    /** Releases the engine's resources; later calls fail with {@link IllegalStateException}. */
    @Override
    void close();
}
