package org.ser4j.audio;

import java.util.Optional;

/**
 * The tag frame encoders put first in an MP3 file: a frame of silence whose payload says how many frames
 * and bytes follow (Xing for VBR, Info for CBR, or Fraunhofer's VBRI) and, in LAME's extension, how many
 * samples of encoder delay and padding to trim for gapless output.
 *
 * @param kind          which tag it is
 * @param frames        audio frames after this one, or -1 when the tag does not say
 * @param bytes         bytes of audio, or -1 when the tag does not say
 * @param encoderDelay  samples the encoder added at the start (LAME tag), or -1 without a LAME tag
 * @param padding       samples the encoder added at the end (LAME tag), or -1 without a LAME tag
 */
record XingHeader(Kind kind, long frames, long bytes, int encoderDelay, int padding) {

    /** The tag variants. */
    enum Kind {
        /** "Xing": variable bit rate. */
        XING,
        /** "Info": the same layout, written by LAME for constant bit rate files. */
        INFO,
        /** Fraunhofer's "VBRI": variable bit rate, no gapless information here. */
        VBRI
    }

    private static final int FLAG_FRAMES = 1;
    private static final int FLAG_BYTES = 2;
    private static final int FLAG_TOC = 4;
    private static final int FLAG_QUALITY = 8;
    private static final int TOC_SIZE = 100;
    /** Offset of the 12+12-bit delay/padding field from the start of the LAME version string. */
    private static final int LAME_DELAY_OFFSET = 21;
    private static final int VBRI_OFFSET = 4 + 32;

    /** Whether the tag carries the encoder delay and padding. */
    boolean gapless() {
        return encoderDelay >= 0;
    }

    /** Reads the tag from the first frame of a file, if it is a tag frame. */
    static Optional<XingHeader> parse(Mp3FrameReader.Frame frame) {
        Mp3FrameHeader h = frame.header();
        if (h.layer() != 3) {
            return Optional.empty();
        }
        byte[] d = frame.data();
        // ffmpeg looks right after the side information; with a CRC the tag sits two bytes later.
        int plain = Mp3FrameHeader.SIZE + h.sideInfoSize();
        Optional<XingHeader> xing = parseXing(d, plain);
        if (xing.isEmpty() && h.crcProtected()) {
            xing = parseXing(d, plain + 2);
        }
        return xing.isPresent() ? xing : parseVbri(d);
    }

    private static Optional<XingHeader> parseXing(byte[] d, int at) {
        Kind kind;
        if (matches(d, at, "Xing")) {
            kind = Kind.XING;
        } else if (matches(d, at, "Info")) {
            kind = Kind.INFO;
        } else {
            return Optional.empty();
        }
        int p = at + 4;
        if (p + 4 > d.length) {
            return Optional.empty();
        }
        int flags = (int) be(d, p, 4);
        p += 4;
        long frames = -1;
        long bytes = -1;
        if ((flags & FLAG_FRAMES) != 0 && p + 4 <= d.length) {
            frames = be(d, p, 4);
            p += 4;
        }
        if ((flags & FLAG_BYTES) != 0 && p + 4 <= d.length) {
            bytes = be(d, p, 4);
            p += 4;
        }
        if ((flags & FLAG_TOC) != 0) {
            p += TOC_SIZE;
        }
        if ((flags & FLAG_QUALITY) != 0) {
            p += 4;
        }
        int delay = -1;
        int padding = -1;
        // ffmpeg trusts the delay field for LAME and for its own encoders (Lavf/Lavc); so do we.
        if ((matches(d, p, "LAME") || matches(d, p, "Lavf") || matches(d, p, "Lavc"))
                && p + LAME_DELAY_OFFSET + 3 <= d.length) {
            int v = (int) be(d, p + LAME_DELAY_OFFSET, 3);
            delay = v >>> 12;
            padding = v & 0xfff;
        }
        return Optional.of(new XingHeader(kind, frames, bytes, delay, padding));
    }

    private static Optional<XingHeader> parseVbri(byte[] d) {
        int p = VBRI_OFFSET;
        if (!matches(d, p, "VBRI") || p + 18 > d.length) {
            return Optional.empty();
        }
        // "VBRI", version(2), delay(2), quality(2), bytes(4), frames(4)
        return Optional.of(new XingHeader(Kind.VBRI, be(d, p + 14, 4), be(d, p + 10, 4), -1, -1));
    }

    private static boolean matches(byte[] d, int at, String ascii) {
        if (at < 0 || at + ascii.length() > d.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (d[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long be(byte[] d, int at, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (d[at + i] & 0xff);
        }
        return v;
    }
}
