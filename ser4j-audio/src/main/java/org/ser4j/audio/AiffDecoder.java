package org.ser4j.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.PcmSource;

/**
 * Our own streaming AIFF and AIFF-C reader: big-endian integer PCM of 8 to 32 bits (8-bit is signed in
 * AIFF), and the AIFF-C compression types that are really uncompressed: {@code NONE}/{@code twos},
 * {@code sowt} (little-endian), {@code fl32}/{@code FL32}, {@code fl64}/{@code FL64}, {@code in24},
 * {@code in32}, {@code 42ni}, {@code 23ni} and {@code raw } (8-bit offset binary). Others (ulaw, alaw, ima4,
 * MAC3, ...) are {@link Problem#UNSUPPORTED_ENCODING}, named. Samples convert to float as libsndfile does.
 *
 * <p>The sample rate, an 80-bit extended float, is truncated to whole hertz as libsndfile does. The length
 * comes from the SSND chunk size (checked against the data really there, as for WAV; see {@link RawPcmSource}); an SSND size of 0 or
 * 0xFFFFFFFF marks a streamed file read to the end. The COMM chunk must come before SSND: this reader is
 * forward-only, and every writer in practice puts it first.
 */
final class AiffDecoder implements FormatDecoder {

    private static final String NAME = "AIFF";
    private static final long MAX_COMM_SIZE = 1 << 16;
    private static final String SUPPORTED =
            "supported: NONE, twos, sowt, fl32, fl64, in24, in32, 42ni, 23ni, raw (uncompressed PCM and float)";

    /** What the COMM chunk says, checked. */
    private record Format(PcmEncoding encoding, boolean bigEndian, int channels, int sampleRate, long frames,
            String codec) {
    }

    @Override
    public AudioContainer container() {
        return AudioContainer.AIFF;
    }

    @Override
    public PcmSource open(InputStream in) throws IOException, AudioDecodeException {
        return FormatDecoder.closingOnFailure(in, this::parse);
    }

    private PcmSource parse(InputStream in) throws IOException, AudioDecodeException {
        byte[] form = in.readNBytes(12);
        if (form.length < 12) {
            throw new AudioDecodeException(Problem.TRUNCATED, "AIFF file is truncated: it has " + form.length
                    + " bytes, fewer than the 12-byte FORM header");
        }
        String magic = new String(form, 0, 4, StandardCharsets.ISO_8859_1);
        String type = new String(form, 8, 4, StandardCharsets.ISO_8859_1);
        if (!magic.equals("FORM") || !(type.equals("AIFF") || type.equals("AIFC"))) {
            throw new AudioDecodeException(Problem.MALFORMED, "not an AIFF file: expected 'FORM....AIFF' or"
                    + " 'FORM....AIFC', found '" + ChunkReader.printable(magic) + "...."
                    + ChunkReader.printable(type) + "'");
        }
        boolean aifc = type.equals("AIFC");
        ChunkReader chunks = new ChunkReader(in, ByteOrder.BIG_ENDIAN, NAME);
        Format format = null;
        while (true) {
            Optional<ChunkReader.Chunk> next = chunks.nextChunk();
            if (next.isEmpty()) {
                if (format == null) {
                    throw new AudioDecodeException(Problem.MALFORMED,
                            "AIFF file has no 'COMM' chunk: the sample format is unknown");
                }
                if (format.frames() == 0) {
                    throw new AudioDecodeException(Problem.EMPTY, "no audio: the AIFF 'COMM' chunk says 0 frames");
                }
                throw new AudioDecodeException(Problem.TRUNCATED, "AIFF file is truncated: 'COMM' says "
                        + format.frames() + " frames but the file ends without an 'SSND' chunk");
            }
            ChunkReader.Chunk chunk = next.get();
            switch (chunk.id()) {
                case "COMM" -> format = readCommon(chunks, chunk, aifc);
                case "SSND" -> {
                    if (format == null) {
                        throw new AudioDecodeException(Problem.MALFORMED, "AIFF file has its 'SSND' chunk before"
                                + " the 'COMM' chunk; ser4j reads AIFF as a stream and needs 'COMM' first");
                    }
                    return soundData(chunks, chunk, format);
                }
                default -> chunks.skipChunk(chunk);
            }
        }
    }

