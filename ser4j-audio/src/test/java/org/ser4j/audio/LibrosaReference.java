package org.ser4j.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ser4j.core.dsp.FloatMatrix;

/**
 * What librosa 0.10.1 computed for one clip: one {@code ../shared/reference/librosa/NAME.json} file (fields
 * described in {@code ../shared/reference/README.md}), matrices frame-major.
 *
 * @param name   the JSON file's name without extension
 * @param file   the audio file's name, e.g. {@code DC_a01.wav}
 */
public record LibrosaReference(
        String name,
        String file,
        int sampleRate,
        int samples,
        float[] signalFirst16,
        double signalSum,
        FloatMatrix stftMagnitudeFrames0To2,
        FloatMatrix melSpectrogram,
        FloatMatrix powerToDb,
        FloatMatrix mfcc,
        FloatMatrix chroma,
        float[] zeroCrossingRate,
        float[] rms,
        float[] seedVector) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shared research folder, or null when the property is unset or the folder absent. */
    public static Path sharedDir() {
        String dir = System.getProperty("ser4j.shared");
        if (dir == null || dir.isBlank()) {
            return null;
        }
        Path p = Path.of(dir);
        return Files.isDirectory(p.resolve("reference/librosa")) ? p : null;
    }

    /** The reference files under {@code shared}, sorted by name. */
    public static List<Path> files(Path shared) {
        try (Stream<Path> s = Files.list(shared.resolve("reference/librosa"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one reference file. */
    public static LibrosaReference read(Path json) {
        try {
            JsonNode n = JSON.readTree(json.toFile());
            String name = json.getFileName().toString().replaceFirst("\\.json$", "");
            return new LibrosaReference(name, n.get("file").asText(), n.get("sample_rate").asInt(),
                    n.get("samples").asInt(), vector(n.get("signal_first_16")), n.get("signal_sum").asDouble(),
                    matrix(n.get("stft_magnitude_frames_0_to_2")), matrix(n.get("melspectrogram")),
                    matrix(n.get("power_to_db")), matrix(n.get("mfcc")), matrix(n.get("chroma_stft")),
                    vector(n.get("zero_crossing_rate")), vector(n.get("rms")), vector(n.get("seed_vector_162")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the clip's audio lies: {@code fixtures/originals/FILE}, else the one file of that name under
     * {@code corpora/}.
     */
    public Path audioFile(Path shared) {
        Path original = shared.resolve("fixtures/originals").resolve(file);
        if (Files.isRegularFile(original)) {
            return original;
        }
        try (Stream<Path> s = Files.walk(shared.resolve("corpora"))) {
            return s.filter(p -> p.getFileName().toString().equals(file)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no audio file " + file + " under " + shared));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float[] vector(JsonNode a) {
        float[] v = new float[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) a.get(i).asDouble();
        }
        return v;
    }

    private static FloatMatrix matrix(JsonNode a) {
        int rows = a.size();
        int cols = rows == 0 ? 0 : a.get(0).size();
        float[] data = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            JsonNode row = a.get(r);
            for (int c = 0; c < cols; c++) {
                data[r * cols + c] = (float) row.get(c).asDouble();
            }
        }
        return new FloatMatrix(rows, cols, data);
    }
}
