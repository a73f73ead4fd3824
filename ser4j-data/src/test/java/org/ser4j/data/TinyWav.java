package org.ser4j.data;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes tiny 16-bit mono PCM WAV files (a quiet ramp) for scan tests. */
public final class TinyWav {
    /** The rate of the files written. */
    public static final int RATE = 16000;

    private TinyWav() {
    }

    /** Writes {@code frames} frames to {@code path}, creating its folders; returns the path. */
    public static Path write(Path path, int frames) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * frames).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(US_ASCII)).putInt(36 + 2 * frames)
                .put("WAVE".getBytes(US_ASCII))
                .put("fmt ".getBytes(US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(2 * RATE)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(US_ASCII)).putInt(2 * frames);
        for (int i = 0; i < frames; i++) {
            b.putShort((short) (i % 100));
        }
        Files.write(path, b.array());
        return path;
    }
}