    private static Format readCommon(ChunkReader chunks, ChunkReader.Chunk chunk, boolean aifc)
            throws IOException, AudioDecodeException {
        int minimum = aifc ? 22 : 18;
        if (chunk.size() < minimum) {
            throw new AudioDecodeException(Problem.MALFORMED, "AIFF 'COMM' chunk is " + chunk.size()
                    + " bytes; at least " + minimum + " are needed");
        }
        if (chunk.size() > MAX_COMM_SIZE) {
            throw new AudioDecodeException(Problem.MALFORMED, "AIFF 'COMM' chunk claims " + chunk.size()
                    + " bytes; a real one has 18 to 278 (damaged header?)");
        }
        int size = (int) chunk.size();
        ByteBuffer comm = chunks.readExactly(size, "the 'COMM' chunk");
        chunks.skipRest(chunk, size);
        int channels = HeaderChecks.channels(comm.getShort(0), NAME);
        long frames = comm.getInt(2) & 0xFFFFFFFFL;
        int bits = comm.getShort(6);
        int rate = HeaderChecks.sampleRate(extendedToWholeHertz(comm, 8), NAME);
        String compression = aifc ? new String(comm.array(), 18, 4, StandardCharsets.ISO_8859_1) : "NONE";
        String compressionName = aifc ? pascalString(comm, 22) : "";
        PcmEncoding encoding;
        boolean bigEndian = true;
        switch (compression) {
            case "NONE", "twos", "sowt" -> {
                if (bits < 1 || bits > 32) {
                    throw new AudioDecodeException(bits <= 0 ? Problem.MALFORMED : Problem.UNSUPPORTED_ENCODING,
                            "AIFF integer PCM with " + bits + " bits per sample is not supported; " + SUPPORTED);
                }
                encoding = PcmEncoding.signedIntegerForBits(bits);
                bigEndian = !compression.equals("sowt");
            }
            case "fl32", "FL32" -> encoding = PcmEncoding.FLOAT_32;
            case "fl64", "FL64" -> encoding = PcmEncoding.FLOAT_64;
            case "in24" -> encoding = PcmEncoding.INT_24;
            case "in32" -> encoding = PcmEncoding.INT_32;
            case "42ni" -> {
                encoding = PcmEncoding.INT_24;
                bigEndian = false;
            }
            case "23ni" -> {
                encoding = PcmEncoding.INT_32;
                bigEndian = false;
            }
            case "raw " -> encoding = PcmEncoding.UNSIGNED_8;
            default -> throw new AudioDecodeException(Problem.UNSUPPORTED_ENCODING, "AIFF-C compression '"
                    + ChunkReader.printable(compression) + "'"
                    + (compressionName.isBlank() ? "" : " (" + compressionName.strip() + ")")
                    + " is not supported; " + SUPPORTED);
        }
        String codec = encoding.description() + (encoding.bytesPerSample() > 1 ? (bigEndian ? " big-endian"
                : " little-endian") : "") + (aifc ? " (AIFF-C '" + compression + "')" : "");
        return new Format(encoding, bigEndian, channels, rate, frames, codec);
    }

    private static PcmSource soundData(ChunkReader chunks, ChunkReader.Chunk chunk, Format format)
            throws IOException, AudioDecodeException {
        boolean streamed = chunk.size() == 0 || chunk.size() == 0xFFFFFFFFL;
        if (!streamed && chunk.size() < 8) {
            throw new AudioDecodeException(Problem.MALFORMED, "AIFF 'SSND' chunk is " + chunk.size()
                    + " bytes, less than its own 8-byte offset and block-size fields");
        }
        ByteBuffer ssnd = chunks.readExactly(8, "the 'SSND' chunk header");
        long offset = ssnd.getInt(0) & 0xFFFFFFFFL;
        long payload = RawPcmSource.UNBOUNDED;
        if (!streamed) {
            if (offset > chunk.size() - 8) {
                throw new AudioDecodeException(Problem.MALFORMED, "AIFF 'SSND' data offset " + offset
                        + " lies beyond the chunk's " + chunk.size() + " bytes");
            }
            payload = chunk.size() - 8 - offset;
        }
        // The offset bytes are alignment padding before the first frame.
        chunks.skipPayload(offset, chunk);
        int frameBytes = format.channels() * format.encoding().bytesPerSample();
        long frames = AudioInfo.UNKNOWN_LENGTH;
        if (!streamed) {
            frames = payload / frameBytes;
            if (frames == 0) {
                throw new AudioDecodeException(Problem.EMPTY, "no audio: the AIFF 'SSND' chunk holds " + payload
                        + " bytes of samples, less than one frame of " + frameBytes + " bytes");
            }
        }
        AudioInfo info = new AudioInfo(AudioContainer.AIFF, format.codec(), format.sampleRate(),
                format.channels(), frames);
        return new RawPcmSource(chunks.stream(), info, format.encoding(), format.bigEndian(), payload, NAME);
    }

    /**
     * Reads the 80-bit IEEE 754 extended sample rate at {@code offset} and truncates it toward zero to whole
     * hertz, as libsndfile does. NaN and infinities come back as 0 and {@link Long#MAX_VALUE}, for the
     * caller's plausibility check to reject.
     */
    static long extendedToWholeHertz(ByteBuffer b, int offset) {
        int signExponent = b.getShort(offset) & 0xFFFF;
        long mantissa = b.getLong(offset + 2);
        // The mantissa has an explicit integer bit at bit 63: value = mantissa * 2^(exponent - 16383 - 63).
        double unsignedMantissa = (mantissa >>> 1) * 2.0 + (mantissa & 1);
        double value = Math.scalb(unsignedMantissa, (signExponent & 0x7FFF) - 16383 - 63);
        if ((signExponent & 0x8000) != 0) {
            value = -value;
        }
        return (long) value;
    }

    /** An AIFF-C Pascal string (length byte, then that many ISO-8859-1 bytes), clipped to what is there. */
    private static String pascalString(ByteBuffer b, int offset) {
        if (offset >= b.limit()) {
            return "";
        }
        int length = Math.min(b.get(offset) & 0xFF, b.limit() - offset - 1);
        return new String(b.array(), offset + 1, length, StandardCharsets.ISO_8859_1);
    }
}
