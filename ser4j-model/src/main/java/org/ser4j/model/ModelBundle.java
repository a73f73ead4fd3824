package org.ser4j.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A trained model in one piece: its {@link ModelCard} and its weights, in a format an engine names. Loading it
 * needs nothing else: the label set, the feature parameters and the normalisation travel with the weights, so
 * a model can never be used with the wrong labels or features.
 *
 * @param card          everything but the weights
 * @param weightsFormat how the engine stored the weights (e.g. "djl-pytorch-parameters", "onnx")
 * @param weights       the engine's bytes (copied at the boundary)
 */
public record ModelBundle(ModelCard card, String weightsFormat, byte[] weights) {

    public ModelBundle {
        Objects.requireNonNull(card, "card");
        if (weightsFormat == null || weightsFormat.isBlank()) {
            throw new IllegalArgumentException("the weights format must be named");
        }
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("a model bundle needs its weights");
        }
        weights = weights.clone();
    }

    @Override
    public byte[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelBundle b && card.equals(b.card) && weightsFormat.equals(b.weightsFormat)
                && Arrays.equals(weights, b.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(card, weightsFormat, Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return "ModelBundle[" + card.architecture() + ", " + card.labels().size() + " labels, " + weightsFormat + ", "
                + weights.length + " bytes of weights]";
    }
}
