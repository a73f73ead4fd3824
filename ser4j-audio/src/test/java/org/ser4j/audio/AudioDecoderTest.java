package org.ser4j.audio;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ser4j.audio.TestAudio.fmt;
import static org.ser4j.audio.TestAudio.int16;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.audio.TestAudio.Iff;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.audio.PcmSource;
import org.ser4j.core.audio.UnsupportedFormatException;

class AudioDecoderTest {

    private static byte[] stereo16(int rate, int... interleaved) {
        return Iff.wav().chunk("fmt ", fmt(LITTLE_ENDIAN, 1, 2, rate, 16))
                .chunk("data", int16(LITTLE_ENDIAN, interleaved)).build();
    }

    @Test
    void defaultsKeepTheNativeRateWithAThreeHourLimit() {
        AudioDecoder d = AudioDecoder.defaults();
        assertEquals(OptionalInt.empty(), d.targetSampleRate());
        assertEquals(10_800, d.maxDurationSeconds());
        assertEquals(64, d.maxChannels());
    }

    @Test
    void decodeMixesStereoToMonoAsTheFloatMeanOfTheChannels() throws Exception {
        PcmAudio mono = AudioDecoder.defaults().decode(new ByteArrayInputStream(
                stereo16(48000, 1000, 3001, -32768, 32767, 7, 7)));
        assertEquals(48000, mono.sampleRate());
        float[] expected = {(1000f / 32768 + 3001f / 32768) / 2f, (-1f + 32767f / 32768) / 2f, 7f / 32768};
        assertArrayEquals(expected, mono.samples(), 0f);
    }

    @Test
    void openGivesRawInterleavedFramesAtTheFileRate() throws Exception {
        try (PcmSource source = AudioDecoder.defaults().open(new ByteArrayInputStream(stereo16(8000, 1, 2, 3, 4)))) {
            assertEquals(new AudioInfo(AudioContainer.WAV, "PCM 16-bit integer", 8000, 2, 2), source.info());
            assertArrayEquals(new float[] {1f / 32768, 2f / 32768, 3f / 32768, 4f / 32768},
                    TestAudio.readAll(source), 0f);
        }
    }

    @Test
    void probeReadsTheHeaderAndCountsFramesOnlyWhenTheHeaderDoesNotSay(@TempDir Path dir) throws Exception {
        Path known = dir.resolve("known.wav");
        Files.write(known, stereo16(16000, 1, 2, 3, 4, 5, 6));
        assertEquals(new AudioInfo(AudioContainer.WAV, "PCM 16-bit integer", 16000, 2, 3),
                AudioDecoder.defaults().probe(known));
        byte[] streamed = Iff.wav().formSize(0xFFFFFFFFL).chunk("fmt ", fmt(LITTLE_ENDIAN, 1, 1, 16000, 16))
                .chunk("data", 0xFFFFFFFFL, int16(LITTLE_ENDIAN, 1, 2, 3, 4, 5), false).build();
        AudioInfo info = AudioDecoder.defaults().probe(new ByteArrayInputStream(streamed));
        assertEquals(5, info.frames());
    }

