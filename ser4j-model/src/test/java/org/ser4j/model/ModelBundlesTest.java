package org.ser4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.core.Emotion;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.core.features.FeatureSet;

/** A model bundle carries everything a model needs, exactly, and refuses what is not one with a clear message. */
class ModelBundlesTest {

    static ModelBundle bundle(FeatureConfig config) {
        float[] mean = new float[162];
        float[] scale = new float[162];
        for (int i = 0; i < 162; i++) {
            mean[i] = (float) Math.sin(i) * 0.1f + 1e-7f * i;
            scale[i] = 0.5f + i / 1000f;
        }
        ModelCard card = new ModelCard("mlp", Map.of("hidden", "256,256,64", "dropout", "0.3"), FeatureSet.SEED162,
                config, 16000, List.of(Emotion.NEUTRAL, Emotion.HAPPY, Emotion.SAD, Emotion.ANGRY),
                new Normalisation(mean, scale),
                new TrainingData(List.of("RAVDESS", "EmoDB"), 1800, 34,
                        Map.of(Emotion.NEUTRAL, 500, Emotion.HAPPY, 400, Emotion.SAD, 450, Emotion.ANGRY, 450),
                        "speaker-kfold seed=42 folds=5"),
                Map.of("ua", 0.6123456789, "wa", 0.64), new Provenance("0.1.0", Instant.parse("2026-11-21T23:00:00Z"),
                        42, "ser4j train --arch mlp", Map.of("engine", "PyTorch 2.7.1")));
        byte[] weights = new byte[5000];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (byte) (i * 31);
        }
        return new ModelBundle(card, "djl-pytorch-parameters", weights);
    }

    static byte[] bytes(ModelBundle b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelBundles.write(b, out);
        return out.toByteArray();
    }

    static ModelBundle read(byte[] file) throws Exception {
        return ModelBundles.read(new ByteArrayInputStream(file), "model.ser4j");
    }

    @Test
    void aWrittenBundleReadsBackExactly(@TempDir Path dir) throws Exception {
        ModelBundle original = bundle(FeatureConfig.defaults());
        Path file = dir.resolve("model.ser4j");
        ModelBundles.write(original, file);
        ModelBundle back = ModelBundles.read(file);
        assertEquals(original, back);
        assertArrayEquals(original.card().normalisation().mean(), back.card().normalisation().mean());
        assertEquals(0.6123456789, back.card().metrics().get("ua"));
    }

    @Test
    void nonDefaultFeatureParametersSurviveTheRoundTrip() throws Exception {
        FeatureConfig custom = FeatureConfig.builder().optNMels(64).optFMax(7600).optNoTopDb().optNMfcc(13)
                .optImageFrames(96).build();
        assertEquals(custom, read(bytes(bundle(custom))).card().featureConfig());
    }

    @Test
    void theCardIsReadableJson() throws Exception {
        String text = new String(bytes(bundle(FeatureConfig.defaults())), StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(ModelBundles.CARD_ENTRY));
    }

    @Test
    void somethingElseIsNotTakenForAModel() throws Exception {
        ModelFormatException png = assertThrows(ModelFormatException.class,
                () -> read(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10}));
        assertEquals("not a ser4j model: model.ser4j is not a ZIP archive (it starts with bytes 89 50 4E 47)",
                png.getMessage());
        ModelFormatException empty = assertThrows(ModelFormatException.class, () -> read(new byte[0]));
        assertTrue(empty.getMessage().endsWith("(it is empty)"), empty.getMessage());
        ModelFormatException jar = assertThrows(ModelFormatException.class, () -> read(zip("META-INF/MANIFEST.MF",
                "Manifest-Version: 1.0\n")));
        assertTrue(jar.getMessage().contains("without ser4j-model.json"), jar.getMessage());
        ModelFormatException foreign = assertThrows(ModelFormatException.class,
                () -> read(zip(ModelBundles.CARD_ENTRY, "{\"format\":\"keras\"}")));
        assertTrue(foreign.getMessage().contains("whose format is 'keras'"), foreign.getMessage());
    }

    @Test
    void aNewerFormatAsksForANewerSer4j() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> read(zip(ModelBundles.CARD_ENTRY, "{\"format\":\"ser4j-model\",\"format_version\":7}")));
        assertTrue(e.getMessage().contains("written by a newer ser4j (model format 7)"), e.getMessage());
    }

    @Test
    void damageIsDetected() throws Exception {
        byte[] good = bytes(bundle(FeatureConfig.defaults()));
        ModelFormatException cut = assertThrows(ModelFormatException.class,
                () -> read(Arrays.copyOf(good, good.length / 2)));
        assertTrue(cut.getMessage().contains("damaged"), cut.getMessage());
        // a card whose checksum no longer matches the weights
        String card = new String(cardOf(good), StandardCharsets.UTF_8).replaceFirst("\"sha256\" : \"[0-9a-f]{4}",
                "\"sha256\" : \"0000");
        byte[] tampered = zip2(ModelBundles.CARD_ENTRY, card, ModelBundles.WEIGHTS_ENTRY,
                bundle(FeatureConfig.defaults()).weights());
        ModelFormatException sum = assertThrows(ModelFormatException.class, () -> read(tampered));
        assertTrue(sum.getMessage().contains("do not match the checksum"), sum.getMessage());
        ModelFormatException garbled = assertThrows(ModelFormatException.class,
                () -> read(zip(ModelBundles.CARD_ENTRY, "{\"format\":\"ser4j-model\",")));
        assertTrue(garbled.getMessage().contains("damaged card"), garbled.getMessage());
    }

    @Test
    void aDirectoryIsNotAModel(@TempDir Path dir) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelBundles.read(dir));
        assertTrue(e.getMessage().endsWith("is a directory, not a ser4j model file"), e.getMessage());
    }

    @Test
    void normalisationStandardisesEachDimension() {
        Normalisation n = new Normalisation(new float[] {1, 10}, new float[] {2, 5});
        assertArrayEquals(new float[] {0, 0, 1, 2}, n.apply(new float[] {1, 10, 3, 20}));
        assertThrows(IllegalArgumentException.class, () -> n.apply(new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new Normalisation(new float[] {0}, new float[] {0}));
        assertArrayEquals(new float[] {4, 5}, Normalisation.identity(2).apply(new float[] {4, 5}));
    }

    @Test
    void aCardNeedsDistinctLabels() {
        ModelCard c = bundle(FeatureConfig.defaults()).card();
        assertThrows(IllegalArgumentException.class, () -> new ModelCard(c.architecture(), c.hyperParameters(),
                c.featureSet(), c.featureConfig(), c.sampleRate(), List.of(Emotion.SAD, Emotion.SAD),
                c.normalisation(), c.trainingData(), c.metrics(), c.provenance()));
    }

    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] zip2(String name1, String content1, String name2, byte[] content2) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name1));
            z.write(content1.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry(name2));
            z.write(content2);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] cardOf(byte[] bundle) throws IOException {
        try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(new ByteArrayInputStream(bundle))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                if (e.getName().equals(ModelBundles.CARD_ENTRY)) {
                    return z.readAllBytes();
                }
            }
        }
        throw new IOException("no card");
    }

    @Test
    void writingReplacesAFileOnlyWhenComplete(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.ser4j");
        Files.writeString(file, "old");
        ModelBundles.write(bundle(FeatureConfig.defaults()), file);
        assertEquals(bundle(FeatureConfig.defaults()), ModelBundles.read(file));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }
}
