package org.ser4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.core.features.Features;
import org.ser4j.model.ModelBundle;
import org.ser4j.model.TrainingData;

/**
 * Every architecture trains on every input layout it supports, learns an easy problem, and answers the same
 * probabilities after the bundle is rebuilt by {@link BundleClassifier}. Sizes are shrunk so this runs in
 * seconds; the default sizes are exercised by the corpus profile and the results runs.
 */
class ArchitecturesTest {

    /** A small analysis grid: 12 mel bands, 2 MFCCs, 16 frames. */
    private static final FeatureConfig SMALL = FeatureConfig.builder().optNMels(12).optNMfcc(2).optImageFrames(16)
            .build();

    static List<Arguments> cases() {
        Map<String, String> conv = Map.of("filters", "8,8", "dense", "8");
        return List.of(
                Arguments.of(Architecture.MLP, FeatureSet.SEED162, Map.of("hidden", "16,8")),
                Arguments.of(Architecture.CNN1D, FeatureSet.SEED162, conv),
                Arguments.of(Architecture.CNN1D, FeatureSet.ZCR_RMS, Map.of("filters", "8,8,4", "pool", "6",
                        "dense", "8", "dropout", "0.4")),
                Arguments.of(Architecture.CNN1D, FeatureSet.LOGMEL_IMAGE, conv),
                Arguments.of(Architecture.LSTM_NET, FeatureSet.SEED162, Map.of("units", "8", "dense", "8")),
                Arguments.of(Architecture.LSTM_NET, FeatureSet.MFCC, Map.of("units", "8", "dense", "8")),
                Arguments.of(Architecture.CNN_LSTM, FeatureSet.SEED162, Map.of("filters", "8", "units", "8",
                        "dense", "8")),
                Arguments.of(Architecture.CNN_LSTM, FeatureSet.LOGMEL, Map.of("filters", "8", "units", "8",
                        "dense", "8")),
                Arguments.of(Architecture.CNN2D, FeatureSet.LOGMEL_IMAGE, Map.of("filters", "4,8", "kernel", "3",
                        "dense", "8")),
                Arguments.of(Architecture.CNN2D, FeatureSet.LOGMEL, Map.of("filters", "4", "kernel", "3",
                        "dense", "8")));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void trainsLearnsAndRoundTrips(Architecture arch, FeatureSet set, Map<String, String> hp) throws Exception {
        int d = InputLayout.of(set, SMALL, 162).size();
        LabelledFeatures train = separable(d, 40, 1);
        LabelledFeatures test = separable(d, 10, 2);
        ModelDescription description = new ModelDescription(set, SMALL, 16000,
                new TrainingData(List.of("synthetic"), 0, 0, Map.of(), "separable"), "test");
        TrainingOptions o = TrainingOptions.builder().optEpochs(12).optBatchSize(16).optLearningRate(3e-3f)
                .optPatience(0).optMixupAlpha(0.2f).optSpecAugment(1).build();
        TrainingResult r = new NetworkTrainer(arch, hp, o).train(Synthetic.LABELS, train, Optional.of(test),
                description);
        ModelBundle bundle = r.bundle();
        assertEquals(arch.cardName(), bundle.card().architecture());
        assertTrue(r.epochs().get(r.bestEpoch()).validationUa() > 0.5,
                "an easy problem should be learnt: " + r.epochs());
        try (BundleClassifier a = BundleClassifier.load(bundle); BundleClassifier b = BundleClassifier.load(bundle)) {
            float[] row = test.features()[0];
            float[] p = a.probabilities(row);
            assertEquals(Synthetic.LABELS.size(), p.length);
            assertArrayEquals(p, b.probabilities(row), 1e-6f);
            assertArrayEquals(p, a.probabilities(List.of(row, row)).get(1), 1e-5f);
        }
    }

    @Test
    void sequencesAreCentredCroppedOrPaddedWithTheirFloor() {
        InputLayout l = new InputLayout(InputLayout.Kind.SEQUENCE, 4, 2);
        Features longer = new Features(FeatureSet.ZCR_RMS, new int[] {6, 2},
                new float[] {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5}, 16000);
        assertArrayEquals(new float[] {1, 1, 2, 2, 3, 3, 4, 4}, l.toRow(longer));
        Features shorter = new Features(FeatureSet.ZCR_RMS, new int[] {2, 2}, new float[] {5, -1, 7, 3}, 16000);
        assertArrayEquals(new float[] {5, -1, 5, -1, 7, 3, 5, -1}, l.toRow(shorter));
    }

    /** Four classes, each lifting its own quarter of the row by 2 over unit noise. */
    private static LabelledFeatures separable(int d, int perClass, long seed) {
        Random r = new Random(seed);
        int k = Synthetic.LABELS.size();
        float[][] x = new float[perClass * k][d];
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % k;
            for (int j = 0; j < d; j++) {
                x[i][j] = (float) r.nextGaussian() + (j * k / d == y[i] ? 2f : 0f);
            }
        }
        return new LabelledFeatures(x, y);
    }
}
