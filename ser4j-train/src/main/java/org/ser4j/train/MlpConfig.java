package org.ser4j.train;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Hyper-parameters of the {@link Architecture#MLP}: dense ReLU layers, dropout after each but the last, then a
 * linear layer of logits (softmax is applied only at inference, and by the loss in training).
 *
 * @param hidden  units of each hidden layer, in order; default (256, 256, 64), the brief's network
 * @param dropout dropout rate after every hidden layer but the last, in [0, 1); default 0.3
 */
public record MlpConfig(List<Integer> hidden, float dropout) {

    /** Hyper-parameter key of the hidden sizes, e.g. "256,256,64". */
    public static final String HIDDEN = "hidden";
    /** Hyper-parameter key of the dropout rate. */
    public static final String DROPOUT = "dropout";

    /** The brief's network: (256, 256, 64), dropout 0.3. */
    public static final MlpConfig DEFAULT = new MlpConfig(List.of(256, 256, 64), 0.3f);

    public MlpConfig {
        hidden = List.copyOf(hidden);
        if (hidden.isEmpty() || hidden.stream().anyMatch(u -> u <= 0)) {
            throw new IllegalArgumentException("hidden layers must be a non-empty list of positive sizes, was " + hidden);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), was " + dropout);
        }
    }

    /** The hyper-parameters as the model card stores them. */
    public Map<String, String> toHyperParameters() {
        return Map.of(HIDDEN, hidden.stream().map(String::valueOf).collect(Collectors.joining(",")),
                DROPOUT, Float.toString(dropout));
    }

    /**
     * Reads the hyper-parameters from a model card's map.
     *
     * @throws IllegalArgumentException if a key is missing or a value is not valid
     */
    public static MlpConfig fromHyperParameters(Map<String, String> hp) {
        String h = hp.get(HIDDEN);
        String d = hp.get(DROPOUT);
        if (h == null || d == null) {
            throw new IllegalArgumentException("an mlp needs the hyper-parameters '" + HIDDEN + "' and '" + DROPOUT
                    + "', had " + hp.keySet());
        }
        try {
            return new MlpConfig(Arrays.stream(h.split(",")).map(String::trim).map(Integer::valueOf).toList(),
                    Float.parseFloat(d));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid mlp hyper-parameters " + hp + ": " + e.getMessage(), e);
        }
    }
}
