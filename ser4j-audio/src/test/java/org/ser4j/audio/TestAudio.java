package org.ser4j.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.PcmSource;

/** Builds WAV and AIFF files in memory, chunk by chunk, including the broken ones, and reads sources back. */
final class TestAudio {

    private TestAudio() {
    }

    /** An IFF-style file (RIFF/RIFX/RF64 or FORM): a form header, then chunks written as given. */
    static final class Iff {
        private final String magic;
        private final String form;
        private final ByteOrder order;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private long formSize = -1;

        private Iff(String magic, String form, ByteOrder order) {
            this.magic = magic;
            this.form = form;
            this.order = order;
        }

        /** RIFF/WAVE, little-endian. */
        static Iff wav() {
            return new Iff("RIFF", "WAVE", ByteOrder.LITTLE_ENDIAN);
        }

        /** RIFX/WAVE, big-endian. */
        static Iff rifx() {
            return new Iff("RIFX", "WAVE", ByteOrder.BIG_ENDIAN);
        }

        /** RF64/WAVE, little-endian. */
        static Iff rf64() {
            return new Iff("RF64", "WAVE", ByteOrder.LITTLE_ENDIAN);
        }

        /** FORM/AIFF. */
        static Iff aiff() {
            return new Iff("FORM", "AIFF", ByteOrder.BIG_ENDIAN);
        }

        /** FORM/AIFC. */
        static Iff aifc() {
            return new Iff("FORM", "AIFC", ByteOrder.BIG_ENDIAN);
        }

        ByteOrder order() {
            return order;
        }

        /** A chunk with its true size and, after an odd size, a pad byte. */
        Iff chunk(String id, byte[] payload) {
            return chunk(id, payload.length & 0xFFFFFFFFL, payload, true);
        }

        /** A chunk whose header declares {@code declaredSize} whatever the payload really is. */
        Iff chunk(String id, long declaredSize, byte[] payload, boolean pad) {
            body.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
            body.writeBytes(ByteBuffer.allocate(4).order(order).putInt((int) declaredSize).array());
            body.writeBytes(payload);
            if (pad && (payload.length & 1) != 0) {
                body.write(0);
            }
            return this;
        }

        /** Raw bytes appended as they are. */
        Iff raw(byte[] bytes) {
            body.writeBytes(bytes);
            return this;
        }

        /** Overrides the size in the form header (default: the true size). */
        Iff formSize(long size) {
            this.formSize = size;
            return this;
        }

        byte[] build() {
            byte[] b = body.toByteArray();
            ByteBuffer out = ByteBuffer.allocate(12 + b.length).order(order);
            out.put(magic.getBytes(StandardCharsets.ISO_8859_1));
            out.putInt((int) (formSize >= 0 ? formSize : b.length + 4));
            out.put(form.getBytes(StandardCharsets.ISO_8859_1));
            out.put(b);
            return out.array();
        }
    }

    /** A 16-byte WAVE fmt payload; block align and byte rate computed from bits rounded up to bytes. */
    static byte[] fmt(ByteOrder order, int tag, int channels, int rate, int bits) {
        int align = channels * ((bits + 7) / 8);
        return fmt(order, tag, channels, rate, bits, align);
    }

    /** A 16-byte WAVE fmt payload with an explicit block align. */
    static byte[] fmt(ByteOrder order, int tag, int channels, int rate, int bits, int blockAlign) {
        return ByteBuffer.allocate(16).order(order).putShort((short) tag).putShort((short) channels)
                .putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits).array();
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt payload with the standard sub-format GUID of {@code subTag}. */
    static byte[] fmtExtensible(int subTag, int channels, int rate, int containerBits, int validBits) {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.put(fmt(ByteOrder.LITTLE_ENDIAN, 0xFFFE, channels, rate, containerBits));
        b.putShort((short) 22).putShort((short) validBits).putInt(channels == 2 ? 3 : 4);
        b.putShort((short) subTag).put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
            (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
        return b.array();
    }

    /** An AIFF COMM payload (18 bytes), or AIFF-C (with compression type and name) when {@code compression != null}. */
    static byte[] comm(int channels, long frames, int bits, double rate, String compression) {
        byte[] name = compression == null ? new byte[0] : "test".getBytes(StandardCharsets.ISO_8859_1);
        int size = 18 + (compression == null ? 0 : 4 + 1 + name.length + ((1 + name.length) & 1));
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.BIG_ENDIAN);
        b.putShort((short) channels).putInt((int) frames).putShort((short) bits).put(extended(rate));
        if (compression != null) {
            b.put(compression.getBytes(StandardCharsets.ISO_8859_1)).put((byte) name.length).put(name);
        }
        return b.array();
    }

    /** An 80-bit IEEE extended float, as AIFF stores its sample rate. */
    static byte[] extended(double value) {
        ByteBuffer b = ByteBuffer.allocate(10).order(ByteOrder.BIG_ENDIAN);
        if (value == 0) {
            return b.array();
        }
        double magnitude = Math.abs(value);
        int exponent = Math.getExponent(magnitude);
        long mantissa = ((long) Math.scalb(magnitude, 62 - exponent)) << 1; // explicit integer bit at bit 63
        int sign = value < 0 ? 0x8000 : 0;
        return b.putShort((short) (sign | (exponent + 16383))).putLong(mantissa).array();
    }

    /** An AIFF SSND payload: offset 0, block size 0, then the samples. */
    static byte[] ssnd(byte[] samples) {
        return ByteBuffer.allocate(8 + samples.length).putInt(0).putInt(0).put(samples).array();
    }

    static byte[] int16(ByteOrder order, int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(order);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    static byte[] int24(ByteOrder order, int... values) {
        ByteBuffer b = ByteBuffer.allocate(3 * values.length);
        for (int v : values) {
            if (order == ByteOrder.BIG_ENDIAN) {
                b.put((byte) (v >> 16)).put((byte) (v >> 8)).put((byte) v);
            } else {
                b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
            }
        }
        return b.array();
    }

    static byte[] int32(ByteOrder order, int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(order);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    static byte[] float32(ByteOrder order, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(order);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] float64(ByteOrder order, double... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(order);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A minimal valid 16-bit mono WAV of the given samples at 16 kHz. */
    static byte[] wav16(int... samples) {
        return Iff.wav().chunk("fmt ", fmt(ByteOrder.LITTLE_ENDIAN, 1, 1, 16000, 16))
                .chunk("data", int16(ByteOrder.LITTLE_ENDIAN, samples)).build();
    }

    /** Opens bytes through the public decoder. */
    static PcmSource open(byte[] file) throws IOException, AudioDecodeException {
        return AudioDecoder.defaults().open(new ByteArrayInputStream(file));
    }

    /** Every interleaved sample of a source, read in small blocks to exercise block boundaries. */
    static float[] readAll(PcmSource source) throws IOException, AudioDecodeException {
        int channels = source.info().channels();
        float[] block = new float[7 * channels];
        float[] all = new float[0];
        int n;
        while ((n = source.read(block, 7)) > 0) {
            int old = all.length;
            all = Arrays.copyOf(all, old + n * channels);
            System.arraycopy(block, 0, all, old, n * channels);
        }
        return all;
    }

    /** Every interleaved sample of a file given as bytes. */
    static float[] decodeInterleaved(byte[] file) throws IOException, AudioDecodeException {
        try (PcmSource source = open(file)) {
            return readAll(source);
        }
    }
}
