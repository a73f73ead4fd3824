package org.ser4j.audio;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;

/**
 * Reads the packets of one logical stream from an Ogg file, page by page, shared by the Vorbis and Opus
 * decoders.
 *
 * <p>The stream is the first one whose beginning-of-stream page starts with the codec's magic (so a Skeleton
 * or other stream multiplexed in front is ignored, as are pages of other streams later on). Reading stops at
 * that stream's end-of-stream page: further links of a chained file are not read.
 *
 * <p>Every page is checked strictly: capture pattern, version, CRC-32 and page sequence. Ogg has no junk
 * between pages in practice, so anything that fails is {@link Problem#MALFORMED} rather than skipped; data
 * that ends inside a page, or inside a packet continued on a page that never comes, is
 * {@link Problem#TRUNCATED}. A stream that ends on a page boundary without its end-of-stream page simply
 * ends there (no end trimming is possible then).
 */
final class OggPacketReader {

    /**
     * One packet.
     *
     * @param data          the packet bytes
     * @param granule       the granule position of the page on which the packet ends (codec-defined: PCM
     *                      frames at the end of that page's last packet), or -1 when that page has none
     * @param endOfStream   whether that page is the stream's last
     */
    record Packet(byte[] data, long granule, boolean endOfStream) {
    }

    private static final int HEADER_SIZE = 27;
    private static final int FLAG_CONTINUED = 0x01;
    private static final int FLAG_BOS = 0x02;
    private static final int FLAG_EOS = 0x04;
    /** Far above any real packet (headers with cover art are the largest); guards memory against junk. */
    private static final int MAX_PACKET = 16 << 20;
    private static final int[] CRC_TABLE = crcTable();

    private final InputStream in;
    private final String codec;
    private final byte[] header = new byte[HEADER_SIZE];
    private final byte[] lacing = new byte[255];
    private final ArrayDeque<Packet> ready = new ArrayDeque<>();
    private byte[] body = new byte[65025];
    private byte[] partial = new byte[4096];
    private int partialLength;
    private boolean inPacket;
    private int serial;
    private long expectedSequence;
    private boolean ended;
    private long pages;
    private long offset;
    private long pageStart;

    /**
     * Finds the stream whose first packet starts with {@code magic}.
     *
     * @param codec a name for messages ("Opus", "Vorbis")
     * @throws AudioDecodeException {@link Problem#MALFORMED} when the file does not start with a valid Ogg
     *         page or has no such stream
     */
    OggPacketReader(InputStream in, byte[] magic, String codec) throws IOException, AudioDecodeException {
        this.in = in;
        this.codec = codec;
        while (true) {
            if (!readPage()) {
                throw new AudioDecodeException(pages == 0 ? Problem.EMPTY : Problem.MALFORMED,
                        pages == 0 ? "Ogg file is empty" : "Ogg file has no " + codec + " stream");
            }
            int flags = header[5] & 0xff;
            if ((flags & FLAG_BOS) == 0) {
                throw new AudioDecodeException(Problem.MALFORMED, "Ogg file has no " + codec
                        + " stream among its first " + (pages - 1) + " streams");
            }
            int bodyLength = bodyLength();
            if (bodyLength >= magic.length && Arrays.equals(body, 0, magic.length, magic, 0, magic.length)) {
                serial = le32(header, 14);
                expectedSequence = le32(header, 18) & 0xffffffffL;
                addPackets();
                return;
            }
        }
    }

    /** The next packet, or empty after the end-of-stream page or at the end of the data. */
    Optional<Packet> next() throws IOException, AudioDecodeException {
        while (ready.isEmpty()) {
            if (ended) {
                return Optional.empty();
            }
            if (!readPage()) {
                if (inPacket) {
                    throw new AudioDecodeException(Problem.TRUNCATED, "Ogg " + codec
                            + " data ends inside a packet continued on a page that is missing");
                }
                ended = true;
                return Optional.empty();
            }
            if (le32(header, 14) != serial) {
                continue; // another logical stream
            }
            if ((le32(header, 18) & 0xffffffffL) != expectedSequence) {
                throw new AudioDecodeException(Problem.MALFORMED, "Ogg " + codec + " page " + expectedSequence
                        + " is missing (found page " + Integer.toUnsignedString(le32(header, 18)) + " at byte "
                        + pageStart + ")");
            }
            addPackets();
        }
        return Optional.of(ready.poll());
    }

