package org.ser4j.silero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.vad.SpeechRegion;
import org.ser4j.core.vad.VadStream;

/**
 * Loading and running through ONNX Runtime without the Silero file: tiny hand-written ONNX models stand in for
 * a wrong file and for a model with Silero's signature (see {@link OnnxModelBytes}).
 */
class SileroVadTest {

    @TempDir
    Path dir;

    private SileroModelException loadFails(Path model) {
        return assertThrows(SileroModelException.class, () -> SileroVad.load(model));
    }

    @Test
    void missingModelFileIsNamedInTheError() {
        Path missing = dir.resolve("nowhere/silero_vad.onnx");
        SileroModelException e = loadFails(missing);
        assertEquals(SileroModelException.Problem.NOT_FOUND, e.problem());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        SileroModelException directory = loadFails(dir);
        assertEquals(SileroModelException.Problem.NOT_FOUND, directory.problem());
        assertTrue(directory.getMessage().contains("not a regular file"), directory.getMessage());
    }

    @Test
    void fileThatIsNotOnnxIsRejected() throws Exception {
        Path text = Files.writeString(dir.resolve("silero_vad.onnx"), "<html>404 Not Found</html>");
        SileroModelException e = loadFails(text);
        assertEquals(SileroModelException.Problem.NOT_ONNX, e.problem());
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a readable ONNX model"), e.getMessage());
    }

    @Test
    void onnxModelWithoutSilerosInputsAndOutputsIsRejected() throws Exception {
        Path identity = Files.write(dir.resolve("identity.onnx"), OnnxModelBytes.identity());
        SileroModelException e = loadFails(identity);
        assertEquals(SileroModelException.Problem.NOT_SILERO, e.problem());
        assertTrue(e.getMessage().contains(identity.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("found inputs {x=FLOAT}"), e.getMessage());
        assertTrue(e.getMessage().contains("stateN"), e.getMessage());
    }

    @Test
    void onlyEightAndSixteenKilohertzAreAccepted() throws Exception {
        try (SileroVad vad = SileroVad.load(Files.write(dir.resolve("m.onnx"), OnnxModelBytes.sileroShapedMax()))) {
            assertEquals(16_000, vad.stream(16_000).sampleRate());
            assertEquals(8_000, vad.stream(8_000).sampleRate());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vad.stream(44_100));
            assertTrue(e.getMessage().contains("[8000, 16000]") && e.getMessage().contains("44100"),
                    e.getMessage());
        }
    }

    @Test
    void modelSeesEachChunkAfterTheEndOfThePreviousOne() throws Exception {
        // The stand-in model answers the largest sample of its window: a Java scorer doing the same on the
        // window it is given must lead to the same regions, which checks what reaches ONNX Runtime and back.
        float[] x = new float[16_000 * 6 + 123];
        Random random = new Random(7);
        for (int i = 0; i < x.length; ) {
            float level = random.nextInt(3) == 0 ? 0.9f : 0.2f * random.nextFloat();
            for (int n = 1 + random.nextInt(8_000); n > 0 && i < x.length; n--, i++) {
                x[i] = level * (random.nextInt(50) == 0 ? 1 : 0.3f);
            }
        }
        SileroConfig config = SileroConfig.builder().optIntraOpThreads(2).build();
        try (SileroVad vad = SileroVad.load(Files.write(dir.resolve("m.onnx"), OnnxModelBytes.sileroShapedMax()),
                config)) {
            assertEquals(config, vad.config());
            for (int rate : SileroVad.SUPPORTED_RATES) {
                VadStream naive = new SileroVadStream(config, rate, window -> {
                    float max = Float.NEGATIVE_INFINITY;
                    for (float v : window) {
                        max = Math.max(max, v);
                    }
                    return max;
                });
                List<SpeechRegion> expected = new ArrayList<>(naive.accept(x));
                expected.addAll(naive.flush());
                assertFalse(expected.isEmpty());
                assertEquals(expected, vad.detect(new PcmAudio(x, rate)), rate + " Hz");
            }
        }
    }

    @Test
    void closedDetectorRefusesToRun() throws Exception {
        SileroVad vad = SileroVad.load(Files.write(dir.resolve("m.onnx"), OnnxModelBytes.sileroShapedMax()));
        VadStream stream = vad.stream(16_000);
        vad.close();
        assertThrows(IllegalStateException.class, () -> vad.stream(16_000));
        assertThrows(IllegalStateException.class, () -> stream.accept(new float[512]));
    }
}
