package org.ser4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ser4j data} on a small tree of generated clips named like RAVDESS, EmoDB and a user's folders. */
class DataCliTest {

    @TempDir
    Path dir;

    @BeforeEach
    void makeTree() throws IOException {
        byte[] wav = Files.readAllBytes(Path.of("..", "examples", "speech.wav"));
        for (int actor = 1; actor <= 4; actor++) {
            for (int emotion : new int[] {1, 3, 5}) {
                String name = String.format("03-01-%02d-01-01-01-%02d.wav", emotion, actor);
                write(dir.resolve(String.format("RAVDESS/Actor_%02d", actor)).resolve(name), wav);
            }
        }
        write(dir.resolve("berlin/wav/03a01Wa.wav"), wav);
        write(dir.resolve("berlin/wav/08a01Lb.wav"), wav);
        write(dir.resolve("junk/notes.wav"), "not audio".getBytes());
    }

    private int written;

    /** Writes a copy of the clip made distinct (a loud click at its own place), so no two are duplicates. */
    private void write(Path p, byte[] wav) throws IOException {
        byte[] bytes = wav.clone();
        if (bytes.length > 1000) {
            int at = 44 + 2 * (500 + 40 * written++);
            for (int i = 0; i < 20; i += 2) {
                bytes[at + i] = 0x20;
                bytes[at + i + 1] = 0x4e; // 20000
            }
        }
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }

    @Test
    void scanCountsEachCorpusAndListsWhatItCouldNotLabel() throws IOException {
        CliTest.Run r = CliTest.run("data", "scan", "--json", dir.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode corpora = json.get("corpora");
        assertEquals("EmoDB", corpora.get(0).get("corpus").asText());
        assertEquals(1, corpora.get(0).get("emotions").get("boredom").asInt());
        assertEquals("RAVDESS", corpora.get(1).get("corpus").asText());
        assertEquals(12, corpora.get(1).get("clips").asInt());
        assertEquals(4, corpora.get(1).get("speakers").asInt());
        assertEquals(4, corpora.get(1).get("emotions").get("angry").asInt());
        assertEquals(14, json.get("total").get("clips").asInt());
        JsonNode unrecognised = json.get("unrecognised");
        assertEquals(1, unrecognised.size());
        assertTrue(unrecognised.get(0).get("path").asText().endsWith("notes.wav"));
    }

    @Test
    void scanWritesTheUnifiedManifestAfterFiltersAndMappings() throws IOException {
        Path manifest = dir.resolve("out/manifest.csv");
        Files.createDirectories(manifest.getParent());
        CliTest.Run r = CliTest.run("data", "scan", "--drop", "boredom", "--map", "calm=neutral",
                "--manifest", manifest.toString(), dir.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(manifest);
        assertEquals("path,corpus,speaker,gender,language,emotion,intensity,text_id,duration_s", lines.get(0));
        assertEquals(1 + 13, lines.size());
        assertTrue(lines.stream().noneMatch(l -> l.contains("boredom")));
        assertTrue(r.err().contains("removed 1"), r.err());
    }

    @Test
    void aUsersCsvManifestScansSplitsAndReportsLikeAFolder() throws IOException {
        Path manifest = dir.resolve("mine/labels.csv");
        Files.createDirectories(manifest.getParent());
        byte[] wav = Files.readAllBytes(Path.of("..", "examples", "speech.wav"));
        StringBuilder csv = new StringBuilder("path,emotion,speaker,gender,language\n");
        String[] emotions = {"angry", "happy", "sad", "neutral"};
        for (int spk = 1; spk <= 3; spk++) {
            for (String emotion : emotions) {
                String name = "clips/s" + spk + "-" + emotion + ".wav";
                write(manifest.getParent().resolve(name), wav);
                csv.append(name).append(',').append(emotion).append(",s").append(spk).append(",female,en-GB\n");
            }
        }
        Files.writeString(manifest, csv);
        CliTest.Run scan = CliTest.run("data", "scan", "--json", manifest.toString());
        assertEquals(0, scan.exit(), scan.err());
        JsonNode total = new ObjectMapper().readTree(scan.out()).get("total");
        assertEquals(12, total.get("clips").asInt());
        assertEquals(3, total.get("speakers").asInt());
        CliTest.Run split = CliTest.run("data", "split", "--protocol", "loso", "--out", dir.resolve("p.csv").toString(),
                manifest.toString());
        assertEquals(0, split.exit(), split.err());
        assertTrue(split.out().contains("3 folds"), split.out());
        CliTest.Run report = CliTest.run("data", "report", "--examples", "1", "--out", dir.resolve("r").toString(),
                manifest.toString());
        assertEquals(0, report.exit(), report.err());
    }

    @Test
    void splitWritesASpeakerIndependentPlan() throws IOException {
        Path plan = dir.resolve("plan.csv");
        CliTest.Run r = CliTest.run("data", "split", "--protocol", "speaker-kfold", "--folds", "2",
                "--corpora", "RAVDESS", "--out", plan.toString(), dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("speaker-independent"), r.out());
        List<String> rows = Files.readAllLines(plan);
        assertEquals("path,fold,role", rows.get(0));
        // every clip is tested exactly once over the folds
        assertEquals(12, rows.stream().filter(l -> l.endsWith(",test")).count());
    }

    @Test
    void theRandomSplitSaysItIsSpeakerDependent() {
        CliTest.Run r = CliTest.run("data", "split", "--protocol", "random", "--out", dir.resolve("r.csv").toString(),
                dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("speaker-dependent: for comparison with the brief only"), r.out());
    }

    @Test
    void reportWritesAPageWithChartsAndExamples() throws IOException {
        Path out = dir.resolve("report");
        CliTest.Run r = CliTest.run("data", "report", "--examples", "2", "--out", out.toString(), dir.toString());
        assertEquals(0, r.exit(), r.err());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("RAVDESS") && html.contains("EmoDB"), "counts table");
        assertTrue(Files.exists(out.resolve("charts/emotions.png")));
        try (var examples = Files.list(out.resolve("examples"))) {
            assertEquals(2 * 4, examples.count(), "four pictures per example clip");
        }
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        CliTest.Run r = CliTest.run("data", "scan", "--emotions", "angri", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown emotion 'angri'"), r.err());
        assertFalse(r.err().contains("at org."), r.err());
        CliTest.Run missing = CliTest.run("data", "scan", dir.resolve("nowhere").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("nowhere"), missing.err());
    }
}
