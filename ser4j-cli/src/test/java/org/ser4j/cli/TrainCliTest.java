package org.ser4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.model.ModelBundle;
import org.ser4j.model.ModelBundles;

/**
 * {@code train}, {@code eval} and {@code experiment} end to end on generated audio: three "emotions" that are
 * tones of different pitch and loudness, spoken by six "speakers", so that a model can learn them in a few
 * epochs.
 */
class TrainCliTest {

    @TempDir
    static Path dir;

    static Path manifest;
    static Path cache;
    static Path model;
    static JsonNode trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        manifest = dir.resolve("data/labels.csv");
        cache = dir.resolve("cache");
        Files.createDirectories(manifest.getParent().resolve("clips"));
        StringBuilder csv = new StringBuilder("path,emotion,speaker\n");
        String[] emotions = {"angry", "sad", "neutral"};
        double[] pitch = {320, 110, 180};
        double[] level = {0.6, 0.1, 0.3};
        Random r = new Random(1);
        for (int spk = 1; spk <= 6; spk++) {
            for (int e = 0; e < emotions.length; e++) {
                for (int take = 1; take <= 3; take++) {
                    String name = "clips/s" + spk + "-" + emotions[e] + "-" + take + ".wav";
                    Files.write(manifest.getParent().resolve(name),
                            tone(pitch[e] * (0.94 + 0.02 * spk), level[e], r));
                    csv.append(name).append(',').append(emotions[e]).append(",s").append(spk).append('\n');
                }
            }
        }
        Files.writeString(manifest, csv);
        model = dir.resolve("model.ser4j");
        CliTest.Run run = CliTest.run("train", "--arch", "mlp", "--hp", "hidden=32,16", "--epochs", "30", "--batch-size", "8",
                "--manifest", manifest.toString(), "--protocol", "speaker-kfold", "--folds", "2",
                "--augment", "noise:snr=30..40", "--cache", cache.toString(), "--note", "owner=tests", "--out",
                model.toString());
        assertEquals(0, run.exit(), run.err());
        trained = new ObjectMapper().readTree(run.out().strip());
    }

    @Test
    void trainWritesABundleWithCrossValidationFiguresCurvesAndReport() throws Exception {
        assertEquals("mlp", trained.get("architecture").asText());
        assertEquals(54, trained.get("clips").asInt());
        assertEquals(2, trained.get("cv").get("folds").asInt());
        assertTrue(trained.get("cv").get("ua_mean").asDouble() > 0.5, trained.toString());
        ModelBundle bundle = ModelBundles.read(model);
        assertTrue(bundle.card().metrics().containsKey("cv_ua_mean"));
        assertTrue(bundle.card().trainingData().protocol().contains("augmentation=noise"),
                bundle.card().trainingData().protocol());
        assertTrue(bundle.card().provenance().command().startsWith("ser4j train --arch mlp"));
        assertEquals("tests", bundle.card().provenance().details().get("owner"));
        Path report = Path.of(trained.get("report").asText());
        for (String f : List.of("training_curves.png", "training_log.csv", "comparison.md",
                "cross-validation/report.html", "cross-validation/confusion_counts.png")) {
            assertTrue(Files.isRegularFile(report.resolve(f)), f);
        }
    }

    @Test
    void aSecondRunReadsEveryFeatureFromTheCache() {
        CliTest.Run run = CliTest.run("train", "--arch", "mlp", "--hp", "hidden=8", "--epochs", "1",
                "--manifest", manifest.toString(), "--augment", "noise:snr=30..40", "--cache", cache.toString(),
                "--out", dir.resolve("again.ser4j").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("108 from cache"), run.err());
    }

    @Test
    void evalPrintsTheFiguresLineAndWritesTheReport() throws Exception {
        Path out = dir.resolve("eval");
        CliTest.Run run = CliTest.run("eval", "--model", model.toString(), "--manifest", manifest.toString(),
                "--cache", cache.toString(), "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode line = new ObjectMapper().readTree(run.out().strip());
        assertEquals(54, line.get("n").asInt());
        for (String k : List.of("ua", "wa", "macro_f1")) {
            assertTrue(line.get(k).isNumber(), k);
        }
        assertEquals(List.of("neutral", "sad", "angry"), iterate(line.get("per_class").fieldNames()));
        assertTrue(line.get("per_class").get("angry").has("support"));
        for (String f : List.of("classification_report.txt", "confusion_counts.png", "confusion_normalised.png",
                "predictions.csv", "report.html")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
    }

    @Test
    void evalRestrictsTheDecisionToTheGivenClasses() throws Exception {
        CliTest.Run run = CliTest.run("eval", "--model", model.toString(), "--manifest", manifest.toString(),
                "--cache", cache.toString(), "--classes", "angry,sad", "--out", dir.resolve("eval2").toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode line = new ObjectMapper().readTree(run.out().strip());
        assertEquals(36, line.get("n").asInt());
        assertEquals(List.of("sad", "angry"), iterate(line.get("per_class").fieldNames()));
        assertTrue(run.err().contains("18 clips have an emotion outside"), run.err());
    }

    @Test
    void experimentWritesAComparisonTable() throws Exception {
        Path config = dir.resolve("exp.json");
        Files.writeString(config, """
                {"data": ["data/labels.csv"], "cache": "cache",
                 "datasets": [{"name": "tones", "protocol": "speaker-kfold", "folds": 2}],
                 "runs": [{"name": "small", "arch": "mlp", "hp": {"hidden": "16"}, "epochs": 5},
                          {"name": "tiny", "arch": "mlp", "hp": {"hidden": "4"}, "epochs": 5}]}
                """);
        Path out = dir.resolve("exp");
        CliTest.Run run = CliTest.run("experiment", config.toString(), "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> csv = Files.readAllLines(out.resolve("comparison.csv"));
        assertEquals(3, csv.size(), csv.toString());
        assertTrue(run.out().contains("| tones | speaker-kfold | small |"), run.out());
        assertEquals(5, Files.readAllLines(out.resolve("folds.csv")).size());
    }

    @Test
    void userErrorsAreOneLineAndANonZeroExit() throws IOException {
        CliTest.Run noArch = CliTest.run("train", "--manifest", manifest.toString(), "--out", "x.ser4j");
        assertEquals(2, noArch.exit());
        assertTrue(noArch.err().contains("--arch"), noArch.err());
        CliTest.Run badArch = CliTest.run("train", "--arch", "transformer", "--manifest", manifest.toString(),
                "--out", "x.ser4j");
        assertEquals(2, badArch.exit());
        assertTrue(badArch.err().contains("mlp, cnn1d"), badArch.err());
        CliTest.Run badHp = CliTest.run("train", "--arch", "mlp", "--hp", "filters=3", "--manifest",
                manifest.toString(), "--out", dir.resolve("x.ser4j").toString(), "--cache", cache.toString());
        assertEquals(1, badHp.exit());
        assertTrue(badHp.err().contains("'filters' is not a hyper-parameter of mlp"), badHp.err());
        CliTest.Run badAug = CliTest.run("train", "--arch", "mlp", "--augment", "reverb", "--manifest",
                manifest.toString(), "--out", "x.ser4j");
        assertEquals(2, badAug.exit(), badAug.err());
        CliTest.Run missing = CliTest.run("eval", "--model", dir.resolve("none.ser4j").toString(), "--manifest",
                manifest.toString(), "--out", dir.resolve("e").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Path notModel = dir.resolve("notes.txt");
        Files.writeString(notModel, "hello");
        CliTest.Run foreign = CliTest.run("eval", "--model", notModel.toString(), "--manifest", manifest.toString(),
                "--out", dir.resolve("e").toString());
        assertEquals(1, foreign.exit());
        assertTrue(foreign.err().contains("not a ser4j model"), foreign.err());
        CliTest.Run badClass = CliTest.run("eval", "--model", model.toString(), "--manifest", manifest.toString(),
                "--classes", "angry,joy", "--out", dir.resolve("e").toString());
        assertEquals(2, badClass.exit());
        Path badConfig = dir.resolve("bad.json");
        Files.writeString(badConfig, "{\"data\": [], \"datasets\": [], \"runs\": [{\"name\": \"a\", \"arch\": \"mlp\", "
                + "\"colour\": \"red\"}]}");
        CliTest.Run badExperiment = CliTest.run("experiment", badConfig.toString(), "--out", dir.resolve("x").toString());
        assertEquals(1, badExperiment.exit());
        assertTrue(badExperiment.err().contains("unknown field 'colour' at runs[0].colour"), badExperiment.err());
        for (CliTest.Run r : List.of(noArch, badArch, badHp, badAug, missing, foreign, badClass, badExperiment)) {
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    private static List<String> iterate(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** Half a second of a tone with two harmonics and a little noise, 16-bit mono WAV at 16 kHz. */
    private static byte[] tone(double hz, double level, Random r) {
        int sr = 16000;
        int n = sr / 2;
        ByteBuffer pcm = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            double t = (double) i / sr;
            double v = level * (0.7 * Math.sin(2 * Math.PI * hz * t) + 0.3 * Math.sin(4 * Math.PI * hz * t))
                    + 0.01 * r.nextGaussian();
            pcm.putShort((short) Math.round(32767 * Math.max(-1, Math.min(1, v))));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt(36 + 2 * n).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(sr).putInt(2 * sr).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes()).putInt(2 * n);
        out.writeBytes(h.array());
        out.writeBytes(pcm.array());
        return out.toByteArray();
    }
}
