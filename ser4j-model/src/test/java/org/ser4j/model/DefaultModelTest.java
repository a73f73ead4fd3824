package org.ser4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ser4j.core.Emotion;
import org.ser4j.core.features.FeatureSet;

/** The bundled default model is in every build, loads without anything else, and says what it was made from. */
class DefaultModelTest {

    @Test
    void theBundledModelIsTheDocumentedSevenClassModel() throws Exception {
        ModelBundle b = ModelBundles.readDefault();
        ModelCard c = b.card();
        assertEquals(List.of(Emotion.NEUTRAL, Emotion.HAPPY, Emotion.SAD, Emotion.ANGRY, Emotion.FEAR, Emotion.DISGUST,
                Emotion.SURPRISE), c.labels());
        assertEquals(FeatureSet.FUNCTIONALS, c.featureSet());
        assertEquals(16000, c.sampleRate());
        assertEquals(List.of("EMOVO", "EmoDB", "RAVDESS", "SAVEE", "TESS"), c.trainingData().corpora().stream()
                .sorted().toList());
        assertTrue(c.provenance().command().contains("--recipe default"), c.provenance().command());
        assertTrue(c.metrics().containsKey("cv_ua_mean"), c.metrics().toString());
        assertTrue(c.provenance().details().getOrDefault("data_licence", "").contains("research"),
                "the bundle says its training data are research corpora");
        assertTrue(b.weights().length < 20 << 20, "at most 20 MB");
    }
}
