package org.ser4j.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ser4j.core.audio.PcmAudio;

/**
 * The original clips in ../shared/fixtures/originals (16 to 96 kHz, mono and stereo, one AIFF named .wav)
 * decode, at their own rate and mixed to mono, to what librosa 0.10.1 loaded from them.
 */
@Tag("corpus")
class LibrosaCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path shared() {
        String dir = System.getProperty("ser4j.shared");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "fixtures", "originals")),
                "../shared research data not present");
        return Path.of(dir);
    }

    static Stream<String> originals() throws IOException {
        String dir = System.getProperty("ser4j.shared");
        Path originals = dir == null ? null : Path.of(dir, "fixtures", "originals");
        if (originals == null || !Files.isDirectory(originals)) {
            return Stream.of("(no ../shared)");
        }
        try (Stream<Path> files = Files.list(originals)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("originals")
    void decodesAsLibrosaLoadsIt(String file) throws Exception {
        Path shared = shared();
        String name = file.substring(0, file.lastIndexOf('.'));
        JsonNode ref = JSON.readTree(shared.resolve("reference/librosa/" + name + ".json").toFile());

        PcmAudio audio = AudioDecoder.defaults().decode(shared.resolve("fixtures/originals/" + file));

        assertEquals(ref.get("sample_rate").asInt(), audio.sampleRate(), "sample rate");
        assertEquals(ref.get("samples").asLong(), audio.length(), "samples");
        JsonNode first = ref.get("signal_first_16");
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).asDouble(), audio.samples()[i], 1e-4, "sample " + i);
        }
        double sum = 0;
        for (float s : audio.samples()) {
            sum += s;
        }
        double expected = ref.get("signal_sum").asDouble();
        assertEquals(expected, sum, Math.abs(expected) * 1e-3, "signal sum");
    }
}
