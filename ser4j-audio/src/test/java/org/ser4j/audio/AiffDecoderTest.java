package org.ser4j.audio;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ser4j.audio.TestAudio.bytes;
import static org.ser4j.audio.TestAudio.comm;
import static org.ser4j.audio.TestAudio.decodeInterleaved;
import static org.ser4j.audio.TestAudio.float32;
import static org.ser4j.audio.TestAudio.float64;
import static org.ser4j.audio.TestAudio.int16;
import static org.ser4j.audio.TestAudio.int24;
import static org.ser4j.audio.TestAudio.int32;
import static org.ser4j.audio.TestAudio.ssnd;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.audio.TestAudio.Iff;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.audio.PcmSource;

class AiffDecoderTest {

    private static final float[] INT16_EXPECTED = {0f, 1f / 32768, -1f / 32768, 0.999969482421875f, -1f, 0.3767395f};

    private static byte[] aiff16(int channels, int... samples) {
        return Iff.aiff().chunk("FVER", int32(BIG_ENDIAN, 0xA2805140))
                .chunk("COMM", comm(channels, samples.length / channels, 16, 24414, null))
                .chunk("SSND", ssnd(int16(BIG_ENDIAN, samples))).build();
    }

    @Test
    void bigEndian16BitIsScaledBy32768() throws Exception {
        assertArrayEquals(INT16_EXPECTED, decodeInterleaved(aiff16(1, 0, 1, -1, 32767, -32768, 12345)), 0f);
    }

    @Test
    void eightBitAiffIsSigned() throws Exception {
        byte[] aiff = Iff.aiff().chunk("COMM", comm(1, 4, 8, 8000, null))
                .chunk("SSND", ssnd(bytes(0, 127, -128, -1))).build();
        assertArrayEquals(new float[] {0f, 0.9921875f, -1f, -0.0078125f}, decodeInterleaved(aiff), 0f);
    }

    @Test
    void twentyFourAndThirtyTwoBitAreScaledByTheirContainer() throws Exception {
        byte[] a24 = Iff.aiff().chunk("COMM", comm(1, 3, 24, 48000, null))
                .chunk("SSND", ssnd(int24(BIG_ENDIAN, 8388607, -8388608, 1234567))).build();
        assertArrayEquals(new float[] {0.9999999f, -1f, 0.14717185f}, decodeInterleaved(a24), 0f);
        byte[] a32 = Iff.aiff().chunk("COMM", comm(1, 2, 32, 48000, null))
                .chunk("SSND", ssnd(int32(BIG_ENDIAN, Integer.MIN_VALUE, 123456789))).build();
        assertArrayEquals(new float[] {-1f, 0.05748905f}, decodeInterleaved(a32), 0f);
    }

    @Test
    void aifcSowtIsLittleEndian() throws Exception {
        byte[] aifc = Iff.aifc().chunk("FVER", int32(BIG_ENDIAN, 0xA2805140))
                .chunk("COMM", comm(2, 3, 16, 44100, "sowt"))
                .chunk("SSND", ssnd(int16(LITTLE_ENDIAN, 0, 1, -1, 32767, -32768, 12345))).build();
        assertArrayEquals(INT16_EXPECTED, decodeInterleaved(aifc), 0f);
    }

    @Test
    void aifcFloatTypesAreTakenAsIs() throws Exception {
        byte[] fl32 = Iff.aifc().chunk("COMM", comm(1, 2, 32, 16000, "fl32"))
                .chunk("SSND", ssnd(float32(BIG_ENDIAN, 0.1f, -2f))).build();
        assertArrayEquals(new float[] {0.1f, -2f}, decodeInterleaved(fl32), 0f);
        byte[] fl64 = Iff.aifc().chunk("COMM", comm(1, 2, 64, 16000, "FL64"))
                .chunk("SSND", ssnd(float64(BIG_ENDIAN, 0.123456789012345, 0.5))).build();
        assertArrayEquals(new float[] {0.12345679f, 0.5f}, decodeInterleaved(fl64), 0f);
        byte[] none = Iff.aifc().chunk("COMM", comm(1, 1, 16, 16000, "NONE"))
                .chunk("SSND", ssnd(int16(BIG_ENDIAN, -32768))).build();
        assertArrayEquals(new float[] {-1f}, decodeInterleaved(none), 0f);
    }

    @Test
    void theSsndOffsetSkipsAlignmentBytes() throws Exception {
        byte[] payload = ByteBuffer.allocate(8 + 3 + 4).putInt(3).putInt(0).put(new byte[3])
                .put(int16(BIG_ENDIAN, 1, -1)).array();
        byte[] aiff = Iff.aiff().chunk("COMM", comm(1, 2, 16, 8000, null)).chunk("SSND", payload).build();
        assertArrayEquals(new float[] {1f / 32768, -1f / 32768}, decodeInterleaved(aiff), 0f);
    }

    @Test
    void theExtendedSampleRateIsTruncatedToWholeHertz() throws Exception {
        byte[] aiff = Iff.aiff().chunk("COMM", comm(1, 1, 16, 24414.0625, null))
                .chunk("SSND", ssnd(int16(BIG_ENDIAN, 1))).build();
        try (PcmSource source = TestAudio.open(aiff)) {
            assertEquals(new AudioInfo(AudioContainer.AIFF, "PCM 16-bit integer big-endian", 24414, 1, 1),
                    source.info());
        }
    }

    @Test
    void aStreamedSsndIsReadToTheEnd() throws Exception {
        byte[] aiff = Iff.aiff().chunk("COMM", comm(1, 0, 16, 8000, null))
                .chunk("SSND", 0xFFFFFFFFL, ssnd(int16(BIG_ENDIAN, 3, 4)), false).build();
        assertArrayEquals(new float[] {3f / 32768, 4f / 32768}, decodeInterleaved(aiff), 0f);
    }

    @Test
    void anAiffFileNamedWavIsDecodedAsAiff(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("clip.wav");
        Files.write(file, aiff16(2, 1000, 3000, -2000, -4000));
        AudioInfo info = AudioDecoder.defaults().probe(file);
        assertEquals(AudioContainer.AIFF, info.container());
        PcmAudio mono = AudioDecoder.defaults().decode(file);
        assertEquals(24414, mono.sampleRate());
        assertArrayEquals(new float[] {(1000f / 32768 + 3000f / 32768) / 2, (-2000f / 32768 + -4000f / 32768) / 2},
                mono.samples(), 0f);
    }
}
