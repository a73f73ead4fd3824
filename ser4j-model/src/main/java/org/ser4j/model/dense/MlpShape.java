package org.ser4j.model.dense;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ser4j.model.ModelCard;
import org.ser4j.model.ModelFormatException;

/**
 * The layer sizes an "mlp" card promises, which the weights must match exactly: {@code inputs} standardised
 * features, then each of {@code hidden} dense ReLU layers, then {@code classes} logits. {@code dropout} says
 * whether a Dropout block follows every hidden layer but the last, as ser4j-train's {@code Architecture.MLP}
 * builds it; dropout carries no parameters, but its blocks still take their place in the weights stream.
 *
 * @param inputs  feature values per clip (the normalisation's dimensions)
 * @param hidden  units of each hidden layer
 * @param dropout whether the network has Dropout blocks
 * @param classes number of labels
 */
record MlpShape(int inputs, List<Integer> hidden, boolean dropout, int classes) {

    MlpShape {
        hidden = List.copyOf(hidden);
    }

    /**
     * Reads the sizes from a card: its normalisation's dimensions, its labels and its {@code hidden} and
     * {@code dropout} hyper-parameters (as {@code Architecture.MLP} reads them; both are always stored).
     *
     * @throws ModelFormatException if a hyper-parameter is missing or malformed
     */
    static MlpShape of(ModelCard card) throws ModelFormatException {
        Map<String, String> hp = card.hyperParameters();
        return new MlpShape(card.normalisation().dimensions(), hiddenSizes(hp.get("hidden")),
                dropoutRate(hp.get("dropout")) > 0, card.labels().size());
    }

    /** Units of dense layer {@code i} (0-based; the last one is the logits). */
    int units(int layer) {
        return layer < hidden.size() ? hidden.get(layer) : classes;
    }

    /** Inputs of dense layer {@code i}. */
    int inputsOf(int layer) {
        return layer == 0 ? inputs : hidden.get(layer - 1);
    }

    /** Dense layers, the logits included. */
    int denseLayers() {
        return hidden.size() + 1;
    }

    /** Whether a Dropout block follows dense layer {@code i}: every hidden one but the last. */
    boolean dropoutAfter(int layer) {
        return dropout && layer < hidden.size() - 1;
    }

    private static List<Integer> hiddenSizes(String value) throws ModelFormatException {
        if (value == null || value.isBlank()) {
            throw new ModelFormatException("an mlp card must give its hidden sizes ('hidden', e.g. '512,256'); "
                    + "it has none");
        }
        List<Integer> sizes = new ArrayList<>();
        for (String s : value.split(",")) {
            try {
                int n = Integer.parseInt(s.trim());
                if (n > 0) {
                    sizes.add(n);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below with the whole value
            }
            throw new ModelFormatException("an mlp card's 'hidden' must list positive sizes, was '" + value + "'");
        }
        return sizes;
    }

    private static float dropoutRate(String value) throws ModelFormatException {
        if (value == null || value.isBlank()) {
            throw new ModelFormatException("an mlp card must give its 'dropout' rate (it decides which blocks the "
                    + "weights hold); it has none");
        }
        try {
            float rate = Float.parseFloat(value.trim());
            if (rate >= 0 && rate < 1) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ModelFormatException("an mlp card's 'dropout' must be a rate in [0, 1), was '" + value + "'");
    }
}
