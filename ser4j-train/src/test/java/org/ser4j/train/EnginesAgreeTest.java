package org.ser4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.core.features.Features;
import org.ser4j.model.Classifier;
import org.ser4j.model.ClassifierProvider;
import org.ser4j.model.Classifiers;
import org.ser4j.model.ModelBundle;
import org.ser4j.model.ModelBundles;
import org.ser4j.model.ModelCard;
import org.ser4j.model.dense.DenseNetworkProvider;

/**
 * ser4j-model's pure-Java engine and DJL answer the same probabilities for the same MLP bundle, and
 * {@link Classifiers#load} sends each bundle to the engine meant for it: MLPs over vectors to java-dense, the
 * rest to DJL.
 */
class EnginesAgreeTest {

    private static final float TOLERANCE = 1e-5f;
    private static final DenseNetworkProvider DENSE = new DenseNetworkProvider();
    private static final DjlClassifierProvider DJL = new DjlClassifierProvider();

    @ParameterizedTest(name = "hidden {0}, dropout {1}")
    @CsvSource({"'16,8', 0.3", "'16,8', 0", "12, 0.3", "'16,8,4', 0.2"})
    void bothEnginesAgreeOnATinyTrainedMlp(String hidden, String dropout) throws Exception {
        LabelledFeatures train = Synthetic.clusters(new int[] {40, 40, 40, 40}, 0.5, 1, 2);
        TrainingOptions o = TrainingOptions.builder().optEpochs(3).optBatchSize(16).optPatience(0).build();
        ModelBundle bundle = new NetworkTrainer(Architecture.MLP, Map.of("hidden", hidden, "dropout", dropout), o)
                .train(Synthetic.LABELS, train, Optional.empty(), Synthetic.description()).bundle();
        float[][] rows = Synthetic.clusters(new int[] {5, 5, 5, 5}, 0.5, 1, 3).features();
        assertAgree(bundle, Arrays.stream(rows)
                .map(r -> new Features(FeatureSet.SEED162, new int[] {r.length}, r, 16000)).toList());
    }

    @Test
    void bothEnginesAgreeOnTheDefaultModel() throws Exception {
        ModelBundle bundle = ModelBundles.readDefault();
        ModelCard card = bundle.card();
        float[] mean = card.normalisation().mean();
        float[] scale = card.normalisation().scale();
        Random r = new Random(5);
        List<Features> clips = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            float[] v = new float[mean.length];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) (mean[j] + scale[j] * r.nextGaussian());
            }
            clips.add(new Features(card.featureSet(), new int[] {v.length}, v, card.sampleRate()));
        }
        assertAgree(bundle, clips);
    }

    @Test
    void theDefaultModelGoesToJavaDenseAndACnnToDjl() throws Exception {
        ModelBundle mlp = ModelBundles.readDefault();
        assertEquals("java-dense", firstSupporting(mlp).name());
        try (Classifier c = Classifiers.load(mlp)) {
            assertFalse(c instanceof BundleClassifier, c.toString());
        }
        LabelledFeatures train = Synthetic.clusters(new int[] {8, 8, 8, 8}, 0.5, 1, 2);
        TrainingOptions o = TrainingOptions.builder().optEpochs(1).optBatchSize(16).optPatience(0).build();
        ModelBundle cnn = new NetworkTrainer(Architecture.CNN1D, Map.of("filters", "4", "dense", "4"), o)
                .train(Synthetic.LABELS, train, Optional.empty(), Synthetic.description()).bundle();
        assertEquals("djl-pytorch", firstSupporting(cnn).name());
        try (Classifier c = Classifiers.load(cnn)) {
            assertTrue(c instanceof BundleClassifier, c.toString());
        }
    }

    @Test
    void anMlpOverFrameSequencesGoesToDjl() throws Exception {
        ModelBundle mlp = ModelBundles.readDefault();
        ModelCard c = mlp.card();
        ModelCard frames = new ModelCard(c.architecture(), c.hyperParameters(), FeatureSet.ZCR_RMS, c.featureConfig(),
                c.sampleRate(), c.labels(), c.normalisation(), c.trainingData(), c.metrics(), c.provenance());
        assertEquals("djl-pytorch", firstSupporting(new ModelBundle(frames, mlp.weightsFormat(), mlp.weights())).name());
    }

    @Test
    void bothEnginesNameTheSameWeightsFormat() {
        // ser4j-model repeats the string because it must not depend on ser4j-train; this keeps them in step.
        assertEquals(NetworkTrainer.WEIGHTS_FORMAT, DenseNetworkProvider.WEIGHTS_FORMAT);
    }

    private static void assertAgree(ModelBundle bundle, List<Features> clips) throws Exception {
        try (Classifier java = DENSE.load(bundle); Classifier djl = DJL.load(bundle)) {
            List<float[]> expected = djl.probabilitiesOfClips(clips);
            for (int i = 0; i < clips.size(); i++) {
                assertArrayEquals(expected.get(i), java.probabilities(clips.get(i)), TOLERANCE, "clip " + i);
            }
        }
    }

    private static ClassifierProvider firstSupporting(ModelBundle bundle) {
        return Classifiers.providers(EnginesAgreeTest.class.getClassLoader()).stream()
                .filter(p -> p.supports(bundle)).findFirst().orElseThrow();
    }
}
