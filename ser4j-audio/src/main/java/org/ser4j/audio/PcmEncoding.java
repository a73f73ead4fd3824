package org.ser4j.audio;

/**
 * The uncompressed sample layouts WAV and AIFF store, with the conversion to float that libsndfile applies
 * when soundfile (and so librosa) reads them as float32: an n-byte integer is divided by 2^(8n-1), unsigned
 * 8-bit data is first shifted by 128, and float data is taken as is (64-bit narrowed to float). Every
 * divisor is a power of two, so each result is the exact float nearest the integer's ratio.
 *
 * <p>Integer samples whose valid bits are fewer than their container (12-bit in 2 bytes, 20-bit in 3) are
 * left-justified by both formats, so decoding the container width gives the same values as libsndfile.
 */
enum PcmEncoding {
    /** 8-bit offset binary (WAV 8-bit, AIFF-C 'raw '). */
    UNSIGNED_8(1, "PCM 8-bit unsigned integer"),
    /** 8-bit two's complement (AIFF 8-bit). */
    SIGNED_8(1, "PCM 8-bit signed integer"),
    INT_16(2, "PCM 16-bit integer"),
    INT_24(3, "PCM 24-bit integer"),
    INT_32(4, "PCM 32-bit integer"),
    FLOAT_32(4, "IEEE float 32-bit"),
    FLOAT_64(8, "IEEE float 64-bit");

    private static final float SCALE_8 = 1f / 0x80;
    private static final float SCALE_16 = 1f / 0x8000;
    private static final float SCALE_24 = 1f / 0x800000;
    private static final float SCALE_32 = 1f / 0x80000000L;

    private final int bytes;
    private final String description;

    PcmEncoding(int bytes, String description) {
        this.bytes = bytes;
        this.description = description;
    }

    /** Bytes one sample occupies. */
    int bytesPerSample() {
        return bytes;
    }

    /** The human description used as {@link org.ser4j.core.audio.AudioInfo#codec()}. */
    String description() {
        return description;
    }

    /** The two's-complement encoding whose container holds {@code bits}-bit samples (1 to 32; callers check). */
    static PcmEncoding signedIntegerForBits(int bits) {
        if (bits <= 8) {
            return SIGNED_8;
        } else if (bits <= 16) {
            return INT_16;
        } else if (bits <= 24) {
            return INT_24;
        }
        return INT_32;
    }

    /**
     * Converts {@code count} samples starting at {@code src[0]} into {@code dst[0 ..]}.
     *
     * @param bigEndian byte order of multi-byte samples
     */
    void decode(byte[] src, int count, boolean bigEndian, float[] dst) {
        switch (this) {
            case UNSIGNED_8 -> {
                for (int i = 0; i < count; i++) {
                    dst[i] = ((src[i] & 0xFF) - 128) * SCALE_8;
                }
            }
            case SIGNED_8 -> {
                for (int i = 0; i < count; i++) {
                    dst[i] = src[i] * SCALE_8;
                }
            }
            case INT_16 -> {
                int hi = bigEndian ? 0 : 1;
                int lo = 1 - hi;
                for (int i = 0, p = 0; i < count; i++, p += 2) {
                    dst[i] = (short) ((src[p + hi] << 8) | (src[p + lo] & 0xFF)) * SCALE_16;
                }
            }
            case INT_24 -> {
                int b2 = bigEndian ? 0 : 2;
                int b0 = 2 - b2;
                for (int i = 0, p = 0; i < count; i++, p += 3) {
                    int v = (src[p + b2] << 16) | ((src[p + 1] & 0xFF) << 8) | (src[p + b0] & 0xFF);
                    dst[i] = v * SCALE_24;
                }
            }
            case INT_32 -> {
                for (int i = 0, p = 0; i < count; i++, p += 4) {
                    dst[i] = int32(src, p, bigEndian) * SCALE_32;
                }
            }
            case FLOAT_32 -> {
                for (int i = 0, p = 0; i < count; i++, p += 4) {
                    dst[i] = Float.intBitsToFloat(int32(src, p, bigEndian));
                }
            }
            case FLOAT_64 -> {
                for (int i = 0, p = 0; i < count; i++, p += 8) {
                    long a = int32(src, p, bigEndian) & 0xFFFFFFFFL;
                    long b = int32(src, p + 4, bigEndian) & 0xFFFFFFFFL;
                    long bits = bigEndian ? (a << 32) | b : (b << 32) | a;
                    dst[i] = (float) Double.longBitsToDouble(bits);
                }
            }
            default -> throw new AssertionError(this);
        }
    }

    private static int int32(byte[] b, int p, boolean bigEndian) {
        if (bigEndian) {
            return (b[p] << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
        }
        return (b[p + 3] << 24) | ((b[p + 2] & 0xFF) << 16) | ((b[p + 1] & 0xFF) << 8) | (b[p] & 0xFF);
    }
}
