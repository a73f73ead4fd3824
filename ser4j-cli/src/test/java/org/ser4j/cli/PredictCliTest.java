package org.ser4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.audio.PcmAudio;

/** {@code ser4j predict}, {@code listen} and {@code vad} as a user meets them, on the bundled default model. */
class PredictCliTest {

    static final Path SPEECH = Path.of("..", "examples", "speech.wav");
    static final Path SPEECH_MP3 = Path.of("..", "examples", "speech.mp3");
    static final Set<String> LABELS = Set.of("neutral", "happy", "sad", "angry", "fear", "disgust", "surprise");

    @TempDir
    static Path dir;
    /** 24 s: the sentence at 1 s, 9 s and 17 s between silences. */
    static Path longRecording;

    @BeforeAll
    static void makeLongRecording() throws Exception {
        PcmAudio speech = AudioDecoder.builder().optTargetSampleRate(16_000).build().decode(SPEECH);
        float[] x = new float[16_000 * 24];
        for (int s : new int[] {1, 9, 17}) {
            System.arraycopy(speech.samples(), 0, x, s * 16_000, speech.length());
        }
        longRecording = writeWav(dir.resolve("long.wav"), x, 16_000);
    }

    static Path writeWav(Path file, float[] x, int rate) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(2 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : x) {
            bytes.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32767));
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, x.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    @Test
    void aClipGetsOneJsonLineWithTheIssuesFields() throws IOException {
        CliTest.Run r = CliTest.run("predict", SPEECH.toString());
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> lines = r.lines();
        assertEquals(1, lines.size());
        JsonNode line = lines.get(0);
        assertEquals(List.of("file", "emotion", "confidence", "probabilities", "duration_s"), fields(line));
        assertEquals(SPEECH.toString(), line.get("file").asText());
        assertTrue(LABELS.contains(line.get("emotion").asText()), line.toString());
        assertEquals(LABELS, Set.copyOf(fields(line.get("probabilities"))));
        assertEquals(line.get("confidence").asDouble(),
                line.get("probabilities").get(line.get("emotion").asText()).asDouble(), 1e-9);
        assertEquals(2.177, line.get("duration_s").asDouble(), 1e-3);
    }

    @Test
    void aLongRecordingHasSegmentsAndASummary() throws IOException {
        CliTest.Run r = CliTest.run("predict", longRecording.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode line = r.lines().get(0);
        assertEquals(24.0, line.get("duration_s").asDouble(), 1e-3);
        JsonNode segments = line.get("segments");
        assertEquals(3, segments.size(), line.toString());
        for (int i = 0; i < 3; i++) {
            JsonNode s = segments.get(i);
            assertEquals(List.of("start_s", "end_s", "emotion", "confidence", "probabilities"), fields(s));
            assertEquals(1 + 8 * i, s.get("start_s").asDouble(), 0.3);
        }
        assertTrue(LABELS.contains(line.get("summary").get("dominant").asText()));
    }

    @Test
    void streamPrintsSegmentsBeforeTheFilesLine() throws IOException {
        CliTest.Run r = CliTest.run("predict", "--stream", longRecording.toString());
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> lines = r.lines();
        assertEquals(4, lines.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of("file", "segment"), fields(lines.get(i)));
        }
        assertEquals(lines.get(3).get("segments").get(0), lines.get(0).get("segment"));
    }

    @Test
    void failuresPrintErrorLinesTheOthersGoOnAndTheExitCodeSaysSo() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.wav"), "not audio at all\n", StandardCharsets.UTF_8);
        Path silence = writeWav(dir.resolve("silence.wav"), new float[16_000 * 2], 16_000);
        CliTest.Run r = CliTest.run("predict", text.toString(), SPEECH.toString(), silence.toString(),
                dir.resolve("missing.wav").toString(), SPEECH_MP3.toString());
        assertEquals(1, r.exit());
        List<JsonNode> lines = r.lines();
        assertEquals(5, lines.size());
        assertEquals(List.of("file", "error"), fields(lines.get(0)));
        assertTrue(lines.get(0).get("error").asText().contains("supported"), lines.get(0).toString());
        assertTrue(lines.get(1).has("emotion"));
        assertEquals("no speech found in 2.00 s of audio", lines.get(2).get("error").asText());
        assertTrue(lines.get(3).get("error").asText().startsWith("no such file"), lines.get(3).toString());
        assertTrue(lines.get(4).has("emotion"));
        assertEquals("", r.err(), "per-file errors go to the JSON lines only");
    }

    @Test
    void csvAndTableFormats() throws IOException {
        CliTest.Run csv = CliTest.run("predict", "--format", "csv", SPEECH.toString(), longRecording.toString());
        assertEquals(0, csv.exit(), csv.err());
        String[] rows = csv.out().strip().split("\n");
        assertTrue(rows[0].startsWith("file,start_s,end_s,duration_s,emotion,confidence,p_"), rows[0]);
        assertTrue(rows[0].endsWith(",error"), rows[0]);
        assertEquals(1 + 1 + 1 + 3, rows.length, csv.out());
        CliTest.Run table = CliTest.run("predict", "--format", "table", longRecording.toString());
        assertEquals(0, table.exit(), table.err());
        assertEquals(4, table.out().strip().split("\n").length, table.out());
        assertTrue(table.out().contains("0:24.0"), table.out());
    }

    @Test
    void directoriesAreWalkedInOrderAndThreadsKeepIt() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.copy(SPEECH, folder.resolve("a.wav"));
        Files.copy(SPEECH_MP3, folder.resolve("b.mp3"));
        Files.copy(longRecording, folder.resolve("c.wav"));
        CliTest.Run one = CliTest.run("predict", folder.toString());
        CliTest.Run two = CliTest.run("predict", "--threads", "2", folder.toString());
        assertEquals(0, one.exit(), one.err());
        assertEquals(3, one.lines().size());
        assertTrue(one.lines().get(0).get("file").asText().endsWith("a.wav"));
        assertEquals(one.out(), two.out());
    }

    @Test
    void dashReadsStandardInput() throws IOException {
        InputStream saved = System.in;
        try (InputStream in = Files.newInputStream(SPEECH_MP3)) {
            System.setIn(in);
            CliTest.Run r = CliTest.run("predict", "-");
            assertEquals(0, r.exit(), r.err());
            assertEquals("-", r.lines().get(0).get("file").asText());
            CliTest.Run file = CliTest.run("predict", SPEECH_MP3.toString());
            assertEquals(file.lines().get(0).get("probabilities"), r.lines().get(0).get("probabilities"));
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void belowTheMinimumConfidenceTheLabelIsUncertain() throws IOException {
        CliTest.Run r = CliTest.run("predict", "--min-confidence", "1", SPEECH.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("uncertain", r.lines().get(0).get("emotion").asText());
        assertEquals(7, r.lines().get(0).get("probabilities").size());
    }

    @Test
    void userErrorsAreOneLineAndANonZeroExit() {
        assertOneLineError(CliTest.run("predict", "--format", "xml", SPEECH.toString()), 2, "xml");
        assertOneLineError(CliTest.run("predict", "--min-confidence", "2", SPEECH.toString()), 1,
                "minimum confidence must lie in [0, 1], was 2.0");
        assertOneLineError(CliTest.run("predict", "--window", "0.1", SPEECH.toString()), 1, "window");
        assertOneLineError(CliTest.run("predict", "--model", "nope.ser4j", SPEECH.toString()), 1, "nope.ser4j");
        assertOneLineError(CliTest.run("predict", "--vad", "silero", "--vad-model", dir.resolve("none.onnx")
                .toString(), SPEECH.toString()), 1, "none.onnx");
        assertOneLineError(CliTest.run("predict", "--stream", "--format", "csv", SPEECH.toString()), 1, "--stream");
        assertOneLineError(CliTest.run("predict"), 2, "PATH");
    }

    @Test
    void listenReplaysARecordingThroughTheLivePath() throws IOException {
        CliTest.Run r = CliTest.run("listen", "--input", longRecording.toString(), "--window", "3", "--format",
                "json");
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> lines = r.lines();
        assertEquals(8, lines.size());
        // Speech at 1-3.2 s, 9-11.2 s and 17-19.2 s.
        assertTrue(lines.get(0).get("speech").asBoolean(), r.out());
        assertEquals("silence", lines.get(2).get("emotion").asText(), "6-9 s");
        assertEquals("silence", lines.get(7).get("emotion").asText(), "21-24 s");
        assertEquals(21.0, lines.get(7).get("start_s").asDouble(), 1e-9);
        long speech = lines.stream().filter(l -> l.get("speech").asBoolean()).count();
        assertTrue(speech >= 3, r.out());
        lines.stream().filter(l -> l.get("speech").asBoolean())
                .forEach(l -> assertTrue(LABELS.contains(l.get("emotion").asText()), l.toString()));
        CliTest.Run text = CliTest.run("listen", "--input", longRecording.toString(), "--hop", "1.5",
                "--duration", "9");
        assertEquals(0, text.exit(), text.err());
        assertEquals(5, text.out().strip().split("\n").length, text.out());
    }

    @Test
    void listenWithoutAMicrophoneSaysSo() {
        CliTest.Run devices = CliTest.run("listen", "--list-devices");
        assertEquals(0, devices.exit(), devices.err());
        CliTest.Run r = CliTest.run("listen", "--duration", "0.5");
        // A machine with a microphone records half a second; one without says what is missing.
        assertTrue(r.exit() == 0 || r.exit() == 1 && r.err().contains("microphone"), r.err());
        assertOneLineError(CliTest.run("listen", "--device", "no-such-device-xyz", "--duration", "0.5"), 1,
                "no-such-device-xyz");
        assertOneLineError(CliTest.run("listen", "--input", dir.resolve("missing.wav").toString()), 1,
                "no such file");
    }

    private static void assertOneLineError(CliTest.Run r, int exit, String fragment) {
        assertEquals(exit, r.exit(), r.err());
        String first = r.err().strip().split("\n")[0];
        assertTrue(first.startsWith("ser4j: "), r.err());
        assertTrue(r.err().contains(fragment), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
