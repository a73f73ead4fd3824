package org.ser4j.audio;

import java.io.EOFException;
import java.io.IOException;

/**
 * Skips ID3v2 tags at the start of a file. MP3 files nearly always begin with one, and some taggers put
 * one before a FLAC stream's {@code fLaC} too; the tag's content (title, cover art) is of no use here.
 */
final class Id3v2 {

    private static final int HEADER_SIZE = 10;
    private static final int FOOTER_FLAG = 0x10;

    private Id3v2() {
    }

    /**
     * Consumes every ID3v2 tag at the current position (several may be stacked).
     *
     * @return whether at least one tag was skipped
     * @throws EOFException when a tag claims more bytes than the stream holds
     */
    static boolean skipTags(LookaheadInputStream in) throws IOException {
        boolean skipped = false;
        while (in.ensure(HEADER_SIZE) >= HEADER_SIZE && isHeader(in)) {
            long size = syncsafe(in.peek(6), in.peek(7), in.peek(8), in.peek(9));
            boolean footer = (in.peek(5) & FOOTER_FLAG) != 0;
            in.skipExactly(HEADER_SIZE + size + (footer ? HEADER_SIZE : 0));
            skipped = true;
        }
        return skipped;
    }

    private static boolean isHeader(LookaheadInputStream in) {
        // "ID3", a major version byte and a revision byte that are never 0xFF, syncsafe size bytes < 0x80.
        return in.peek(0) == 'I' && in.peek(1) == 'D' && in.peek(2) == '3'
                && in.peek(3) != 0xff && in.peek(4) != 0xff
                && in.peek(6) < 0x80 && in.peek(7) < 0x80 && in.peek(8) < 0x80 && in.peek(9) < 0x80;
    }

    private static long syncsafe(int b0, int b1, int b2, int b3) {
        return ((long) b0 << 21) | (b1 << 14) | (b2 << 7) | b3;
    }
}
