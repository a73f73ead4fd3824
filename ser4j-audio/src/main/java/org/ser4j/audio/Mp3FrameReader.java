package org.ser4j.audio;

import java.io.IOException;
import java.util.Optional;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;

/**
 * Splits an MP3 file into whole frames: skips leading ID3v2 tags, finds the first frame, steps over junk
 * between frames and stops at trailing ID3v1/APE/Lyrics tags.
 *
 * <p>A frame found by scanning (at the start, or after junk) is only believed when the next frame header,
 * where its length says it ends, is valid and of the same stream, or the data ends exactly there: random
 * bytes pass the 11 sync bits far too often to trust one header. Scanning always consumes input, and gives up
 * after {@link #MAX_SCAN} bytes, so garbage can neither hang the reader nor make it read without end.
 */
final class Mp3FrameReader {

    /** One whole frame: its header and its bytes (header included). */
    record Frame(Mp3FrameHeader header, byte[] data, long offset) {
    }

    /** The most bytes searched for a frame, at the start or after junk, before giving up. */
    static final int MAX_SCAN = 1 << 20;
    /** Larger than any Layer I-III frame (the largest, MPEG-2.5 Layer II at 160 kbps and 8 kHz, is 2881 bytes). */
    private static final int MAX_FRAME = 8192;

    private final LookaheadInputStream in;
    private final boolean skippedTag;
    private Mp3FrameHeader stream;
    private int frameCount;
    private long junkBytes;

    Mp3FrameReader(LookaheadInputStream in) throws IOException {
        this.in = in;
        boolean tag;
        try {
            tag = Id3v2.skipTags(in);
        } catch (java.io.EOFException e) {
            tag = true;
        }
        this.skippedTag = tag;
    }

    /** Whether the file began with an ID3v2 tag. */
    boolean skippedTag() {
        return skippedTag;
    }

    /** Bytes skipped as junk between frames so far. */
    long junkBytes() {
        return junkBytes;
    }

    /**
     * The next frame, or empty at the end of the audio (end of data, or a trailing tag).
     *
     * @throws AudioDecodeException {@link Problem#TRUNCATED} when the data ends inside a frame or its header,
     *         {@link Problem#MALFORMED} when no frame can be found within {@link #MAX_SCAN} bytes of junk
     */
    Optional<Frame> next() throws IOException, AudioDecodeException {
        if (stream != null) {
            int available = in.ensure(MAX_FRAME);
            if (available == 0 || isTrailingTag(available)) {
                return Optional.empty();
            }
            if (available < Mp3FrameHeader.SIZE) {
                if (looksLikeHeaderStart(available)) {
                    throw truncated("its header", available);
                }
                return Optional.empty();
            }
            int h = headerAt(0);
            if (Mp3FrameHeader.isValid(h) && Mp3FrameHeader.parse(h).sameStreamAs(stream)) {
                Mp3FrameHeader header = Mp3FrameHeader.parse(h);
                if (header.frameLength() > available) {
                    throw truncated("a " + header.frameLength() + "-byte frame", available);
                }
                return Optional.of(take(header));
            }
        }
        return scan();
    }

    /** Searches for a frame whose successor confirms it. */
    private Optional<Frame> scan() throws IOException, AudioDecodeException {
        long scanned = 0;
        while (scanned < MAX_SCAN) {
            int available = in.ensure(MAX_FRAME + Mp3FrameHeader.SIZE);
            if (available < Mp3FrameHeader.SIZE || (stream != null && isTrailingTag(available))) {
                junkBytes += stream != null && !isTrailingTag(available) ? scanned + available : scanned;
                in.skipExactly(available);
                return Optional.empty();
            }
            int h = headerAt(0);
            if (Mp3FrameHeader.isValid(h)) {
                Mp3FrameHeader header = Mp3FrameHeader.parse(h);
                if ((stream == null || header.sameStreamAs(stream)) && confirmed(header, available)) {
                    junkBytes += stream != null ? scanned : 0;
                    stream = stream == null ? header : stream;
                    return Optional.of(take(header));
                }
            }
            in.skipExactly(1);
            scanned++;
        }
        throw new AudioDecodeException(Problem.MALFORMED, frameCount == 0
                ? "no MPEG audio frame found in the first " + MAX_SCAN + " bytes"
                : "no MPEG audio frame found in " + MAX_SCAN + " bytes after frame " + frameCount
                        + " (byte " + in.position() + ")");
    }

    private boolean confirmed(Mp3FrameHeader header, int available) {
        int end = header.frameLength();
        if (end == available) {
            return true; // the data ends exactly with this frame
        }
        if (end + Mp3FrameHeader.SIZE > available) {
            return false;
        }
        int next = headerAt(end);
        return Mp3FrameHeader.isValid(next) && Mp3FrameHeader.parse(next).sameStreamAs(header);
    }

    private Frame take(Mp3FrameHeader header) throws IOException {
        byte[] data = new byte[header.frameLength()];
        long offset = in.position();
        in.peek(0, data, 0, data.length);
        in.skipExactly(data.length);
        frameCount++;
        return new Frame(header, data, offset);
    }

    private int headerAt(int offset) {
        return (in.peek(offset) << 24) | (in.peek(offset + 1) << 16) | (in.peek(offset + 2) << 8) | in.peek(offset + 3);
    }

    private boolean isTrailingTag(int available) {
        return startsWith("TAG", available) || startsWith("APETAGEX", available) || startsWith("LYRICSBEGIN", available);
    }

    private boolean startsWith(String ascii, int available) {
        if (available < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (in.peek(i) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean looksLikeHeaderStart(int available) {
        return in.peek(0) == 0xff && (available < 2 || (in.peek(1) & 0xe0) == 0xe0);
    }

    private AudioDecodeException truncated(String what, int available) {
        return new AudioDecodeException(Problem.TRUNCATED, "MP3 data ends inside " + what + " at byte "
                + in.position() + " (frame " + (frameCount + 1) + "), with only " + available + " bytes left");
    }

    /** For messages: the frames returned so far. */
    int frameCount() {
        return frameCount;
    }
}
