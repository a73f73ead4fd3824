package org.ser4j.train;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ser4j.model.ModelFormatException;

/**
 * The network architectures ser4j trains, by the name a model card stores. Each builds a DJL {@link Block}
 * that maps a batch of standardised feature vectors {@code (N, inputs)} to logits {@code (N, classes)}.
 */
public enum Architecture {

    /** Dense ReLU layers with dropout over a feature vector (the seed-162 vector); see {@link MlpConfig}. */
    MLP("mlp") {
        @Override
        public Block build(Map<String, String> hyperParameters, int classes) {
            MlpConfig c = MlpConfig.fromHyperParameters(hyperParameters);
            SequentialBlock net = new SequentialBlock();
            for (int i = 0; i < c.hidden().size(); i++) {
                net.add(Linear.builder().setUnits(c.hidden().get(i)).build()).add(Activation::relu);
                // No dropout straight before the logits: the last hidden layer is the bottleneck.
                if (i < c.hidden().size() - 1 && c.dropout() > 0) {
                    net.add(Dropout.builder().optRate(c.dropout()).build());
                }
            }
            return net.add(Linear.builder().setUnits(classes).build());
        }
    };

    private final String cardName;

    Architecture(String cardName) {
        this.cardName = cardName;
    }

    /** The name in model cards, e.g. "mlp". */
    public String cardName() {
        return cardName;
    }

    /**
     * Builds an uninitialised block.
     *
     * @param hyperParameters the architecture's hyper-parameters as a model card stores them
     * @param classes         number of outputs
     * @throws IllegalArgumentException if a hyper-parameter is missing or invalid
     */
    public abstract Block build(Map<String, String> hyperParameters, int classes);

    /**
     * The architecture a model card names.
     *
     * @throws ModelFormatException if no architecture has that name
     */
    public static Architecture forCardName(String name) throws ModelFormatException {
        for (Architecture a : values()) {
            if (a.cardName.equals(name.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new ModelFormatException("the model's architecture '" + name + "' is not one this ser4j can run; known: "
                + Arrays.stream(values()).map(Architecture::cardName).collect(Collectors.joining(", ")));
    }
}
