package org.ser4j.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.PcmSource;

/**
 * Our own streaming WAV reader: RIFF (little-endian), RIFX (big-endian) and RF64 (64-bit sizes in a ds64
 * chunk); integer PCM of 8 (unsigned), 16, 24 and 32 bits, IEEE float of 32 and 64 bits, and
 * WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format. Samples convert to float as libsndfile does (see
 * {@link PcmEncoding}).
 *
 * <p>Chunks other than {@code fmt } and {@code data} (LIST, FLLR, fact, JUNK, PAD, bext, cue, ...) are
 * skipped, honouring the pad byte after an odd size; anything after the data chunk is never read. A file
 * that ends before the declared data size is reported as truncated after its whole frames (see
 * {@link RawPcmSource}); the size never sizes an allocation. A data size of 0xFFFFFFFF, or of 0 when the RIFF size
 * shows the header was never patched (0, 0xFFFFFFFF, or no room for data), marks a streamed file that is
 * read to the end of the stream.
 */
final class WavDecoder implements FormatDecoder {

    private static final String NAME = "WAV";
    private static final long UNSET_SIZE = 0xFFFFFFFFL;
    private static final int FORMAT_PCM = 0x0001;
    private static final int FORMAT_FLOAT = 0x0003;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** The tail shared by every WAVE_FORMAT_EXTENSIBLE sub-format GUID ({XXXXXXXX-0000-0010-8000-00AA00389B71}). */
    private static final byte[] GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};
    /** A fmt chunk is 16, 18 or 40 bytes; one claiming more than this is damage, not extension data. */
    private static final long MAX_FMT_SIZE = 1 << 16;
    private static final String SUPPORTED = "supported: integer PCM (8, 16, 24, 32-bit) and IEEE float (32, 64-bit)";

    /** Names of the format tags people meet, so an unsupported file says what it is. */
    private static final Map<Integer, String> TAG_NAMES = Map.ofEntries(
            Map.entry(0x0002, "Microsoft ADPCM"),
            Map.entry(0x0006, "A-law"),
            Map.entry(0x0007, "mu-law"),
            Map.entry(0x0011, "IMA ADPCM"),
            Map.entry(0x0016, "ITU G.723 ADPCM"),
            Map.entry(0x0031, "GSM 6.10"),
            Map.entry(0x0040, "ITU G.721 ADPCM"),
            Map.entry(0x0050, "MPEG audio"),
            Map.entry(0x0055, "MPEG Layer III (MP3 in WAV)"),
            Map.entry(0x0092, "Dolby AC-3 over S/PDIF"),
            Map.entry(0x00FF, "AAC"),
            Map.entry(0x0160, "Windows Media Audio 1"),
            Map.entry(0x0161, "Windows Media Audio 2"),
            Map.entry(0x1610, "AAC (ADTS)"),
            Map.entry(0x2000, "Dolby AC-3"),
            Map.entry(0xF1AC, "FLAC"));

    /** What the fmt chunk says, checked. */
    private record Format(PcmEncoding encoding, int channels, int sampleRate, String codec) {
    }

    @Override
    public AudioContainer container() {
        return AudioContainer.WAV;
    }

    @Override
    public PcmSource open(InputStream in) throws IOException, AudioDecodeException {
        return FormatDecoder.closingOnFailure(in, this::parse);
    }

    private PcmSource parse(InputStream in) throws IOException, AudioDecodeException {
        byte[] riff = in.readNBytes(12);
        if (riff.length < 12) {
            throw new AudioDecodeException(Problem.TRUNCATED, "WAV file is truncated: it has " + riff.length
                    + " bytes, fewer than the 12-byte RIFF header");
        }
        String magic = new String(riff, 0, 4, StandardCharsets.ISO_8859_1);
        boolean bigEndian = magic.equals("RIFX");
        boolean rf64 = magic.equals("RF64");
        ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long riffSize = ByteBuffer.wrap(riff, 4, 4).order(order).getInt() & 0xFFFFFFFFL;
        String form = new String(riff, 8, 4, StandardCharsets.ISO_8859_1);
        if (!(magic.equals("RIFF") || bigEndian || rf64) || !form.equals("WAVE")) {
            throw new AudioDecodeException(Problem.MALFORMED, "not a WAV file: expected 'RIFF....WAVE', found '"
                    + ChunkReader.printable(magic) + "....." + ChunkReader.printable(form) + "'");
        }
        ChunkReader chunks = new ChunkReader(in, order, NAME);
        long ds64DataSize = -1;
        Format format = null;
        while (true) {
            Optional<ChunkReader.Chunk> next = chunks.nextChunk();
            if (next.isEmpty()) {
                if (format == null) {
                    throw new AudioDecodeException(Problem.MALFORMED,
                            "WAV file has no 'fmt ' chunk: the sample format is unknown");
                }
                throw new AudioDecodeException(Problem.EMPTY, "no audio: the WAV file has no 'data' chunk");
            }
            ChunkReader.Chunk chunk = next.get();
            switch (chunk.id()) {
                case "ds64" -> ds64DataSize = readDs64(chunks, chunk, rf64);
                case "fmt " -> format = readFormat(chunks, chunk, bigEndian);
                case "data" -> {
                    if (format == null) {
                        throw new AudioDecodeException(Problem.MALFORMED,
                                "WAV file has its 'data' chunk before the 'fmt ' chunk: the sample format is unknown");
                    }
                    long payload = dataPayload(chunk.size(), rf64, ds64DataSize, riffSize, chunks.position());
                    return source(chunks, format, bigEndian, payload);
                }
                default -> chunks.skipChunk(chunk);
            }
        }
    }

    /** The ds64 chunk of RF64 carries the real data size when the 32-bit field says 0xFFFFFFFF. */
    private static long readDs64(ChunkReader chunks, ChunkReader.Chunk chunk, boolean rf64)
            throws IOException, AudioDecodeException {
        if (!rf64 || chunk.size() < 16) {
            chunks.skipChunk(chunk);
            return -1;
        }
        ByteBuffer ds64 = chunks.readExactly(16, "the 'ds64' chunk");
        chunks.skipRest(chunk, 16);
        // Bytes 0-7 hold the RIFF size, not needed: the data size alone bounds the payload.
        return ds64.getLong(8);
    }

    private static Format readFormat(ChunkReader chunks, ChunkReader.Chunk chunk, boolean bigEndian)
            throws IOException, AudioDecodeException {
        if (chunk.size() < 16) {
            throw new AudioDecodeException(Problem.MALFORMED,
                    "WAV 'fmt ' chunk is " + chunk.size() + " bytes; at least 16 are needed");
        }
        if (chunk.size() > MAX_FMT_SIZE) {
            throw new AudioDecodeException(Problem.MALFORMED, "WAV 'fmt ' chunk claims " + chunk.size()
                    + " bytes; a real one has 16 to 40 (damaged header?)");
        }
        int size = (int) chunk.size();
        int kept = Math.min(size, 40);
        ByteBuffer fmt = chunks.readExactly(kept, "the 'fmt ' chunk");
        chunks.skipRest(chunk, kept);
        int tag = fmt.getShort(0) & 0xFFFF;
        int channels = HeaderChecks.channels(fmt.getShort(2) & 0xFFFF, NAME);
        int rate = HeaderChecks.sampleRate(fmt.getInt(4) & 0xFFFFFFFFL, NAME);
        int blockAlign = fmt.getShort(12) & 0xFFFF;
        int bits = fmt.getShort(14) & 0xFFFF;
        String tagName = "format tag 0x" + String.format("%04X", tag);
        if (tag == FORMAT_EXTENSIBLE) {
            if (kept < 40) {
                throw new AudioDecodeException(Problem.MALFORMED, "WAV 'fmt ' chunk says WAVE_FORMAT_EXTENSIBLE"
                        + " but is " + size + " bytes; 40 are needed for the sub-format");
            }
            byte[] guid = new byte[16];
            fmt.get(24, guid);
            tag = (guid[0] & 0xFF) | (guid[1] & 0xFF) << 8;
            if (bigEndian) {
                tag = (guid[1] & 0xFF) | (guid[0] & 0xFF) << 8;
            }
            if (!Arrays.equals(guid, 2, 16, GUID_TAIL, 0, 14)) {
                throw new AudioDecodeException(Problem.UNSUPPORTED_ENCODING, "WAV encoding not supported:"
                        + " WAVE_FORMAT_EXTENSIBLE with a non-standard sub-format GUID " + hex(guid) + "; "
                        + SUPPORTED);
            }
            tagName = "WAVE_FORMAT_EXTENSIBLE sub-format 0x" + String.format("%04X", tag);
        }
        PcmEncoding encoding = encoding(tag, bits, tagName);
        int expectedAlign = channels * encoding.bytesPerSample();
        if (blockAlign != expectedAlign) {
            throw new AudioDecodeException(Problem.MALFORMED, "WAV 'fmt ' block align is " + blockAlign
                    + " bytes but " + channels + " channels of " + bits + "-bit samples need " + expectedAlign);
        }
        return new Format(encoding, channels, rate, encoding.description());
    }

    private static PcmEncoding encoding(int tag, int bits, String tagName) throws AudioDecodeException {
        if (tag == FORMAT_PCM) {
            if (bits < 1 || bits > 32) {
                throw new AudioDecodeException(bits == 0 ? Problem.MALFORMED : Problem.UNSUPPORTED_ENCODING,
                        "WAV integer PCM with " + bits + " bits per sample is not supported; " + SUPPORTED);
            }
            return bits <= 8 ? PcmEncoding.UNSIGNED_8 : PcmEncoding.signedIntegerForBits(bits);
        }
        if (tag == FORMAT_FLOAT) {
            if (bits == 32) {
                return PcmEncoding.FLOAT_32;
            }
            if (bits == 64) {
                return PcmEncoding.FLOAT_64;
            }
            throw new AudioDecodeException(Problem.UNSUPPORTED_ENCODING,
                    "WAV IEEE float with " + bits + " bits per sample is not supported; " + SUPPORTED);
        }
        String name = TAG_NAMES.get(tag);
        throw new AudioDecodeException(Problem.UNSUPPORTED_ENCODING, "WAV encoding not supported: "
                + (name == null ? tagName : name + " (" + tagName + ")") + "; " + SUPPORTED);
    }

    /**
     * The number of payload bytes to read, or {@link RawPcmSource#UNBOUNDED} for a streamed file.
     *
     * @param payloadOffset file offset of the first data byte
     */
    private static long dataPayload(long size, boolean rf64, long ds64DataSize, long riffSize, long payloadOffset)
            throws AudioDecodeException {
        if (rf64 && size == UNSET_SIZE) {
            if (ds64DataSize < 0) {
                throw new AudioDecodeException(Problem.MALFORMED,
                        "RF64 file has no usable 'ds64' chunk to give the size of its 'data' chunk");
            }
            return ds64DataSize;
        }
        if (size == UNSET_SIZE) {
            return RawPcmSource.UNBOUNDED;
        }
        if (size == 0) {
            boolean headerNeverPatched = riffSize == 0 || riffSize == UNSET_SIZE || riffSize <= payloadOffset - 8;
            if (headerNeverPatched) {
                return RawPcmSource.UNBOUNDED;
            }
            throw new AudioDecodeException(Problem.EMPTY, "no audio: the WAV 'data' chunk is 0 bytes");
        }
        return size;
    }

    private static PcmSource source(ChunkReader chunks, Format format, boolean bigEndian, long payload)
            throws AudioDecodeException {
        int frameBytes = format.channels() * format.encoding().bytesPerSample();
        long frames = AudioInfo.UNKNOWN_LENGTH;
        if (payload != RawPcmSource.UNBOUNDED) {
            frames = payload / frameBytes;
            if (frames == 0) {
                throw new AudioDecodeException(Problem.EMPTY, "no audio: the WAV 'data' chunk is " + payload
                        + " bytes, less than one frame of " + frameBytes + " bytes");
            }
        }
        AudioInfo info = new AudioInfo(AudioContainer.WAV, format.codec() + (bigEndian ? " big-endian" : ""),
                format.sampleRate(), format.channels(), frames);
        return new RawPcmSource(chunks.stream(), info, format.encoding(), bigEndian, payload, NAME);
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02X", b & 0xFF));
        }
        return sb.toString();
    }
}
