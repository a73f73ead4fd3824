package org.ser4j.audio;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ser4j.audio.TestAudio.bytes;
import static org.ser4j.audio.TestAudio.decodeInterleaved;
import static org.ser4j.audio.TestAudio.float32;
import static org.ser4j.audio.TestAudio.float64;
import static org.ser4j.audio.TestAudio.fmt;
import static org.ser4j.audio.TestAudio.fmtExtensible;
import static org.ser4j.audio.TestAudio.int16;
import static org.ser4j.audio.TestAudio.int24;
import static org.ser4j.audio.TestAudio.int32;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ser4j.audio.TestAudio.Iff;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.PcmSource;

/** Sample values are the float32 values libsndfile (soundfile, librosa) produces, computed with numpy. */
class WavDecoderTest {

    private static final float[] INT16_EXPECTED = {0f, 1f / 32768, -1f / 32768, 0.999969482421875f, -1f, 0.3767395f};

    @Test
    void unsigned8BitIsCentredOn128AndScaledBy128() throws Exception {
        byte[] wav = Iff.wav().chunk("fmt ", fmt(LITTLE_ENDIAN, 1, 1, 8000, 8))
                .chunk("data", bytes(128, 0, 255, 129, 127)).build();
        assertArrayEquals(new float[] {0f, -1f, 0.9921875f, 0.0078125f, -0.0078125f}, decodeInterleaved(wav), 0f);
    }

    @Test
    void signed16BitIsScaledBy32768() throws Exception {
        byte[] wav = TestAudio.wav16(0, 1, -1, 32767, -32768, 12345);
        assertArrayEquals(INT16_EXPECTED, decodeInterleaved(wav), 0f);
    }

    @Test
    void signed24BitIsScaledBy2To23() throws Exception {
        byte[] wav = Iff.wav().chunk("fmt ", fmt(LITTLE_ENDIAN, 1, 1, 44100, 24))
                .chunk("data", int24(LITTLE_ENDIAN, 0, 1, -1, 8388607, -8388608, 1234567)).build();
        float[] expected = {0f, 1f / 8388608, -1f / 8388608, 0.9999999f, -1f, 0.14717185f};
        assertArrayEquals(expected, decodeInterleaved(wav), 0f);
    }

    @Test
    void signed32BitIsRoundedToFloatThenScaledBy2To31() throws Exception {
        byte[] wav = Iff.wav().chunk("fmt ", fmt(LITTLE_ENDIAN, 1, 1, 48000, 32))
                .chunk("data", int32(LITTLE_ENDIAN, 0, Integer.MAX_VALUE, Integer.MIN_VALUE, 123456789)).build();
        assertArrayEquals(new float[] {0f, 1f, -1f, 0.05748905f}, decodeInterleaved(wav), 0f);
    }

    @Test
    void float32IsTakenAsIsIncludingValuesBeyondOne() throws Exception {
        float[] values = {0f, 0.1f, -0.5f, 1.5f, -3.25f, Float.MIN_VALUE};
        byte[] wav = Iff.wav().chunk("fmt ", fmt(LITTLE_ENDIAN, 3, 1, 16000, 32))
                .chunk("fact", int32(LITTLE_ENDIAN, values.length))
                .chunk("data", float32(LITTLE_ENDIAN, values)).build();
        assertArrayEquals(values, decodeInterleaved(wav), 0f);
    }

    @Test
    void float64IsNarrowedToFloat() throws Exception {
        byte[] wav = Iff.wav().chunk("fmt ", fmt(LITTLE_ENDIAN, 3, 1, 16000, 64))
                .chunk("data", float64(LITTLE_ENDIAN, 0.123456789012345, -1.0, 0.1)).build();
        assertArrayEquals(new float[] {0.12345679f, -1f, 0.1f}, decodeInterleaved(wav), 0f);
    }

