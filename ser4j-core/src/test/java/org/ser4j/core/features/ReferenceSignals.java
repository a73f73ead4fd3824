package org.ser4j.core.features;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the corpus tests get each reference clip's decoded mono signal (librosa's {@code load(path, sr=None)}:
 * channels averaged in float32). The core has no decoders, so this is a seam: today it reads raw little-endian
 * float32 dumps from the directory named by the {@code ser4j.signals} system property ({@code NAME.f32} for
 * {@code reference/librosa/NAME.json}); once the decoders exist it can be wired to them.
 */
@FunctionalInterface
interface ReferenceSignals {

    /** The mono signal of the reference clip {@code name} (the JSON's base name), or empty when unavailable. */
    Optional<float[]> mono(String name) throws IOException;

    /** Dumps in the directory named by {@code -Dser4j.signals=...}; empty for every clip without it. */
    static ReferenceSignals fromSystemProperty() {
        String dir = System.getProperty("ser4j.signals", "");
        if (dir.isBlank()) {
            return name -> Optional.empty();
        }
        return name -> {
            Path file = Path.of(dir, name + ".f32");
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            float[] y = new float[bytes.remaining() / Float.BYTES];
            bytes.asFloatBuffer().get(y);
            return Optional.of(y);
        };
    }
}
