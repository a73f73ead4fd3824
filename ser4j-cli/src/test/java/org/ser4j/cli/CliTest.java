package org.ser4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The ser4j command as a user meets it: output shapes, exit codes, and one-line errors. */
class CliTest {

    private static final Path SPEECH = Path.of("..", "examples", "speech.wav");
    private static final Path SPEECH_MP3 = Path.of("..", "examples", "speech.mp3");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {
        List<JsonNode> lines() throws IOException {
            List<JsonNode> nodes = new java.util.ArrayList<>();
            for (String line : out.strip().split("\n")) {
                nodes.add(JSON.readTree(line));
            }
            return nodes;
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Ser4jCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void featuresPrintsTheSeedVectorAsOneJsonLine() throws IOException {
        Run r = run("features", SPEECH.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode line = r.lines().get(0);
        assertEquals("seed162", line.get("set").asText());
        assertEquals(16000, line.get("sample_rate").asInt());
        assertEquals(162, line.get("shape").get(0).asInt());
        assertEquals(162, line.get("values").size());
        assertEquals(2.18, line.get("duration_s").asDouble(), 0.01);
    }

    @Test
    void framewiseSetsReportTheirShape() throws IOException {
        Run r = run("features", "--set", "mfcc", "--sr", "native", SPEECH.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode line = r.lines().get(0);
        int frames = line.get("shape").get(0).asInt();
        assertEquals(1 + 34829 / 512, frames);
        assertEquals(20, line.get("shape").get(1).asInt());
        assertEquals(frames * 20, line.get("values").size());
    }

    @Test
    void aFileThatFailsPrintsAnErrorLineAndTheOthersContinue(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("notes.wav");
        Files.writeString(text, "these are my notes, not audio\n", StandardCharsets.UTF_8);
        Run r = run("features", text.toString(), SPEECH.toString(), dir.resolve("missing.wav").toString());
        assertEquals(1, r.exit());
        List<JsonNode> lines = r.lines();
        assertEquals(3, lines.size());
        String unsupported = lines.get(0).get("error").asText();
        assertTrue(unsupported.contains("text"), unsupported);
        assertTrue(unsupported.contains("supported: WAV"), unsupported);
        assertTrue(lines.get(1).has("values"));
        assertTrue(lines.get(2).get("error").asText().contains("missing.wav"), lines.get(2).toString());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void infoDescribesEachFileByContent() throws IOException {
        Run r = run("info", "--json", SPEECH.toString(), SPEECH_MP3.toString());
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> lines = r.lines();
        assertEquals("WAV", lines.get(0).get("container").asText());
        assertEquals(16000, lines.get(0).get("sample_rate").asInt());
        assertEquals(1, lines.get(0).get("channels").asInt());
        assertEquals(34829 / 16000.0, lines.get(0).get("duration_s").asDouble(), 1e-6);
        assertEquals("MP3", lines.get(1).get("container").asText());
        assertEquals(34829 / 16000.0, lines.get(1).get("duration_s").asDouble(), 0.01);
    }

    @Test
    void usageErrorsExitWithTwoAndNoStackTrace() {
        Run badSet = run("features", "--set", "nope", SPEECH.toString());
        assertEquals(2, badSet.exit());
        assertTrue(badSet.err().contains("nope"), badSet.err());
        Run badRate = run("features", "--sr", "-5", SPEECH.toString());
        assertEquals(2, badRate.exit());
        assertTrue(badRate.err().contains("sample rate"), badRate.err());
        Run noFile = run("info");
        assertEquals(2, noFile.exit());
        assertFalse((badSet.err() + badRate.err() + noFile.err()).contains("at org."));
    }

    @Test
    void helpIsAvailableEverywhere() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"info", "--help"},
                new String[] {"features", "--help"}, new String[] {"bench", "features", "--help"})) {
            Run r = run(args);
            assertEquals(0, r.exit(), String.join(" ", args));
            assertTrue(r.out().contains("Usage:"), r.out());
        }
    }
}
