package org.ser4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.recognizer.EmotionRecognizer;
import org.ser4j.recognizer.Recognition;

/** {@code ser4j bench predict}: the JSON line's shape, the synthetic audio it times, and its clean-up. No timings. */
class BenchPredictCliTest {

    private static final int RATE = 16000;

    @Test
    void printsEveryFigureOfTheIssueAsAPositiveNumberAndLeavesNoTempFiles() throws IOException {
        Set<Path> before = benchTempFiles();
        CliTest.Run r = CliTest.run("bench", "predict", "--clips", "5", "--warmup", "2", "--long-seconds", "20");
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> lines = r.lines();
        assertEquals(1, lines.size(), r.out());
        JsonNode o = lines.get(0);
        for (String key : List.of("p50_ms", "p99_ms", "clips_per_s_1t", "clips_per_s_2t", "cold_start_s",
                "long_wall_s", "long_audio_s", "long_segments")) {
            assertTrue(o.get(key).isNumber() && o.get(key).asDouble() > 0, key + " in " + o);
        }
        boolean linux = Files.isReadable(Path.of("/proc/self/status"));
        for (String key : List.of("peak_rss_mb", "long_peak_rss_mb")) {
            assertTrue(linux ? o.get(key).asDouble() > 0 : o.get(key).isNull(), key + " in " + o);
        }
        assertTrue(o.get("p99_ms").asDouble() >= o.get("p50_ms").asDouble(), o.toString());
        assertEquals(5, o.get("clips").asInt());
        assertEquals(3.0, o.get("clip_s").asDouble(), 1e-9);
        assertEquals(20.0, o.get("long_audio_s").asDouble(), 1e-9);
        assertEquals("synthetic", o.get("source").asText());
        assertEquals(0, o.get("no_speech").asInt(), "every synthetic clip holds speech");
        assertTrue(r.err().contains("latency, 1 thread"), r.err());
        assertEquals(before, benchTempFiles(), "temp WAVs and child outputs are deleted");
    }

    @Test
    void dataTimesTheFirstFilesOfAFolderAndSkippedPartsAreNull() throws IOException {
        CliTest.Run r = CliTest.run("bench", "predict", "--data", Path.of("..", "examples").toString(),
                "--clips", "1", "--warmup", "1", "--long-seconds", "0", "--no-cold-start");
        assertEquals(0, r.exit(), r.err());
        JsonNode o = r.lines().get(0);
        assertEquals(1, o.get("clips").asInt());
        assertEquals(2.18, o.get("clip_s").asDouble(), 0.1, "examples/speech.mp3, first in sorted order");
        assertTrue(o.get("cold_start_s").isNull(), o.toString());
        assertFalse(o.has("long_wall_s"), o.toString());
        assertTrue(o.get("p50_ms").asDouble() > 0, o.toString());
    }

    @Test
    void syntheticClipsAreHeardAsSpeechFromEndToEnd() throws Exception {
        try (EmotionRecognizer recognizer = EmotionRecognizer.loadDefault()) {
            for (int seed = 0; seed < 40; seed++) {
                byte[] wav = BenchPredictCommand.Wav.bytes(BenchPredictCommand.SpeechLike.clip(new Random(seed),
                        RATE), RATE);
                Recognition r = recognizer.recognize(new ByteArrayInputStream(wav));
                assertEquals(3.0, r.durationSeconds(), 1e-9, "seed " + seed);
            }
        }
    }

    @Test
    void theLongRecordingIsAWavOfExactlyTheAskedLength(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("long.wav");
        long samples = 12 * RATE + 7;
        BenchPredictCommand.SpeechLike.writeRecording(wav, samples, RATE, new Random(3));
        assertEquals(44 + 2 * samples, Files.size(wav));
        PcmAudio audio = AudioDecoder.defaults().decode(wav);
        assertEquals(samples, audio.samples().length);
        assertEquals(RATE, audio.sampleRate());
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = new long[200];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }
        assertEquals(100, BenchPredictCommand.percentile(sorted, 0.50));
        assertEquals(198, BenchPredictCommand.percentile(sorted, 0.99));
        assertEquals(7, BenchPredictCommand.percentile(new long[] {7}, 0.99));
    }

    @Test
    void nonsenseCountsAreUsageErrors() {
        assertEquals(2, CliTest.run("bench", "predict", "--clips", "0").exit());
        assertEquals(2, CliTest.run("bench", "predict", "--long-seconds", "-1").exit());
    }

    private static Set<Path> benchTempFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("ser4j-bench-"))
                    .collect(Collectors.toSet());
        }
    }
}
