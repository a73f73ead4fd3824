package org.ser4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.core.eval.ConfusionMatrix;
import org.ser4j.model.ModelBundle;
import org.ser4j.model.ModelBundles;
import org.ser4j.model.ModelCard;
import org.ser4j.model.ModelFormatException;

class NetworkTrainerTest {

    private static final TrainingOptions FAST = TrainingOptions.DEFAULTS.withEpochs(5);
    private static LabelledFeatures train;
    private static LabelledFeatures validation;
    private static TrainingResult trained;

    @BeforeAll
    static void trainOnce() {
        train = Synthetic.clusters(new int[] {150, 150, 150, 150}, 0.5, 1, 2);
        validation = Synthetic.clusters(new int[] {50, 50, 50, 50}, 0.5, 1, 3);
        trained = new NetworkTrainer(Architecture.MLP, Map.of(), FAST).train(Synthetic.LABELS, train, Optional.of(validation),
                Synthetic.description());
        trained.epochs().forEach(System.out::println);
    }

    @Test
    void separableClustersReachOverNinetyPercentValidationUaInFiveEpochs() {
        EpochStats best = trained.epochs().get(trained.bestEpoch());
        assertTrue(best.validationUa() > 0.9, "validation UA " + best.validationUa());
        assertEquals(best.validationUa(), trained.bundle().card().metrics().get("validation_ua"));
    }

    @Test
    void theCardDescribesTheTraining() {
        ModelCard card = trained.bundle().card();
        assertEquals("mlp", card.architecture());
        assertEquals("256,256,64", card.hyperParameters().get("hidden"));
        assertEquals(Synthetic.LABELS, card.labels());
        assertEquals(Synthetic.DIMS, card.normalisation().dimensions());
        assertEquals(42, card.provenance().seed());
        assertEquals("2.7.1", card.provenance().details().get("engine_version"));
        assertEquals("0.35.1", card.provenance().details().get("djl_version"));
        assertEquals(NetworkTrainer.WEIGHTS_FORMAT, trained.bundle().weightsFormat());
    }

    @Test
    void theSameSeedGivesBitIdenticalWeights() {
        TrainingOptions o = TrainingOptions.DEFAULTS.withEpochs(2).withSeed(7);
        byte[] a = new NetworkTrainer(Architecture.MLP, Map.of(), o).train(Synthetic.LABELS, train, Optional.empty(),
                Synthetic.description()).bundle().weights();
        byte[] b = new NetworkTrainer(Architecture.MLP, Map.of(), o).train(Synthetic.LABELS, train, Optional.empty(),
                Synthetic.description()).bundle().weights();
        assertArrayEquals(a, b);
    }

    @Test
    void aBundleWrittenAndReadBackGivesIdenticalProbabilities(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.ser4j");
        ModelBundles.write(trained.bundle(), file);
        ModelBundle read = ModelBundles.read(file);
        assertEquals(trained.bundle(), read);
        float[][] x = validation.features();
        try (BundleClassifier original = BundleClassifier.load(trained.bundle());
                BundleClassifier reloaded = BundleClassifier.load(read)) {
            for (int i = 0; i < x.length; i += 17) {
                float[] p = original.probabilities(x[i]);
                assertArrayEquals(p, reloaded.probabilities(x[i]));
                assertEquals(Synthetic.LABELS.size(), p.length);
                double sum = 0;
                for (float v : p) {
                    sum += v;
                }
                assertEquals(1.0, sum, 1e-5);
            }
        }
    }

    @Test
    void theClassifierReproducesTheBestEpochsValidationUa() throws Exception {
        assertEquals(trained.epochs().get(trained.bestEpoch()).validationUa(), ua(trained.bundle(), validation));
    }

    @Test
    void earlyStoppingKeepsTheBestEpochAndStopsAfterThePatience() throws Exception {
        TrainingResult r = new NetworkTrainer(Architecture.MLP, Map.of(), TrainingOptions.DEFAULTS.withEpochs(40).withPatience(2))
                .train(Synthetic.LABELS, train, Optional.of(validation), Synthetic.description());
        double max = r.epochs().stream().mapToDouble(EpochStats::validationUa).max().orElseThrow();
        assertEquals(max, r.epochs().get(r.bestEpoch()).validationUa());
        for (int e = 0; e < r.bestEpoch(); e++) {
            assertTrue(r.epochs().get(e).validationUa() < max, "the earliest best epoch is kept");
        }
        assertTrue(r.epochs().size() < 40, "separable data reaches its best long before 40 epochs");
        assertEquals(r.bestEpoch() + 2 + 1, r.epochs().size());
        assertEquals(max, ua(r.bundle(), validation));
    }

