package org.ser4j.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ser4j.core.dsp.FloatMatrix;
import org.ser4j.core.dsp.Stft;

/**
 * {@code chroma_stft} against what librosa 0.10.1 computed for the 15 reference clips in
 * {@code ../shared/reference/librosa}: every value within 1e-4 of the frame's maximum (1), with the signal from
 * {@link ReferenceSignals} and the spectrogram from {@link Stft}.
 */
@Tag("corpus")
class ChromaStftCorpusTest {

    private static final double TOLERANCE = 1e-4;
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> clips() throws IOException {
        String shared = System.getProperty("ser4j.shared", "");
        Path dir = Path.of(shared.isBlank() ? "/nonexistent" : shared, "reference", "librosa");
        if (!Files.isDirectory(dir)) {
            return Stream.of("(no ../shared)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clips")
    void chromaMatchesLibrosaWithinOneTenThousandthOfTheFrameMaximum(String clip) throws IOException {
        Path json = Path.of(System.getProperty("ser4j.shared", "/nonexistent"), "reference", "librosa",
                clip + ".json");
        assumeTrue(Files.isRegularFile(json), "../shared/reference/librosa not available");
        Optional<float[]> signal = ReferenceSignals.fromSystemProperty().mono(clip);
        assumeTrue(signal.isPresent(), "no decoded signal for " + clip);

        JsonNode ref = JSON.readTree(json.toFile());
        int rate = ref.get("sample_rate").asInt();
        float[] y = signal.get();
        assertEquals(ref.get("samples").asInt(), y.length, "decoded length");

        FloatMatrix magnitude = new Stft(2048, 512).compute(y, Stft.Scale.MAGNITUDE);
        FloatMatrix chroma = new ChromaStft(rate, 2048, 12).compute(magnitude);

        JsonNode expected = ref.get("chroma_stft");
        assertEquals(expected.size(), chroma.rows(), "frames");
        double worst = 0;
        int worstFrame = -1;
        for (int t = 0; t < chroma.rows(); t++) {
            for (int c = 0; c < 12; c++) {
                double d = Math.abs(chroma.get(t, c) - expected.get(t).get(c).asDouble());
                if (d > worst) {
                    worst = d;
                    worstFrame = t;
                }
            }
        }
        System.out.printf("chroma %-24s tuning %+.2f worst deviation %.3g (frame %d)%n", clip,
                new ChromaStft(rate, 2048, 12).estimateTuning(magnitude), worst, worstFrame);
        assertEquals(0.0, worst, TOLERANCE, "worst chroma deviation, frame " + worstFrame);
    }
}
