package org.ser4j.audio;

/**
 * The 32-bit header that starts every MPEG audio frame, decoded.
 *
 * @param version         MPEG version
 * @param layer           1, 2 or 3
 * @param crcProtected    whether a 16-bit CRC follows the header
 * @param bitrateKbps     the frame's bit rate (free format, index 0, is not accepted)
 * @param sampleRate      samples per second
 * @param padded          whether the frame carries one padding byte
 * @param mono            single-channel mode (all other modes are two channels)
 * @param frameLength     bytes in the frame, header included
 * @param samplesPerFrame PCM frames one frame decodes to
 */
record Mp3FrameHeader(Version version, int layer, boolean crcProtected, int bitrateKbps, int sampleRate,
                      boolean padded, boolean mono, int frameLength, int samplesPerFrame) {

    /** MPEG audio versions; 2.5 is the unofficial low-rate extension every decoder supports. */
    enum Version {
        MPEG_1("MPEG-1"), MPEG_2("MPEG-2"), MPEG_2_5("MPEG-2.5");

        private final String displayName;

        Version(String displayName) {
            this.displayName = displayName;
        }

        String displayName() {
            return displayName;
        }
    }

    private static final int[][] BITRATES = {
        // MPEG-1 Layer I, II, III
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
        // MPEG-2/2.5 Layer I, then II and III
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
    };
    private static final int[] MPEG1_RATES = {44100, 48000, 32000};

    /** Frame headers are 4 bytes. */
    static final int SIZE = 4;

    /**
     * Whether {@code h} is a plausible Layer I/II/III header: sync bits, no reserved version, layer,
     * sample-rate index or emphasis, and not free format or the invalid bit-rate index 15.
     */
    static boolean isValid(int h) {
        return (h >>> 21) == 0x7ff
                && ((h >>> 19) & 3) != 1
                && ((h >>> 17) & 3) != 0
                && ((h >>> 12) & 15) != 0 && ((h >>> 12) & 15) != 15
                && ((h >>> 10) & 3) != 3
                && (h & 3) != 2;
    }

    /** Parses a header that passed {@link #isValid(int)}. */
    static Mp3FrameHeader parse(int h) {
        if (!isValid(h)) {
            throw new IllegalArgumentException("not a valid MPEG audio frame header: " + Integer.toHexString(h));
        }
        Version version = switch ((h >>> 19) & 3) {
            case 3 -> Version.MPEG_1;
            case 2 -> Version.MPEG_2;
            default -> Version.MPEG_2_5;
        };
        int layer = 4 - ((h >>> 17) & 3);
        int table = version == Version.MPEG_1 ? layer - 1 : (layer == 1 ? 3 : 4);
        int kbps = BITRATES[table][(h >>> 12) & 15];
        int rate = MPEG1_RATES[(h >>> 10) & 3] >> (version == Version.MPEG_1 ? 0 : version == Version.MPEG_2 ? 1 : 2);
        boolean padded = ((h >>> 9) & 1) != 0;
        int pad = padded ? 1 : 0;
        boolean lsf = version != Version.MPEG_1;
        int length;
        int spf;
        if (layer == 1) {
            length = (12000 * kbps / rate + pad) * 4;
            spf = 384;
        } else if (layer == 2) {
            length = 144000 * kbps / rate + pad;
            spf = 1152;
        } else {
            length = (lsf ? 72000 : 144000) * kbps / rate + pad;
            spf = lsf ? 576 : 1152;
        }
        return new Mp3FrameHeader(version, layer, ((h >>> 16) & 1) == 0, kbps, rate, padded,
                ((h >>> 6) & 3) == 3, length, spf);
    }

    /** Channels the frame decodes to. */
    int channels() {
        return mono ? 1 : 2;
    }

    /**
     * Whether another frame can belong to the same stream: the same version, layer, rate and channel count
     * (bit rate and padding vary freely). Used to reject false syncs in junk.
     */
    boolean sameStreamAs(Mp3FrameHeader other) {
        return version == other.version && layer == other.layer && sampleRate == other.sampleRate
                && mono == other.mono;
    }

    /** Bytes of Layer III side information after the header (and CRC): where a Xing tag starts. */
    int sideInfoSize() {
        if (version == Version.MPEG_1) {
            return mono ? 17 : 32;
        }
        return mono ? 9 : 17;
    }
}