    @Test
    void balancedClassWeightingDoesNotHurtTheMinorityClass() throws Exception {
        // Overlapping clusters, class 0 has a tenth of the samples of the others.
        LabelledFeatures imbalanced = Synthetic.clusters(new int[] {20, 200, 200, 200}, 0.1, 5, 6);
        LabelledFeatures check = Synthetic.clusters(new int[] {200, 200, 200, 200}, 0.1, 5, 7);
        TrainingOptions o = TrainingOptions.DEFAULTS.withEpochs(5).withPatience(0);
        double plain = minorityRecall(new NetworkTrainer(Architecture.MLP, Map.of(), o.withClassWeighting(ClassWeighting.NONE))
                .train(Synthetic.LABELS, imbalanced, Optional.empty(), Synthetic.description()).bundle(), check);
        double balanced = minorityRecall(new NetworkTrainer(Architecture.MLP, Map.of(),
                o.withClassWeighting(ClassWeighting.BALANCED)).train(Synthetic.LABELS, imbalanced, Optional.empty(),
                Synthetic.description()).bundle(), check);
        System.out.println("minority recall: none " + plain + ", balanced " + balanced);
        assertTrue(balanced >= plain, "balanced " + balanced + " < unweighted " + plain);
    }

    @Test
    void anUnknownArchitectureOrWeightsFormatIsAModelFormatException() {
        ModelBundle b = trained.bundle();
        ModelCard c = b.card();
        ModelCard lstm = new ModelCard("transformer", c.hyperParameters(), c.featureSet(), c.featureConfig(), c.sampleRate(),
                c.labels(), c.normalisation(), c.trainingData(), c.metrics(), c.provenance());
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> BundleClassifier.load(new ModelBundle(lstm, b.weightsFormat(), b.weights())));
        assertTrue(e.getMessage().contains("'transformer'") && e.getMessage().contains("mlp, cnn1d"), e.getMessage());
        ModelCard noUnits = new ModelCard("lstm", c.hyperParameters(), c.featureSet(), c.featureConfig(),
                c.sampleRate(), c.labels(), c.normalisation(), c.trainingData(), c.metrics(), c.provenance());
        e = assertThrows(ModelFormatException.class,
                () -> BundleClassifier.load(new ModelBundle(noUnits, b.weightsFormat(), b.weights())));
        assertTrue(e.getMessage().contains("'units'"), e.getMessage());
        e = assertThrows(ModelFormatException.class,
                () -> BundleClassifier.load(new ModelBundle(c, "onnx", b.weights())));
        assertTrue(e.getMessage().contains("'onnx'"), e.getMessage());
    }

    @Test
    void weightsThatDoNotFitTheCardAreAModelFormatException() {
        ModelBundle b = trained.bundle();
        assertThrows(ModelFormatException.class,
                () -> BundleClassifier.load(new ModelBundle(b.card(), b.weightsFormat(), new byte[] {1, 2, 3})));
    }

    @Test
    void aVectorOfTheWrongLengthIsRejected() throws Exception {
        try (BundleClassifier c = BundleClassifier.load(trained.bundle())) {
            assertThrows(IllegalArgumentException.class, () -> c.probabilities(new float[10]));
        }
    }

    @Test
    void threadsSharingAClassifierGetTheSameProbabilitiesAsOneThread() throws Exception {
        float[][] x = validation.features();
        try (BundleClassifier c = BundleClassifier.load(trained.bundle())) {
            float[][] expected = new float[x.length][];
            for (int i = 0; i < x.length; i++) {
                expected[i] = c.probabilities(x[i]);
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<float[]>> answers = new java.util.ArrayList<>();
                for (float[] row : x) {
                    answers.add(pool.submit(() -> c.probabilities(row)));
                }
                for (int i = 0; i < x.length; i++) {
                    assertArrayEquals(expected[i], answers.get(i).get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    private static ConfusionMatrix confusion(ModelBundle bundle, LabelledFeatures set) throws Exception {
        ConfusionMatrix cm = new ConfusionMatrix(Synthetic.LABELS.stream().map(l -> l.label()).toList());
        float[][] x = set.features();
        int[] y = set.labels();
        try (BundleClassifier c = BundleClassifier.load(bundle)) {
            for (int i = 0; i < x.length; i++) {
                cm.accept(y[i], argMax(c.probabilities(x[i])));
            }
        }
        return cm;
    }

    private static double ua(ModelBundle bundle, LabelledFeatures set) throws Exception {
        return confusion(bundle, set).report().ua();
    }

    private static double minorityRecall(ModelBundle bundle, LabelledFeatures set) throws Exception {
        return confusion(bundle, set).report().perClass().get(Synthetic.LABELS.get(0).label()).recall();
    }

    private static int argMax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

}