    @Test
    void theExtensionIsIgnored(@TempDir Path dir) throws Exception {
        Path wavNamedMp3 = dir.resolve("actually-a-wav.mp3");
        Files.write(wavNamedMp3, TestAudio.wav16(100, 200));
        assertEquals(AudioContainer.WAV, AudioDecoder.defaults().probe(wavNamedMp3).container());
        Path textNamedWav = dir.resolve("notes.wav");
        Files.writeString(textNamedWav, "meeting notes\n");
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class,
                () -> AudioDecoder.defaults().decode(textNamedWav));
        assertEquals("plain text", e.detected());
    }

    @Test
    void aMissingFileIsNoSuchFileWithAPlainMessage(@TempDir Path dir) {
        Path missing = dir.resolve("missing.wav");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> AudioDecoder.defaults().decode(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void aDirectoryIsRejectedWithAPlainMessage(@TempDir Path dir) {
        FileSystemException e = assertThrows(FileSystemException.class, () -> AudioDecoder.defaults().decode(dir));
        assertEquals(dir + ": is a directory, not an audio file", e.getMessage());
    }

    @Test
    void anEmptyFileIsEmpty(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.wav"));
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> AudioDecoder.defaults().decode(empty));
        assertEquals(Problem.EMPTY, e.problem());
        assertEquals("empty file: 0 bytes", e.getMessage());
    }

    @Test
    void audioLongerThanTheLimitIsTooLong() {
        AudioDecoder d = AudioDecoder.builder().optMaxDurationSeconds(0.5).build();
        byte[] oneSecond = Iff.wav().chunk("fmt ", fmt(LITTLE_ENDIAN, 1, 1, 1000, 16))
                .chunk("data", new byte[2000]).build();
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> d.decode(new ByteArrayInputStream(oneSecond)));
        assertEquals(Problem.TOO_LONG, e.problem());
        assertEquals("the audio is longer than the limit of 0.5 s (more than 500 frames at 1000 Hz)", e.getMessage());
    }

    @Test
    void aHeaderClaimingHoursOnShortAudioIsReportedAsTruncatedNotTooLong() {
        AudioDecoder d = AudioDecoder.builder().optMaxDurationSeconds(1).build();
        byte[] lying = Iff.wav().chunk("fmt ", fmt(LITTLE_ENDIAN, 1, 1, 1000, 16))
                .chunk("data", 0xFFFFFFF0L, int16(LITTLE_ENDIAN, 1, 2, 3), false).build();
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> d.decode(new ByteArrayInputStream(lying)));
        assertEquals(Problem.TRUNCATED, e.problem());
        assertEquals("the WAV file is truncated: its audio chunk declares 4294967280 bytes (2147483.640 s) but the file "
                + "ends after 6 bytes (0.003 s)", e.getMessage());
    }

    @Test
    void moreChannelsThanTheLimitAreRejected() {
        AudioDecoder d = AudioDecoder.builder().optMaxChannels(2).build();
        byte[] wav = Iff.wav().chunk("fmt ", fmt(LITTLE_ENDIAN, 1, 3, 8000, 16)).chunk("data", new byte[6]).build();
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> d.decode(new ByteArrayInputStream(wav)));
        assertEquals(Problem.UNSUPPORTED_ENCODING, e.problem());
        assertEquals("the audio has 3 channels, more than the configured limit of 2", e.getMessage());
    }

    @Test
    void aTargetRateEqualToTheFileRateNeedsNoResampling() throws Exception {
        AudioDecoder d = AudioDecoder.builder().optTargetSampleRate(16000).build();
        PcmAudio audio = d.decode(new ByteArrayInputStream(TestAudio.wav16(1, 2)));
        assertEquals(16000, audio.sampleRate());
        assertEquals(2, audio.length());
    }

    @Test
    void aDifferentTargetRateResamplesBlockByBlockExactlyAsTheOneShotResampler() throws Exception {
        // 3 s of 16 kHz: several decode blocks, so the streaming path crosses block boundaries.
        int[] samples = new int[48_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (int) Math.round(12_000 * Math.sin(2 * Math.PI * 440 * i / 16000.0) + 97 * ((i * 7919) % 13 - 6));
        }
        byte[] wav = TestAudio.wav16(samples);
        float[] native16k = AudioDecoder.defaults().decode(new ByteArrayInputStream(wav)).samples();
        PcmAudio audio = AudioDecoder.builder().optTargetSampleRate(22050).build().decode(new ByteArrayInputStream(wav));
        assertEquals(22050, audio.sampleRate());
        assertArrayEquals(org.ser4j.core.dsp.Resampler.resample(native16k, 16000, 22050), audio.samples());
    }

    @Test
    void openMonoStreamsWhatDecodeReturnsWithTheLengthKnownUpFront() throws Exception {
        int frames = 30_000;
        byte[] stereo = new byte[frames * 4];
        for (int i = 0; i < frames; i++) {
            short l = (short) (9000 * Math.sin(i * 0.031));
            short r = (short) (7000 * Math.sin(i * 0.017 + 1));
            stereo[4 * i] = (byte) l;
            stereo[4 * i + 1] = (byte) (l >> 8);
            stereo[4 * i + 2] = (byte) r;
            stereo[4 * i + 3] = (byte) (r >> 8);
        }
        byte[] wav = TestAudio.Iff.wav().chunk("fmt ", TestAudio.fmt(java.nio.ByteOrder.LITTLE_ENDIAN, 1, 2, 48000, 16))
                .chunk("data", stereo).build();
        AudioDecoder d = AudioDecoder.builder().optTargetSampleRate(16000).build();
        float[] whole = d.decode(new ByteArrayInputStream(wav)).samples();
        try (org.ser4j.core.audio.PcmSource mono = d.openMono(new ByteArrayInputStream(wav))) {
            assertEquals(16000, mono.info().sampleRate());
            assertEquals(1, mono.info().channels());
            assertEquals(whole.length, mono.info().frames());
            float[] streamed = new float[whole.length];
            float[] block = new float[333];
            int at = 0;
            for (int n = mono.read(block, block.length); n > 0; n = mono.read(block, block.length)) {
                System.arraycopy(block, 0, streamed, at, n);
                at += n;
            }
            assertEquals(whole.length, at);
            assertArrayEquals(whole, streamed);
        }
    }

    @Test
    void builderRejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> AudioDecoder.builder().optTargetSampleRate(0));
        assertThrows(IllegalArgumentException.class, () -> AudioDecoder.builder().optMaxDurationSeconds(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> AudioDecoder.builder().optMaxDurationSeconds(-1));
        assertThrows(IllegalArgumentException.class, () -> AudioDecoder.builder().optMaxChannels(0));
        assertThrows(IllegalArgumentException.class, () -> AudioDecoder.builder().optMaxChannels(1025));
    }

    @Test
    void theCallersStreamIsClosedOnFailureToo() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(TestAudio.ascii("not audio at all")) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        assertThrows(UnsupportedFormatException.class, () -> AudioDecoder.defaults().decode(in));
        assertTrue(closed[0]);
    }
}