    /** Splits the current page into packets, joining one continued from the previous page. */
    private void addPackets() throws AudioDecodeException {
        expectedSequence = (expectedSequence + 1) & 0xffffffffL;
        int flags = header[5] & 0xff;
        boolean continued = (flags & FLAG_CONTINUED) != 0;
        if (continued != inPacket) {
            throw new AudioDecodeException(Problem.MALFORMED, "Ogg " + codec + " page " + (expectedSequence - 1)
                    + (continued ? " continues a packet that was never started" : " drops an unfinished packet"));
        }
        long granule = le64(header, 6);
        boolean eos = (flags & FLAG_EOS) != 0;
        int segments = header[26] & 0xff;
        int p = 0;
        for (int s = 0; s < segments; s++) {
            int len = lacing[s] & 0xff;
            append(p, len);
            p += len;
            inPacket = len == 255;
            if (!inPacket) {
                ready.add(new Packet(Arrays.copyOf(partial, partialLength), -1, false));
                partialLength = 0;
            }
        }
        // The granule and end flag belong to the last packet completed on this page.
        if (!ready.isEmpty()) {
            Packet last = ready.pollLast();
            ready.addLast(new Packet(last.data(), granule, eos));
        }
        if (eos) {
            ended = true;
            if (inPacket) {
                throw new AudioDecodeException(Problem.MALFORMED, "Ogg " + codec
                        + " end-of-stream page ends inside a packet");
            }
        }
    }

    private void append(int from, int len) throws AudioDecodeException {
        if (partialLength + len > MAX_PACKET) {
            throw new AudioDecodeException(Problem.MALFORMED, "Ogg " + codec + " packet is larger than "
                    + MAX_PACKET + " bytes");
        }
        if (partialLength + len > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(partialLength + len, partial.length * 2));
        }
        System.arraycopy(body, from, partial, partialLength, len);
        partialLength += len;
    }

    /** Reads one page into header/lacing/body; false at a clean end of data (no byte of a new page). */
    private boolean readPage() throws IOException, AudioDecodeException {
        long start = offset;
        pageStart = start;
        int got = readFully(header, 0, HEADER_SIZE);
        if (got == 0) {
            return false;
        }
        if (got < HEADER_SIZE && !startsWithCapture(got)) {
            throw notAPage(start);
        }
        if (got < HEADER_SIZE) {
            throw truncated(start);
        }
        if (!startsWithCapture(4)) {
            throw notAPage(start);
        }
        if (header[4] != 0) {
            throw new AudioDecodeException(Problem.MALFORMED, "Ogg page at byte " + start + " has version "
                    + (header[4] & 0xff) + "; only version 0 exists");
        }
        int segments = header[26] & 0xff;
        if (readFully(lacing, 0, segments) < segments) {
            throw truncated(start);
        }
        int length = bodyLength();
        if (readFully(body, 0, length) < length) {
            throw truncated(start);
        }
        int stored = le32(header, 22);
        header[22] = header[23] = header[24] = header[25] = 0;
        int crc = crc(0, header, HEADER_SIZE);
        crc = crc(crc, lacing, segments);
        crc = crc(crc, body, length);
        if (crc != stored) {
            throw new AudioDecodeException(Problem.MALFORMED, "Ogg page " + pages + " at byte " + start
                    + " fails its CRC check (damaged data)");
        }
        pages++;
        return true;
    }

    private int bodyLength() {
        int segments = header[26] & 0xff;
        int length = 0;
        for (int i = 0; i < segments; i++) {
            length += lacing[i] & 0xff;
        }
        return length;
    }

    private boolean startsWithCapture(int got) {
        byte[] capture = {'O', 'g', 'g', 'S'};
        for (int i = 0; i < Math.min(got, 4); i++) {
            if (header[i] != capture[i]) {
                return false;
            }
        }
        return true;
    }

    private AudioDecodeException notAPage(long at) {
        return new AudioDecodeException(Problem.MALFORMED, "expected an Ogg page (\"OggS\") at byte " + at
                + ", found other data");
    }

    private AudioDecodeException truncated(long at) {
        return new AudioDecodeException(Problem.TRUNCATED, "Ogg " + codec + " data ends inside the page at byte "
                + at);
    }

    private int readFully(byte[] dst, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int r = in.read(dst, off + total, len - total);
            if (r < 0) {
                break;
            }
            total += r;
        }
        offset += total;
        return total;
    }

    private static int le32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static long le64(byte[] b, int at) {
        return (le32(b, at) & 0xffffffffL) | ((long) le32(b, at + 4) << 32);
    }

    /**
     * The checksum a page's bytes ({@code page[from]} is its "OggS") should carry in bytes 22..25, computed
     * with those four bytes as zero: for tests that edit a page and must re-seal it.
     */
    static int pageChecksum(byte[] page, int from, int length) {
        byte[] copy = Arrays.copyOfRange(page, from, from + length);
        copy[22] = copy[23] = copy[24] = copy[25] = 0;
        return crc(0, copy, copy.length);
    }

    /** Ogg's CRC-32: polynomial 0x04c11db7, not reflected, initial value 0, no final xor. */
    private static int crc(int crc, byte[] data, int len) {
        for (int i = 0; i < len; i++) {
            crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ data[i]) & 0xff];
        }
        return crc;
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int k = 0; k < 8; k++) {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04c11db7 : r << 1;
            }
            table[i] = r;
        }
        return table;
    }
}
