package org.ser4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ser4j.model.ModelFormatException;

class ConfigTest {

    @Test
    void defaultsAreFilledInAndOverridesWin() {
        Map<String, String> hp = Architecture.MLP.resolve(Map.of("hidden", "128,32"));
        assertEquals(Map.of("hidden", "128,32", "dropout", "0.3"), hp);
        assertEquals("256,256,128,64", Architecture.CNN1D.resolve(Map.of()).get("filters"));
    }

    @Test
    void unknownOrInvalidHyperParametersAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Architecture.MLP.resolve(Map.of("filters", "8")));
        assertTrue(e.getMessage().contains("dropout, hidden"), e.getMessage());
        InputLayout v = new InputLayout(InputLayout.Kind.VECTOR, 8, 1);
        for (Map<String, String> bad : List.of(Map.of("hidden", ""), Map.of("hidden", "0"), Map.of("dropout", "1"),
                Map.of("hidden", "8,x"))) {
            assertThrows(IllegalArgumentException.class,
                    () -> Architecture.MLP.build(Architecture.MLP.resolve(bad), 4, v), bad.toString());
        }
    }

    @Test
    void invalidTrainingOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.DEFAULTS.withEpochs(0));
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.DEFAULTS.withPatience(-1));
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.builder().optMixupAlpha(-1).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingOptions.builder().optSpecAugment(-1).build());
        assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.builder().optLearningRate(0f).build());
    }

    @Test
    void architecturesAreFoundByTheirCardName() throws Exception {
        assertEquals(Architecture.MLP, Architecture.forCardName("mlp"));
        assertThrows(ModelFormatException.class, () -> Architecture.forCardName("transformer"));
    }

    @Test
    void labelsOutsideTheLabelListAreRejected() {
        LabelledFeatures bad = new LabelledFeatures(new float[][] {{1, 2}, {3, 4}}, new int[] {0, 4});
        assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer(Architecture.MLP, Map.of(), TrainingOptions.DEFAULTS)
                .train(Synthetic.LABELS, bad, java.util.Optional.empty(), Synthetic.description()));
    }

    @Test
    void balancedWeightingNeedsEveryClassInTheTrainingSet() {
        LabelledFeatures missing = new LabelledFeatures(new float[][] {{1, 2}, {3, 4}}, new int[] {0, 1});
        assertThrows(IllegalArgumentException.class, () -> new NetworkTrainer(Architecture.MLP, Map.of(), TrainingOptions.DEFAULTS)
                .train(Synthetic.LABELS, missing, java.util.Optional.empty(), Synthetic.description()));
    }
}