    @Test
    void extensiblePcmAndFloatSubFormatsDecodeLikeThePlainTags() throws Exception {
        byte[] pcm = Iff.wav().chunk("fmt ", fmtExtensible(1, 2, 48000, 16, 16))
                .chunk("data", int16(LITTLE_ENDIAN, 0, 1, -1, 32767, -32768, 12345)).build();
        assertArrayEquals(INT16_EXPECTED, decodeInterleaved(pcm), 0f);
        byte[] fl = Iff.wav().chunk("fmt ", fmtExtensible(3, 1, 48000, 32, 32))
                .chunk("data", float32(LITTLE_ENDIAN, 0.25f, -0.75f)).build();
        assertArrayEquals(new float[] {0.25f, -0.75f}, decodeInterleaved(fl), 0f);
    }

    @Test
    void extensible24In32BitContainersDecodeTheContainerWidth() throws Exception {
        // 24 valid bits left-justified in 32-bit containers: the container value / 2^31 equals the 24-bit value / 2^23.
        byte[] wav = Iff.wav().chunk("fmt ", fmtExtensible(1, 1, 96000, 32, 24))
                .chunk("data", int32(LITTLE_ENDIAN, 1234567 << 8, -8388608 << 8)).build();
        assertArrayEquals(new float[] {0.14717185f, -1f}, decodeInterleaved(wav), 0f);
    }

    @Test
    void rifxIsBigEndian() throws Exception {
        byte[] wav = Iff.rifx().chunk("fmt ", fmt(BIG_ENDIAN, 1, 1, 16000, 16))
                .chunk("data", int16(BIG_ENDIAN, 0, 1, -1, 32767, -32768, 12345)).build();
        assertArrayEquals(INT16_EXPECTED, decodeInterleaved(wav), 0f);
    }

    @Test
    void rf64TakesTheDataSizeFromDs64() throws Exception {
        byte[] ds64 = ByteBuffer.allocate(28).order(LITTLE_ENDIAN).putLong(0).putLong(8).putLong(4).putInt(0).array();
        byte[] wav = Iff.rf64().formSize(0xFFFFFFFFL).chunk("ds64", ds64)
                .chunk("fmt ", fmt(LITTLE_ENDIAN, 1, 1, 16000, 16))
                .chunk("data", 0xFFFFFFFFL, int16(LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6), false).build();
        // ds64 says 8 bytes of data: the 4 samples after it are not audio.
        assertArrayEquals(new float[] {1f / 32768, 2f / 32768, 3f / 32768, 4f / 32768}, decodeInterleaved(wav), 0f);
    }

    @Test
    void extraChunksOfOddSizeAreSkippedWithTheirPadByte() throws Exception {
        byte[] wav = Iff.wav()
                .chunk("JUNK", new byte[27])
                .chunk("fmt ", fmt(LITTLE_ENDIAN, 1, 1, 16000, 16))
                .chunk("LIST", TestAudio.ascii("INFOISFT\u0005\u0000\u0000\u0000Lavf\u0000"))
                .chunk("FLLR", new byte[4044])
                .chunk("bext", new byte[603])
                .chunk("cue ", new byte[4])
                .chunk("PAD ", new byte[1])
                .chunk("data", int16(LITTLE_ENDIAN, 0, 1, -1, 32767, -32768, 12345))
                .chunk("LIST", new byte[38]).build();
        assertArrayEquals(INT16_EXPECTED, decodeInterleaved(wav), 0f);
    }

    @Test
    void anExtendedFmtChunkOf18BytesIsAccepted() throws Exception {
        byte[] fmt18 = Arrays.copyOf(fmt(LITTLE_ENDIAN, 1, 1, 16000, 16), 18);
        byte[] wav = Iff.wav().chunk("fmt ", fmt18).chunk("data", int16(LITTLE_ENDIAN, 5)).build();
        assertArrayEquals(new float[] {5f / 32768}, decodeInterleaved(wav), 0f);
    }

