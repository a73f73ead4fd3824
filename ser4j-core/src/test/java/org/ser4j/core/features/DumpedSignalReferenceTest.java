package org.ser4j.core.features;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.ser4j.core.audio.PcmAudio;

/**
 * {@link LibrosaReferenceContract} on signals dumped outside the build (raw little-endian float32 mono,
 * {@code NAME.f32}, in the folder named by the system property {@code ser4j.signals}): a way to check the
 * features before this module's own decoders exist. Skipped when the property is unset.
 */
class DumpedSignalReferenceTest extends LibrosaReferenceContract {

    @Override
    protected SignalSource signals() {
        String dir = System.getProperty("ser4j.signals");
        Assumptions.assumeTrue(dir != null && !dir.isBlank(), "set -Dser4j.signals=DIR of NAME.f32 dumps");
        return (reference, audioFile) -> new PcmAudio(readFloats(Path.of(dir, reference.name() + ".f32")),
                reference.sampleRate());
    }

    private static float[] readFloats(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / Float.BYTES];
        b.asFloatBuffer().get(v);
        return v;
    }
}
