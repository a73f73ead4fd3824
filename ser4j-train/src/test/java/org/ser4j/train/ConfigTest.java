package org.ser4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ser4j.model.ModelFormatException;

class ConfigTest {

    @Test
    void mlpHyperParametersSurviveTheCardsStringMap() {
        MlpConfig c = new MlpConfig(List.of(128, 32), 0.25f);
        assertEquals(Map.of("hidden", "128,32", "dropout", "0.25"), c.toHyperParameters());
        assertEquals(c, MlpConfig.fromHyperParameters(c.toHyperParameters()));
        assertEquals(MlpConfig.DEFAULT, MlpConfig.fromHyperParameters(MlpConfig.DEFAULT.toHyperParameters()));
    }

    @Test
    void invalidMlpHyperParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MlpConfig(List.of(), 0.1f));
        assertThrows(IllegalArgumentException.class, () -> new MlpConfig(List.of(0), 0.1f));
        assertThrows(IllegalArgumentException.class, () -> new MlpConfig(List.of(8), 1f));
        assertThrows(IllegalArgumentException.class, () -> MlpConfig.fromHyperParameters(Map.of("hidden", "8")));
        assertThrows(IllegalArgumentException.class,
                () -> MlpConfig.fromHyperParameters(Map.of("hidden", "8,x", "dropout", "0.1")));
    }

    @Test
    void invalidTrainingOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.DEFAULTS.withEpochs(0));
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.DEFAULTS.withPatience(-1));
        assertThrows(IllegalArgumentException.class,
                () -> new TrainingOptions(1, 1, 0f, 1, ClassWeighting.NONE, 0));
    }

    @Test
    void architecturesAreFoundByTheirCardName() throws Exception {
        assertEquals(Architecture.MLP, Architecture.forCardName("mlp"));
        assertThrows(ModelFormatException.class, () -> Architecture.forCardName("transformer"));
    }

    @Test
    void labelsOutsideTheLabelListAreRejected() {
        LabelledFeatures bad = new LabelledFeatures(new float[][] {{1, 2}, {3, 4}}, new int[] {0, 4});
        assertThrows(IllegalArgumentException.class, () -> new MlpTrainer(MlpConfig.DEFAULT, TrainingOptions.DEFAULTS)
                .train(Synthetic.LABELS, bad, java.util.Optional.empty(), Synthetic.description()));
    }

    @Test
    void balancedWeightingNeedsEveryClassInTheTrainingSet() {
        LabelledFeatures missing = new LabelledFeatures(new float[][] {{1, 2}, {3, 4}}, new int[] {0, 1});
        assertThrows(IllegalArgumentException.class, () -> new MlpTrainer(MlpConfig.DEFAULT, TrainingOptions.DEFAULTS)
                .train(Synthetic.LABELS, missing, java.util.Optional.empty(), Synthetic.description()));
    }
}
