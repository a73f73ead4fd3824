package org.ser4j.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;
import org.ser4j.core.audio.UnsupportedFormatException;

/**
 * Decides the format from the first bytes of the content, never from a file name. A supported format comes
 * back as its {@link AudioContainer}; anything else is named in an {@link UnsupportedFormatException} ("MP4/M4A
 * (AAC) audio", "PNG image", "plain text", "unknown binary data") so that a person knows what they passed.
 *
 * <p>A bare MPEG frame sync is only taken for MP3 when the frame header it starts is followed, one frame
 * length later, by a second consistent header (and a third when the bytes reach that far): two bytes of
 * random data look like a sync one time in 2,000, two consistent headers almost never.
 */
final class FormatSniffer {

    /** How many bytes after any ID3v2 tag are looked at. */
    static final int HEAD_BYTES = 64 * 1024;

    /** The longest ID3v2 tag (cover art included) looked past; a longer one is reported, not buffered. */
    static final int MAX_ID3_BYTES = 16 * 1024 * 1024;

    private static final int ID3_HEADER = 10;

    private FormatSniffer() {
    }

    /**
     * Sniffs a stream without consuming it: reads up to {@link #HEAD_BYTES} (plus any leading ID3v2 tag) and
     * resets the stream to where it was.
     *
     * @param in a stream whose {@link InputStream#markSupported()} is true
     * @throws AudioDecodeException {@link Problem#EMPTY} for zero bytes; {@link UnsupportedFormatException}
     *                              for content that is not a supported format
     */
    static AudioContainer detect(InputStream in) throws IOException, AudioDecodeException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("sniffing needs a stream that supports mark/reset");
        }
        in.mark(ID3_HEADER + MAX_ID3_BYTES + HEAD_BYTES);
        byte[] head;
        try {
            byte[] start = in.readNBytes(ID3_HEADER);
            int tagLength = id3TagLength(start, 0, start.length);
            if (tagLength > MAX_ID3_BYTES) {
                throw new AudioDecodeException(Problem.MALFORMED, "the file starts with an ID3v2 tag of "
                        + tagLength + " bytes, more than the " + MAX_ID3_BYTES + " ser4j looks past");
            }
            int wanted = Math.max(tagLength, 0) + HEAD_BYTES;
            byte[] rest = in.readNBytes(wanted - start.length);
            head = Arrays.copyOf(start, start.length + rest.length);
            System.arraycopy(rest, 0, head, start.length, rest.length);
        } finally {
            in.reset();
            // Drop the mark, or a BufferedInputStream would keep buffering up to the whole limit while decoding.
            in.mark(0);
        }
        return classify(head, head.length);
    }

    /**
     * Classifies the first {@code length} bytes of some content.
     *
     * @throws AudioDecodeException {@link Problem#EMPTY} for zero bytes; {@link UnsupportedFormatException}
     *                              for content that is not a supported format
     */
    static AudioContainer classify(byte[] head, int length) throws AudioDecodeException {
        if (length == 0) {
            throw new AudioDecodeException(Problem.EMPTY, "empty file: 0 bytes");
        }
        return classifyAt(head, 0, length);
    }

    private static AudioContainer classifyAt(byte[] b, int p, int n) throws AudioDecodeException {
        if (startsWith(b, p, n, "RIFF") || startsWith(b, p, n, "RIFX") || startsWith(b, p, n, "RF64")) {
            return riff(b, p, n);
        }
        if (startsWith(b, p, n, "FORM")) {
            return iff(b, p, n);
        }
        if (startsWith(b, p, n, "fLaC")) {
            return AudioContainer.FLAC;
        }
        if (startsWith(b, p, n, "OggS")) {
            return ogg(b, p, n);
        }
        int tag = id3TagLength(b, p, n);
        if (tag >= 0) {
            return afterId3(b, p + tag, n);
        }
        if (n - p >= 8 && startsWith(b, p + 4, n, "ftyp")) {
            throw unsupported(mp4(b, p, n));
        }
        Optional<String> other = otherMagic(b, p, n);
        if (other.isPresent()) {
            throw unsupported(other.get());
        }
        return mpegOrText(b, p, n, 2);
    }

    private static UnsupportedFormatException unsupported(String detected) {
        return new UnsupportedFormatException(detected);
    }

    // ---------------------------------------------------------------- containers with a four-byte id

    private static AudioContainer riff(byte[] b, int p, int n) throws AudioDecodeException {
        if (n - p < 12) {
            return AudioContainer.WAV; // too short to say more: the WAV reader reports the truncation
        }
        String type = ascii(b, p + 8, 4);
        switch (type) {
            case "WAVE":
                return AudioContainer.WAV;
            case "AVI ":
                throw unsupported("AVI video");
            case "WEBP":
                throw unsupported("WebP image");
            case "RMID":
                throw unsupported("RIFF MIDI sequence (notes, not recorded audio)");
            case "CDXA":
                throw unsupported("Video CD (CDXA) video");
            default:
                throw unsupported("RIFF container of type '" + ChunkReader.printable(type) + "' (not WAVE audio)");
        }
    }

    private static AudioContainer iff(byte[] b, int p, int n) throws AudioDecodeException {
        if (n - p < 12) {
            return AudioContainer.AIFF; // too short to say more: the AIFF reader reports the truncation
        }
        String type = ascii(b, p + 8, 4);
        if (type.equals("AIFF") || type.equals("AIFC")) {
            return AudioContainer.AIFF;
        }
        if (type.equals("8SVX")) {
            throw unsupported("Amiga 8SVX audio");
        }
        throw unsupported("IFF container of type '" + ChunkReader.printable(type) + "' (not AIFF audio)");
    }

    private static AudioContainer ogg(byte[] b, int p, int n) throws AudioDecodeException {
        int segments = p + 26 < n ? b[p + 26] & 0xFF : -1;
        int packet = p + 27 + segments;
        if (segments < 0 || packet + 8 > n) {
            throw new AudioDecodeException(Problem.TRUNCATED,
                    "Ogg file is truncated: it ends inside its first page, before the codec can be identified");
        }
        if (startsWith(b, packet, n, "\u0001vorbis")) {
            return AudioContainer.OGG_VORBIS;
        }
        if (startsWith(b, packet, n, "OpusHead")) {
            return AudioContainer.OGG_OPUS;
        }
        String[][] known = {
            {"\u007fFLAC", "FLAC in an Ogg container (Ogg FLAC)"},
            {"Speex   ", "Ogg Speex audio"},
            {"\u0080theora", "Ogg Theora video"},
            {"fishead\u0000", "Ogg with a Skeleton track (usually video)"},
            {"\u0001video", "Ogg (OGM) video"},
            {"BBCD\u0000", "Ogg Dirac video"},
            {"\u0080kate", "Ogg Kate subtitles"},
            {"CELT    ", "Ogg CELT audio"},
            {"PCM     ", "Ogg PCM audio"},
        };
        for (String[] k : known) {
            if (startsWith(b, packet, n, k[0])) {
                throw unsupported(k[1]);
            }
        }
        throw unsupported("Ogg container with an unrecognised codec");
    }

    /** MP4 family: the ftyp brands, then the track handlers if the moov box is within reach. */
    private static String mp4(byte[] b, int p, int n) {
        long boxSize = u32be(b, p);
        int end = (int) Math.min(n, p + Math.max(boxSize, 16));
        boolean audioBrand = false;
        String major = ascii(b, p + 8, Math.min(4, n - p - 8));
        for (int q = p + 8; q + 4 <= end; q += 4) {
            if (q == p + 12) {
                continue; // minor version, not a brand
            }
            String brand = ascii(b, q, 4);
            audioBrand |= brand.equals("M4A ") || brand.equals("M4B ") || brand.equals("M4P ")
                    || brand.equals("F4A ") || brand.equals("F4B ");
        }
        if (audioBrand) {
            return "MP4/M4A (AAC) audio";
        }
        if (major.startsWith("3g")) {
            return "3GPP mobile media (MP4 family)";
        }
        if (major.equals("heic") || major.equals("heix") || major.equals("mif1") || major.equals("msf1")
                || major.equals("avif")) {
            return "HEIF/AVIF image";
        }
        if (major.equals("jp2 ")) {
            return "JPEG 2000 image";
        }
        if (major.equals("crx ")) {
            return "Canon raw image";
        }
        boolean video = false;
        boolean sound = false;
        for (int q = indexOf(b, p, n, "hdlr"); q >= 0; q = indexOf(b, q + 4, n, "hdlr")) {
            if (q + 16 <= n) {
                String handler = ascii(b, q + 12, 4);
                video |= handler.equals("vide");
                sound |= handler.equals("soun");
            }
        }
        if (!video && sound) {
            return "MP4/M4A (AAC) audio";
        }
        if (major.equals("qt  ")) {
            return "QuickTime (MOV) video";
        }
        return "MP4/QuickTime video";
    }

    /** Signatures of the formats people mistake for audio files, or send by accident. */
    private static Optional<String> otherMagic(byte[] b, int p, int n) {
        if (startsWith(b, p, n, "\u001AE\u00DF\u00A3")) {
            int docType = indexOf(b, p, Math.min(n, p + 64), "\u0042\u0082");
            boolean webm = docType >= 0 && indexOf(b, docType, Math.min(n, docType + 8), "webm") >= 0;
            return Optional.of(webm ? "WebM media (Matroska)" : "Matroska (MKV/MKA) media");
        }
        String[][] magic = {
            {"caff", "Core Audio Format (CAF) audio"},
            {".snd", "Sun/NeXT AU audio"},
            {"0&\u00B2u\u008Ef\u00CF\u0011", "Windows Media (WMA/WMV, ASF container)"},
            {"#!AMR-WB\n", "AMR-WB speech audio"},
            {"#!AMR\n", "AMR speech audio"},
            {"MThd", "MIDI sequence (notes, not recorded audio)"},
            {"\u0089PNG\r\n\u001A\n", "PNG image"},
            {"\u00FF\u00D8\u00FF", "JPEG image"},
            {"GIF87a", "GIF image"},
            {"GIF89a", "GIF image"},
            {"II*\u0000", "TIFF image"},
            {"MM\u0000*", "TIFF image"},
            {"%PDF-", "PDF document"},
            {"PK\u0003\u0004", "ZIP archive"},
            {"PK\u0005\u0006", "ZIP archive"},
            {"PK\u0007\u0008", "ZIP archive"},
            {"\u001F\u008B", "gzip-compressed data"},
            {"BZh", "bzip2-compressed data"},
            {"\u00FD7zXZ\u0000", "xz-compressed data"},
            {"7z\u00BC\u00AF\u0027\u001C", "7-Zip archive"},
            {"Rar!\u001A\u0007", "RAR archive"},
            {"\u007FELF", "ELF executable"},
            {"\u00CA\u00FE\u00BA\u00BE", "Java class file"},
            {"FLV\u0001", "Flash video (FLV)"},
            {"\u0000\u0000\u0001\u00BA", "MPEG program stream video"},
            {"MAC ", "Monkey's Audio (APE)"},
            {"wvpk", "WavPack audio"},
            {"TTA1", "TTA (True Audio) audio"},
            {"MPCK", "Musepack audio"},
            {"DSD ", "DSF (DSD) audio"},
            {"FRM8", "DSDIFF (DSD) audio"},
        };
        for (String[] m : magic) {
            if (startsWith(b, p, n, m[0])) {
                return Optional.of(m[1]);
            }
        }
        if (n - p > 188 && b[p] == 0x47 && b[p + 188] == 0x47) {
            return Optional.of("MPEG transport stream video");
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- ID3v2 and MPEG audio

    /** Total length of an ID3v2 tag starting at {@code p} (header, body, footer), or -1 when there is none. */
    private static int id3TagLength(byte[] b, int p, int n) {
        if (n - p < ID3_HEADER || !startsWith(b, p, n, "ID3")) {
            return -1;
        }
        int major = b[p + 3] & 0xFF;
        if (major < 2 || major > 4 || (b[p + 4] & 0xFF) == 0xFF) {
            return -1;
        }
        int size = 0;
        for (int i = 6; i < 10; i++) {
            int v = b[p + i] & 0xFF;
            if (v >= 0x80) {
                return -1; // sizes are sync-safe: 7 bits per byte
            }
            size = (size << 7) | v;
        }
        boolean footer = (b[p + 5] & 0x10) != 0;
        return ID3_HEADER + size + (footer ? ID3_HEADER : 0);
    }

    private static AudioContainer afterId3(byte[] b, int p, int n) throws AudioDecodeException {
        int q = skipZeros(b, p, n);
        if (q >= n) {
            throw unsupported("an ID3v2 tag with no audio after it");
        }
        if (startsWith(b, q, n, "fLaC")) {
            return AudioContainer.FLAC;
        }
        if (mpegHeader(b, q, n) != NO_HEADER || adtsHeader(b, q, n)) {
            // The tag already says "audio file": one valid header (two when they are in reach) is enough.
            return mpegOrText(b, q, n, 1);
        }
        return classifyAt(b, q, n);
    }

    /**
     * MP3 when {@code required} consecutive Layer III frames start at {@code p} (after leading zero bytes);
     * otherwise names the content (MP1/MP2, ADTS AAC, text, unknown binary data).
     */
    private static AudioContainer mpegOrText(byte[] b, int p, int n, int required) throws AudioDecodeException {
        int q = skipZeros(b, p, n);
        Layer layer = consecutiveMpegFrames(b, q, n, required);
        if (layer == Layer.III) {
            return AudioContainer.MP3;
        }
        if (layer == Layer.I_OR_II) {
            throw unsupported("MPEG audio Layer I/II (MP1/MP2)");
        }
        if (adts(b, q, n)) {
            throw unsupported("ADTS AAC audio");
        }
        throw unsupported(text(b, p, n));
    }

    /** What a run of MPEG audio frame headers turned out to be. */
    private enum Layer { NONE, III, I_OR_II }

    private static final int[][] BITRATES_KBPS = {
        // MPEG-1 Layer I, II, III
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
        // MPEG-2/2.5 Layer I, then II and III
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
    };
    private static final int[][] SAMPLE_RATES = {
        {11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000}, {44100, 48000, 32000}};

    /**
     * Checks for {@code required} consecutive MPEG audio frames at {@code p} with the same version, layer and
     * sample rate (and one more when the bytes reach it). When the bytes end before the required frames, a
     * header ending exactly at the end of the content counts as complete.
     */
    private static Layer consecutiveMpegFrames(byte[] b, int p, int n, int required) {
        int first = mpegHeader(b, p, n);
        if (first == NO_HEADER) {
            return Layer.NONE;
        }
        int q = p;
        int header = first;
        for (int seen = 1; ; seen++) {
            q += frameLength(header);
            if (q + 4 > n) {
                if (seen >= required || q == n) {
                    break;
                }
                return Layer.NONE;
            }
            int next = mpegHeader(b, q, n);
            // Version, layer and sample-rate bits must stay the same from frame to frame.
            if (next == NO_HEADER || (next & 0xFFFE0C00) != (first & 0xFFFE0C00)) {
                return Layer.NONE;
            }
            if (seen >= required) {
                break;
            }
            header = next;
        }
        return ((first >>> 17) & 3) == 1 ? Layer.III : Layer.I_OR_II;
    }

    /** What {@link #mpegHeader} returns for no header: 0 has no sync bits, unlike every valid header. */
    private static final int NO_HEADER = 0;

    /** The 32-bit MPEG audio frame header at {@code p}, or {@link #NO_HEADER} when it is not a valid one. */
    private static int mpegHeader(byte[] b, int p, int n) {
        if (p + 4 > n) {
            return NO_HEADER;
        }
        int h = (int) u32be(b, p);
        int version = (h >>> 19) & 3;
        int layer = (h >>> 17) & 3;
        int bitrate = (h >>> 12) & 0xF;
        int rate = (h >>> 10) & 3;
        if ((h >>> 21) != 0x7FF || version == 1 || layer == 0 || bitrate == 0 || bitrate == 15 || rate == 3
                || (h & 3) == 2) {
            return NO_HEADER;
        }
        return h;
    }

    private static int frameLength(int h) {
        int version = (h >>> 19) & 3;
        int layer = 4 - ((h >>> 17) & 3);
        int padding = (h >>> 9) & 1;
        int sampleRate = SAMPLE_RATES[version][(h >>> 10) & 3];
        boolean mpeg1 = version == 3;
        int table = mpeg1 ? layer - 1 : (layer == 1 ? 3 : 4);
        int bitrate = BITRATES_KBPS[table][(h >>> 12) & 0xF] * 1000;
        if (layer == 1) {
            return (12 * bitrate / sampleRate + padding) * 4;
        }
        int samplesPerFrameOver8 = (layer == 3 && !mpeg1) ? 72 : 144;
        return samplesPerFrameOver8 * bitrate / sampleRate + padding;
    }

    /** An ADTS AAC frame header at {@code p} whose length leads to a second one (or to the end of the bytes). */
    private static boolean adts(byte[] b, int p, int n) {
        if (!adtsHeader(b, p, n)) {
            return false;
        }
        int length = adtsLength(b, p);
        return p + length + 2 > n || adtsHeader(b, p + length, n);
    }

    private static boolean adtsHeader(byte[] b, int p, int n) {
        return p + 7 <= n && (b[p] & 0xFF) == 0xFF && (b[p + 1] & 0xF6) == 0xF0
                && ((b[p + 2] >>> 2) & 0xF) < 13 && adtsLength(b, p) >= 7;
    }

    private static int adtsLength(byte[] b, int p) {
        return ((b[p + 3] & 0x03) << 11) | ((b[p + 4] & 0xFF) << 3) | ((b[p + 5] & 0xFF) >>> 5);
    }

    // ---------------------------------------------------------------- text

    /** Names text content (HTML, XML, JSON, plain), or "unknown binary data". */
    private static String text(byte[] b, int p, int n) {
        if (startsWith(b, p, n, "\u00FF\u00FE") || startsWith(b, p, n, "\u00FE\u00FF")) {
            return "UTF-16 text";
        }
        int start = startsWith(b, p, n, "\u00EF\u00BB\u00BF") ? p + 3 : p;
        if (!printableUtf8(b, start, n)) {
            return "unknown binary data";
        }
        String s = new String(b, start, Math.min(n - start, 512), StandardCharsets.UTF_8).strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<?xml")) {
            return lower.contains("<svg") ? "SVG image (XML)" : "XML document";
        }
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            return "HTML document";
        }
        if (lower.startsWith("<svg")) {
            return "SVG image (XML)";
        }
        if (lower.startsWith("<")) {
            return "HTML/XML markup";
        }
        if (s.matches("(?s)\\{\\s*(\"|\\}).*") || s.matches("(?s)\\[\\s*([\\[{\"\\-0-9]|true|false|null|\\]).*")) {
            return "JSON document";
        }
        return "plain text";
    }

    /** Whether the bytes are valid UTF-8 of printable characters and ordinary whitespace. */
    private static boolean printableUtf8(byte[] b, int p, int n) {
        if (p >= n) {
            return false;
        }
        int i = p;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F) {
                    return false;
                }
                i++;
                continue;
            }
            int extra = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c < 0xE0 ? 1 : -1;
            if (extra < 0 || c > 0xF4) {
                return false;
            }
            if (i + extra >= n) {
                return true; // a sequence cut by the end of the sniffed bytes
            }
            int cp = c & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp >= 0x80 && cp < 0xA0) {
                return false; // C1 control characters do not occur in text
            }
            i += extra + 1;
        }
        return true;
    }

    // ---------------------------------------------------------------- bytes

    private static boolean startsWith(byte[] b, int p, int n, String latin1) {
        if (p < 0 || n - p < latin1.length()) {
            return false;
        }
        for (int i = 0; i < latin1.length(); i++) {
            if ((b[p + i] & 0xFF) != latin1.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int from, int n, String latin1) {
        for (int q = from; q + latin1.length() <= n; q++) {
            if (startsWith(b, q, n, latin1)) {
                return q;
            }
        }
        return -1;
    }

    private static int skipZeros(byte[] b, int p, int n) {
        int q = p;
        while (q < n && b[q] == 0) {
            q++;
        }
        return q;
    }

    private static String ascii(byte[] b, int p, int length) {
        return new String(b, p, Math.max(length, 0), StandardCharsets.ISO_8859_1);
    }

    private static long u32be(byte[] b, int p) {
        return ((b[p] & 0xFFL) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }
}
