package org.ser4j.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import org.ser4j.core.Emotion;
import org.ser4j.data.Clip;
import org.ser4j.data.Gender;

/** Tiny generated WAV files and clips around them, for tests that must not need real corpora. */
final class TestClips {

    static final int RATE = 16_000;

    private TestClips() {
    }

    /**
     * A 16-bit mono WAV of {@code seconds}: a tone of {@code hz} with a slow amplitude swell and some noise, so
     * every picture has something to show.
     */
    static Path writeWav(Path file, double seconds, double hz, long seed) throws IOException {
        int n = (int) Math.round(seconds * RATE);
        Random random = new Random(seed);
        ByteBuffer pcm = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            double t = (double) i / RATE;
            double swell = 0.5 * (1 - Math.cos(2 * Math.PI * t / seconds));
            double v = swell * (0.5 * Math.sin(2 * Math.PI * hz * t) + 0.2 * Math.sin(2 * Math.PI * 3.1 * hz * t))
                    + 0.02 * random.nextGaussian();
            pcm.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32767));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(36 + 2 * n).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(2 * RATE).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes()).putInt(2 * n);
        out.write(header.array());
        out.write(pcm.array());
        Files.createDirectories(file.getParent());
        Files.write(file, out.toByteArray());
        return file;
    }

    static Clip clip(Path path, String corpus, String speaker, Gender gender, String label, double seconds) {
        return new Clip(path, corpus, corpus + ":" + speaker, gender, "en", Emotion.parse(label), label,
                Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalDouble.of(seconds));
    }
}
