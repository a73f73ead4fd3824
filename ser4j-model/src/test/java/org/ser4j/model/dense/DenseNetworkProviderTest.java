package org.ser4j.model.dense;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ser4j.core.Emotion;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.core.features.Features;
import org.ser4j.model.Classifier;
import org.ser4j.model.Classifiers;
import org.ser4j.model.ModelBundle;
import org.ser4j.model.ModelBundles;
import org.ser4j.model.ModelCard;
import org.ser4j.model.ModelFormatException;

/**
 * The pure-Java engine runs the bundled default MLP, computes what a hand-worked network gives, and turns every
 * kind of damaged or mismatched weights into a {@link ModelFormatException} that says where and what. Agreement
 * with DJL itself is checked in ser4j-train, which has DJL.
 */
class DenseNetworkProviderTest {

    private static final DenseNetworkProvider PROVIDER = new DenseNetworkProvider();
    private static ModelBundle defaultBundle;

    @BeforeAll
    static void readDefault() throws Exception {
        defaultBundle = ModelBundles.readDefault();
    }

    @Test
    void aHandWorkedNetworkGivesTheSoftmaxOfItsReluLayers() {
        DenseLayer hidden = new DenseLayer(2, 2, new float[] {1, -1, 2, 0}, new float[] {0, 1});
        DenseLayer logits = new DenseLayer(2, 3, new float[] {1, 0, 0, 1, 1, 1}, new float[] {0, 0, -1});
        // hidden: (1 - 2 + 0, 2 + 0 + 1) = (-1, 3) -> relu (0, 3); logits: (0, 3, 0 + 3 - 1) = (0, 3, 2).
        float[] p = new DenseNetwork(List.of(hidden, logits)).probabilities(new float[] {1, 2});
        double z = 1 + Math.exp(3) + Math.exp(2);
        assertArrayEquals(new float[] {(float) (1 / z), (float) (Math.exp(3) / z), (float) (Math.exp(2) / z)}, p,
                1e-7f);
    }

    @Test
    void softmaxOfHugeLogitsDoesNotOverflow() {
        assertArrayEquals(new float[] {0.5f, 0.5f, 0f}, DenseNetwork.softmax(new double[] {1e300, 1e300, 0}));
    }

    @Test
    void theDefaultModelIsTakenAndAnswersOneProbabilityPerLabel() throws Exception {
        assertTrue(PROVIDER.supports(defaultBundle));
        assertEquals("java-dense", Classifiers.providers(getClass().getClassLoader()).get(0).name());
        try (Classifier c = Classifiers.load(defaultBundle)) {
            assertTrue(c instanceof DenseClassifier, c.toString());
            Random r = new Random(1);
            for (int i = 0; i < 10; i++) {
                float[] p = c.probabilities(randomRow(r));
                assertEquals(7, p.length);
                double sum = 0;
                for (float v : p) {
                    assertTrue(v >= 0 && v <= 1, Arrays.toString(p));
                    sum += v;
                }
                assertEquals(1, sum, 1e-5);
            }
        }
    }

    @Test
    void otherArchitecturesFormatsAndFrameSetsAreLeftToOtherEngines() {
        ModelCard c = defaultBundle.card();
        assertFalse(PROVIDER.supports(new ModelBundle(card(c, "cnn1d", c.hyperParameters(), c.labels()),
                defaultBundle.weightsFormat(), defaultBundle.weights())));
        assertFalse(PROVIDER.supports(new ModelBundle(c, "onnx", defaultBundle.weights())));
        ModelCard frames = new ModelCard(c.architecture(), c.hyperParameters(), FeatureSet.ZCR_RMS, c.featureConfig(),
                c.sampleRate(), c.labels(), c.normalisation(), c.trainingData(), c.metrics(), c.provenance());
        assertFalse(PROVIDER.supports(new ModelBundle(frames, defaultBundle.weightsFormat(), defaultBundle.weights())));
    }