    @Test
    void streamedFilesWithSize0xFFFFFFFFAreReadToTheEnd() throws Exception {
        byte[] wav = Iff.wav().formSize(0xFFFFFFFFL).chunk("fmt ", fmt(LITTLE_ENDIAN, 1, 1, 16000, 16))
                .chunk("data", 0xFFFFFFFFL, int16(LITTLE_ENDIAN, 0, 1, -1, 32767, -32768, 12345), false).build();
        try (PcmSource source = TestAudio.open(wav)) {
            assertEquals(AudioInfo.UNKNOWN_LENGTH, source.info().frames());
            assertArrayEquals(INT16_EXPECTED, TestAudio.readAll(source), 0f);
        }
    }

    @Test
    void streamedFilesWithSizeZeroAreReadToTheEnd() throws Exception {
        // What a writer leaves when it cannot seek back: RIFF size 36 (header only) and data size 0.
        byte[] wav = Iff.wav().formSize(36).chunk("fmt ", fmt(LITTLE_ENDIAN, 1, 1, 16000, 16))
                .chunk("data", 0, int16(LITTLE_ENDIAN, 0, 1, -1, 32767, -32768, 12345), false).build();
        assertArrayEquals(INT16_EXPECTED, decodeInterleaved(wav), 0f);
        byte[] zeroRiff = Iff.wav().formSize(0).chunk("fmt ", fmt(LITTLE_ENDIAN, 1, 1, 16000, 16))
                .chunk("data", 0, int16(LITTLE_ENDIAN, 7), false).build();
        assertArrayEquals(new float[] {7f / 32768}, decodeInterleaved(zeroRiff), 0f);
    }

    @Test
    void aDataChunkLongerThanTheFileGivesItsFramesThenReportsTheTruncation() throws Exception {
        byte[] wav = Iff.wav().chunk("fmt ", fmt(LITTLE_ENDIAN, 1, 1, 16000, 16))
                .chunk("data", 0xFFFFFFF0L, int16(LITTLE_ENDIAN, 0, 1, -1, 32767, -32768, 12345), false).build();
        try (PcmSource source = TestAudio.open(wav)) {
            float[] block = new float[64];
            int n = source.read(block, 64);
            assertArrayEquals(INT16_EXPECTED, Arrays.copyOf(block, n), 0f);
            AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> source.read(block, 64));
            assertEquals(AudioDecodeException.Problem.TRUNCATED, e.problem());
        }
    }

    @Test
    void aFileCutMidFrameKeepsTheWholeFramesAndDropsThePartialOne() throws Exception {
        byte[] full = Iff.wav().chunk("fmt ", fmt(LITTLE_ENDIAN, 1, 2, 16000, 16))
                .chunk("data", int16(LITTLE_ENDIAN, 100, 200, 300, 400)).build();
        byte[] cut = Arrays.copyOf(full, full.length - 3); // the second frame loses 3 of its 4 bytes
        assertArrayEquals(new float[] {100f / 32768, 200f / 32768}, decodeInterleaved(cut), 0f);
    }

    @Test
    void infoDescribesTheHeader() throws Exception {
        byte[] wav = Iff.wav().chunk("fmt ", fmt(LITTLE_ENDIAN, 1, 2, 22050, 24))
                .chunk("data", int24(LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6)).build();
        try (PcmSource source = TestAudio.open(wav)) {
            assertEquals(new AudioInfo(AudioContainer.WAV, "PCM 24-bit integer", 22050, 2, 3), source.info());
        }
    }

    @Test
    void readingAfterTheEndKeepsReturningMinusOne() throws Exception {
        try (PcmSource source = TestAudio.open(TestAudio.wav16(1, 2))) {
            float[] dst = new float[10];
            assertEquals(2, source.read(dst, 10));
            assertEquals(-1, source.read(dst, 10));
            assertEquals(-1, source.read(dst, 10));
            assertEquals(0, source.read(dst, 0));
        }
    }
}
