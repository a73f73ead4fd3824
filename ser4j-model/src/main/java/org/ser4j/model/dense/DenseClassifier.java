package org.ser4j.model.dense;

import org.ser4j.core.features.Features;
import org.ser4j.model.Classifier;
import org.ser4j.model.ModelCard;
import org.ser4j.model.Normalisation;

/**
 * Runs an MLP over per-clip feature vectors in plain Java: standardise with the card's normalisation, then the
 * {@link DenseNetwork}. Thread-safe: the weights are immutable and each call works on its own arrays.
 */
final class DenseClassifier implements Classifier {

    private final ModelCard card;
    private final Normalisation normalisation;
    private final DenseNetwork network;
    private volatile boolean closed;

    DenseClassifier(ModelCard card, DenseNetwork network) {
        if (network.inputs() != card.normalisation().dimensions()) {
            throw new IllegalArgumentException("the network reads " + network.inputs() + " values, the card's "
                    + "normalisation has " + card.normalisation().dimensions());
        }
        this.card = card;
        this.normalisation = card.normalisation();
        this.network = network;
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public float[] probabilities(Features features) {
        if (closed) {
            throw new IllegalStateException("the classifier is closed");
        }
        if (features.set() != card.featureSet()) {
            throw new IllegalArgumentException("the model reads " + card.featureSet() + " features, got "
                    + features.set());
        }
        if (features.size() != normalisation.dimensions()) {
            throw new IllegalArgumentException("the model reads " + normalisation.dimensions()
                    + " feature values per clip, got " + features.size());
        }
        return network.probabilities(normalisation.apply(features.values()));
    }

    /** Nothing to release (the weights are on the Java heap); later calls fail as the interface promises. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "DenseClassifier[" + card.architecture() + ", " + card.featureSet() + ", " + card.labels().size()
                + " labels]";
    }
}