    @Test
    void withNoEngineForTheBundleTheMessageNamesTheArchitecture() {
        ModelCard c = defaultBundle.card();
        ModelBundle cnn = new ModelBundle(card(c, "cnn1d", c.hyperParameters(), c.labels()),
                defaultBundle.weightsFormat(), defaultBundle.weights());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Classifiers.load(cnn));
        assertTrue(e.getMessage().contains("'cnn1d'") && e.getMessage().contains("java-dense"), e.getMessage());
    }

    @Test
    void truncatedWeightsSayTheyEndEarly() {
        byte[] w = Arrays.copyOf(defaultBundle.weights(), defaultBundle.weights().length / 2);
        assertMessage(withWeights(w), "the weights end early");
        assertMessage(withWeights(Arrays.copyOf(w, 5)), "the weights end early");
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] w = Arrays.copyOf(defaultBundle.weights(), defaultBundle.weights().length + 1);
        assertMessage(withWeights(w), "expected no more bytes, found 1");
    }

    @Test
    void anotherBlockVersionIsRejected() {
        byte[] w = defaultBundle.weights();
        w[0] = 9;
        assertMessage(withWeights(w), "in the SequentialBlock", "expected version 3, found 9");
    }

    @Test
    void anotherDataTypeIsRejected() {
        byte[] w = defaultBundle.weights();
        int at = indexOf(w, "FLOAT32".getBytes(StandardCharsets.US_ASCII));
        System.arraycopy("FLOAT64".getBytes(StandardCharsets.US_ASCII), 0, w, at, 7);
        assertMessage(withWeights(w), "dense layer 0's weight", "expected data type 'FLOAT32', found 'FLOAT64'");
    }

    @Test
    void hiddenSizesThatDisagreeWithTheWeightsAreNamed() {
        ModelCard c = defaultBundle.card();
        assertMessage(withCard(card(c, "mlp", hp(c, "hidden", "512,128"), c.labels())),
                "dense layer 1", "expected units 128, found 256");
        // A third hidden layer puts a Dropout (version 2) where the stream holds the logits' Linear (version 4).
        assertMessage(withCard(card(c, "mlp", hp(c, "hidden", "512,256,64"), c.labels())),
                "the Dropout after dense layer 1", "expected version 2, found 4");
    }

    @Test
    void aDropoutRateThatDisagreesWithTheBlocksIsCaught() {
        ModelCard c = defaultBundle.card();
        // Without dropout, the Linear is expected where the stream holds the Dropout block (version 2).
        assertMessage(withCard(card(c, "mlp", hp(c, "dropout", "0"), c.labels())),
                "dense layer 1", "expected version 4, found 2");
    }

    @Test
    void aLabelCountThatDisagreesWithTheLogitsIsNamed() {
        ModelCard c = defaultBundle.card();
        assertMessage(withCard(card(c, "mlp", c.hyperParameters(), c.labels().subList(0, 6))),
                "dense layer 2", "expected units 6, found 7");
    }

    @Test
    void aCardWithoutHiddenSizesIsRejected() {
        ModelCard c = defaultBundle.card();
        Map<String, String> hp = new HashMap<>(c.hyperParameters());
        hp.remove("hidden");
        assertMessage(withCard(card(c, "mlp", hp, c.labels())), "'hidden'");
        assertMessage(withCard(card(c, "mlp", hp(c, "hidden", "512,x"), c.labels())), "'512,x'");
    }

    @Test
    void featuresOfAnotherSetOrSizeAndClosedClassifiersAreRefused() throws Exception {
        Classifier c = PROVIDER.load(defaultBundle);
        assertThrows(IllegalArgumentException.class,
                () -> c.probabilities(new Features(FeatureSet.SEED162, new int[] {466}, new float[466], 16000)));
        assertThrows(IllegalArgumentException.class,
                () -> c.probabilities(new Features(FeatureSet.FUNCTIONALS, new int[] {465}, new float[465], 16000)));
        c.close();
        assertThrows(IllegalStateException.class, () -> c.probabilities(randomRow(new Random(2))));
    }

    private static Features randomRow(Random r) {
        float[] mean = defaultBundle.card().normalisation().mean();
        float[] scale = defaultBundle.card().normalisation().scale();
        float[] v = new float[mean.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (mean[i] + scale[i] * r.nextGaussian());
        }
        return new Features(FeatureSet.FUNCTIONALS, new int[] {v.length}, v, 16000);
    }

    private static void assertMessage(ModelBundle bundle, String... parts) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> PROVIDER.load(bundle));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }

    private static ModelBundle withWeights(byte[] weights) {
        return new ModelBundle(defaultBundle.card(), defaultBundle.weightsFormat(), weights);
    }

    private static ModelBundle withCard(ModelCard card) {
        return new ModelBundle(card, defaultBundle.weightsFormat(), defaultBundle.weights());
    }

    private static Map<String, String> hp(ModelCard c, String key, String value) {
        Map<String, String> hp = new HashMap<>(c.hyperParameters());
        hp.put(key, value);
        return hp;
    }

    private static ModelCard card(ModelCard c, String architecture, Map<String, String> hp, List<Emotion> labels) {
        return new ModelCard(architecture, hp, c.featureSet(), c.featureConfig(), c.sampleRate(), labels,
                c.normalisation(), c.trainingData(), c.metrics(), c.provenance());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
