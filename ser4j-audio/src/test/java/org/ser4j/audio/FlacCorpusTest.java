package org.ser4j.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.PcmSource;

/**
 * The FLAC decoder on the research corpora in ../shared (16 kHz mono 16-bit FLAC): librosa's own decode of
 * four clips, a sample checked in detail, and every clip decoded without error.
 */
@Tag("corpus")
class FlacCorpusTest {

    private final FlacDecoder decoder = new FlacDecoder();

    @ParameterizedTest
    @ValueSource(strings = {"03-01-04-02-01-01-02", "16b10Wb", "KL_su03", "tri-m2-l3"})
    void decodesExactlyWhatLibrosaReadsThroughSoundfile(String clip) throws Exception {
        Path shared = shared();
        JsonNode ref = new ObjectMapper().readTree(shared.resolve("reference/librosa/" + clip + ".json").toFile());
        Path flac = flacFiles(shared).stream().filter(p -> p.getFileName().toString().equals(clip + ".flac"))
                .findFirst().orElseThrow(() -> new AssertionError("no corpus FLAC named " + clip));

        CodecFixtures.Decoded d;
        try (var in = new BufferedInputStream(Files.newInputStream(flac))) {
            d = CodecFixtures.decode(decoder, in);
        }
        assertEquals(ref.get("sample_rate").asInt(), d.info().sampleRate());
        assertEquals(ref.get("samples").asLong(), d.frames());
        assertEquals(1, d.channels());
        JsonNode first = ref.get("signal_first_16");
        for (int i = 0; i < first.size(); i++) {
            double expected = first.get(i).asDouble(); // stored with 6 significant digits
            assertEquals(expected, d.samples()[i], Math.max(1e-9, 1e-5 * Math.abs(expected)), "sample " + i);
        }
        double sum = 0;
        for (float v : d.samples()) {
            sum += v;
        }
        assertEquals(ref.get("signal_sum").asDouble(), sum, 1e-6);
    }

    @Test
    void everyTwentiethClipDecodesWithTheLengthItsHeaderDeclares() throws Exception {
        List<Path> files = flacFiles(shared());
        int checked = 0;
        for (int i = 0; i < files.size(); i += 20, checked++) {
            try (var in = new BufferedInputStream(Files.newInputStream(files.get(i)))) {
                CodecFixtures.Decoded d = CodecFixtures.decode(decoder, in);
                assertEquals("FLAC 16-bit", d.info().codec(), files.get(i).toString());
                assertEquals(16000, d.info().sampleRate(), files.get(i).toString());
                assertEquals(1, d.info().channels(), files.get(i).toString());
                assertEquals(d.info().frames(), d.frames(), files.get(i).toString());
                assertTrue(d.frames() > 8000, files.get(i) + " is under half a second");
                for (float v : d.samples()) {
                    assertTrue(v >= -1f && v < 1f, files.get(i).toString());
                }
            }
        }
        assertTrue(checked > 250, "checked " + checked);
    }

    @Test
    void allCorpusClipsDecodeWithoutError() throws Exception {
        List<Path> files = flacFiles(shared());
        assertEquals(5843, files.size());
        // Two threads: the whole corpus (about five hours of audio) in well under a minute.
        Map<Path, String> failures = files.parallelStream()
                .map(FlacCorpusTest::decodeOrFailure)
                .filter(r -> !r.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (!failures.isEmpty()) {
            fail(failures.size() + " clips failed, e.g. " + failures.entrySet().iterator().next());
        }
    }

    private static Map.Entry<Path, String> decodeOrFailure(Path file) {
        float[] buf = new float[8192];
        try (PcmSource src = new FlacDecoder().open(new BufferedInputStream(Files.newInputStream(file), 65536))) {
            long frames = 0;
            int n;
            while ((n = src.read(buf, buf.length)) >= 0) {
                frames += n;
            }
            AudioInfo info = src.info();
            return Map.entry(file, info.frames() == frames ? "" : "decoded " + frames + " of " + info.frames());
        } catch (IOException | AudioDecodeException | RuntimeException e) {
            return Map.entry(file, e.toString());
        }
    }

    static Path shared() {
        String prop = System.getProperty("ser4j.shared");
        Assumptions.assumeTrue(prop != null && Files.isDirectory(Path.of(prop, "corpora")),
                "../shared/corpora is not available");
        return Path.of(prop);
    }

    static List<Path> flacFiles(Path shared) throws IOException {
        try (Stream<Path> s = Files.walk(shared.resolve("corpora"))) {
            List<Path> files = new ArrayList<>(s.filter(p -> p.toString().endsWith(".flac")).sorted().toList());
            return files;
        }
    }
}
