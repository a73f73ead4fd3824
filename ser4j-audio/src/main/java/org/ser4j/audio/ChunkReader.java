package org.ser4j.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;

/**
 * Walks the chunks of an IFF-style file (RIFF/RIFX/RF64 WAVE and FORM AIFF share the layout: a four-byte id,
 * a 32-bit size, the payload, a pad byte after an odd payload) on a forward-only stream, turning every
 * short read into a {@link Problem#TRUNCATED} error that names the chunk. Nothing here allocates according
 * to a size read from the file.
 */
final class ChunkReader {

    /** A chunk header: its id and its declared payload size (unsigned 32-bit). */
    record Chunk(String id, long size) {
    }

    private final InputStream in;
    private final ByteOrder order;
    private final String formatName;
    private final byte[] header = new byte[8];
    private long position;

    /**
     * @param in         the file, positioned after its 12-byte form header
     * @param formatName "WAV" or "AIFF", for messages
     */
    ChunkReader(InputStream in, ByteOrder order, String formatName) {
        this.in = in;
        this.order = order;
        this.formatName = formatName;
        this.position = 12;
    }

    /** Byte offset of the next byte to be read. */
    long position() {
        return position;
    }

    /** The stream, positioned at {@link #position()}. */
    InputStream stream() {
        return in;
    }

    /**
     * Reads exactly {@code length} bytes into a new buffer.
     *
     * @param what what those bytes are, for the truncation message ("the RIFF header")
     */
    ByteBuffer readExactly(int length, String what) throws IOException, AudioDecodeException {
        byte[] bytes = in.readNBytes(length);
        position += bytes.length;
        if (bytes.length < length) {
            throw new AudioDecodeException(Problem.TRUNCATED, formatName + " file is truncated: it ends "
                    + bytes.length + " bytes into " + what + ", which needs " + length + " bytes");
        }
        return ByteBuffer.wrap(bytes).order(order);
    }

    /**
     * Reads the next chunk header.
     *
     * @return the chunk, or empty at a clean end of the stream (no byte left)
     */
    Optional<Chunk> nextChunk() throws IOException, AudioDecodeException {
        int got = in.readNBytes(header, 0, 8);
        position += got;
        if (got == 0) {
            return Optional.empty();
        }
        if (got < 8) {
            throw new AudioDecodeException(Problem.TRUNCATED, formatName + " file is truncated: it ends "
                    + got + " bytes into a chunk header at byte " + (position - got));
        }
        String id = new String(header, 0, 4, StandardCharsets.ISO_8859_1);
        long size = ByteBuffer.wrap(header, 4, 4).order(order).getInt() & 0xFFFFFFFFL;
        return Optional.of(new Chunk(id, size));
    }

    /** Skips {@code count} bytes inside the named chunk's payload, without any pad byte. */
    void skipPayload(long count, Chunk chunk) throws IOException, AudioDecodeException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                // skip() may return 0 before the end; one read tells the end apart from a slow stream.
                if (in.read() < 0) {
                    throw new AudioDecodeException(Problem.TRUNCATED, formatName + " file is truncated: the '"
                            + printable(chunk.id()) + "' chunk declares " + chunk.size()
                            + " bytes but the file ends " + (count - left) + " bytes into skipping it");
                }
                skipped = 1;
            }
            left -= skipped;
            position += skipped;
        }
    }

    /** Skips a whole chunk whose header was just read, including the pad byte after an odd size. */
    void skipChunk(Chunk chunk) throws IOException, AudioDecodeException {
        skipRest(chunk, 0);
    }

    /**
     * Skips what is left of a chunk after {@code consumed} bytes of its payload were read, including the pad
     * byte after an odd size.
     */
    void skipRest(Chunk chunk, long consumed) throws IOException, AudioDecodeException {
        skipPayload(chunk.size() - consumed, chunk);
        if ((chunk.size() & 1) != 0) {
            // The pad byte may be missing at the very end of a file; that loses nothing.
            if (in.read() >= 0) {
                position++;
            }
        }
    }

    /** A chunk id fit for a message: non-printable bytes shown as \\xNN. */
    static String printable(String id) {
        StringBuilder sb = new StringBuilder();
        for (char c : id.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                sb.append(c);
            } else {
                sb.append(String.format("\\x%02X", (int) c));
            }
        }
        return sb.toString();
    }
}
