package org.ser4j.audio;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.ser4j.audio.TestAudio.ascii;
import static org.ser4j.audio.TestAudio.comm;
import static org.ser4j.audio.TestAudio.fmt;
import static org.ser4j.audio.TestAudio.fmtExtensible;
import static org.ser4j.audio.TestAudio.int16;
import static org.ser4j.audio.TestAudio.ssnd;
import static org.ser4j.core.audio.AudioDecodeException.Problem.EMPTY;
import static org.ser4j.core.audio.AudioDecodeException.Problem.MALFORMED;
import static org.ser4j.core.audio.AudioDecodeException.Problem.TRUNCATED;
import static org.ser4j.core.audio.AudioDecodeException.Problem.UNSUPPORTED_ENCODING;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ser4j.audio.TestAudio.Iff;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;
import org.ser4j.core.audio.UnsupportedFormatException;

/** Every kind of damage gives a typed error with a message that says what was expected and what was found. */
class DamagedInputTest {

    private static final byte[] FMT16 = fmt(LITTLE_ENDIAN, 1, 1, 16000, 16);
    private static final byte[] ONE_SAMPLE = int16(LITTLE_ENDIAN, 1);

    private static byte[] wavWithFmt(byte[] fmt) {
        return Iff.wav().chunk("fmt ", fmt).chunk("data", new byte[64]).build();
    }

    private static byte[] wavWithTag(int tag, int bits) {
        return wavWithFmt(fmt(LITTLE_ENDIAN, tag, 1, 8000, bits));
    }

    private static byte[] aifc(String compression) {
        return Iff.aifc().chunk("COMM", comm(1, 1, 16, 8000, compression)).chunk("SSND", ssnd(new byte[2])).build();
    }

    static Stream<Arguments> damaged() {
        byte[] wav = TestAudio.wav16(1, 2, 3);
        byte[] guidless = fmtExtensible(1, 1, 16000, 16, 16);
        guidless[30] ^= 0x55;
        return Stream.of(
            // ---- WAV header and chunk structure
            Arguments.of("RIFF header cut short", Arrays.copyOf(wav, 8), TRUNCATED,
                    "it has 8 bytes, fewer than the 12-byte RIFF header"),
            Arguments.of("fmt chunk cut short", Arrays.copyOf(wav, 12 + 8 + 6), TRUNCATED,
                    "it ends 6 bytes into the 'fmt ' chunk, which needs 16 bytes"),
            Arguments.of("chunk header cut short", Arrays.copyOf(wav, 12 + 24 + 3), TRUNCATED,
                    "it ends 3 bytes into a chunk header at byte 36"),
            Arguments.of("no fmt chunk", Iff.wav().chunk("LIST", new byte[4]).build(), MALFORMED,
                    "WAV file has no 'fmt ' chunk"),
            Arguments.of("data before fmt", Iff.wav().chunk("data", ONE_SAMPLE).chunk("fmt ", FMT16).build(),
                    MALFORMED, "'data' chunk before the 'fmt ' chunk"),
            Arguments.of("no data chunk", Iff.wav().chunk("fmt ", FMT16).chunk("LIST", new byte[4]).build(), EMPTY,
                    "the WAV file has no 'data' chunk"),
            Arguments.of("chunk larger than the file",
                    Iff.wav().chunk("LIST", 0x80000000L, new byte[10], false).build(), TRUNCATED,
                    "the 'LIST' chunk declares 2147483648 bytes but the file ends 10 bytes into skipping it"),
            Arguments.of("fmt chunk too small", wavWithFmt(new byte[8]), MALFORMED,
                    "WAV 'fmt ' chunk is 8 bytes; at least 16 are needed"),
            Arguments.of("fmt chunk claiming 4 GB", Iff.wav().chunk("fmt ", 0xFFFFFFFFL, FMT16, false).build(),
                    MALFORMED, "WAV 'fmt ' chunk claims 4294967295 bytes"),
            // ---- WAV format fields
            Arguments.of("zero sample rate", wavWithFmt(fmt(LITTLE_ENDIAN, 1, 1, 0, 16)), MALFORMED,
                    "WAV header says a sample rate of 0 Hz; it must be positive"),
            Arguments.of("absurd sample rate", wavWithFmt(fmt(LITTLE_ENDIAN, 1, 1, 50_000_000, 16)), MALFORMED,
                    "sample rate of 50000000 Hz, above the plausible maximum of 10000000 Hz"),
            Arguments.of("zero channels", wavWithFmt(fmt(LITTLE_ENDIAN, 1, 0, 16000, 16)), MALFORMED,
                    "WAV header says 0 channels; at least 1 is needed"),
            Arguments.of("absurd channel count", wavWithFmt(fmt(LITTLE_ENDIAN, 1, 5000, 16000, 16)), MALFORMED,
                    "5000 channels, more than the plausible maximum of 1024"),
            Arguments.of("block align mismatch", wavWithFmt(fmt(LITTLE_ENDIAN, 1, 2, 16000, 16, 2)), MALFORMED,
                    "block align is 2 bytes but 2 channels of 16-bit samples need 4"),
            Arguments.of("zero bits per sample", wavWithTag(1, 0), MALFORMED,
                    "WAV integer PCM with 0 bits per sample is not supported"),
            Arguments.of("48-bit integer PCM", wavWithTag(1, 48), UNSUPPORTED_ENCODING,
                    "WAV integer PCM with 48 bits per sample is not supported; supported: integer PCM"),
            Arguments.of("16-bit float", wavWithTag(3, 16), UNSUPPORTED_ENCODING,
                    "WAV IEEE float with 16 bits per sample is not supported"),
            Arguments.of("A-law", wavWithTag(6, 8), UNSUPPORTED_ENCODING,
                    "WAV encoding not supported: A-law (format tag 0x0006)"),
            Arguments.of("mu-law", wavWithTag(7, 8), UNSUPPORTED_ENCODING,
                    "WAV encoding not supported: mu-law (format tag 0x0007)"),
            Arguments.of("Microsoft ADPCM", wavWithTag(2, 4), UNSUPPORTED_ENCODING,
                    "Microsoft ADPCM (format tag 0x0002)"),
            Arguments.of("IMA ADPCM", wavWithTag(0x11, 4), UNSUPPORTED_ENCODING, "IMA ADPCM (format tag 0x0011)"),
            Arguments.of("MP3 in WAV", wavWithTag(0x55, 0), UNSUPPORTED_ENCODING, "MPEG Layer III (MP3 in WAV)"),
            Arguments.of("unknown format tag", wavWithTag(0x1234, 16), UNSUPPORTED_ENCODING,
                    "WAV encoding not supported: format tag 0x1234; supported:"),
            Arguments.of("extensible A-law", wavWithFmt(fmtExtensible(6, 1, 8000, 8, 8)), UNSUPPORTED_ENCODING,
                    "A-law (WAVE_FORMAT_EXTENSIBLE sub-format 0x0006)"),
            Arguments.of("extensible with a foreign GUID", wavWithFmt(guidless), UNSUPPORTED_ENCODING,
                    "WAVE_FORMAT_EXTENSIBLE with a non-standard sub-format GUID"),
            Arguments.of("extensible fmt too short", wavWithFmt(Arrays.copyOf(fmt(LITTLE_ENDIAN, 0xFFFE, 1, 8000,
                    16), 18)), MALFORMED, "says WAVE_FORMAT_EXTENSIBLE but is 18 bytes; 40 are needed"),
            Arguments.of("RF64 without ds64", Iff.rf64().chunk("fmt ", FMT16)
                    .chunk("data", 0xFFFFFFFFL, ONE_SAMPLE, false).build(), MALFORMED, "no usable 'ds64' chunk"),
            // ---- WAV data
            Arguments.of("empty data chunk", Iff.wav().chunk("fmt ", FMT16).chunk("data", new byte[0])
                    .chunk("LIST", new byte[4]).build(), EMPTY, "no audio: the WAV 'data' chunk is 0 bytes"),
            Arguments.of("empty data chunk ending the file", Iff.wav().chunk("fmt ", FMT16)
                    .chunk("data", new byte[0]).build(), EMPTY,
                    "no audio: the WAV file ends before its first whole frame of 2 bytes"),
            Arguments.of("data chunk smaller than a frame", Iff.wav().chunk("fmt ", FMT16)
                    .chunk("data", new byte[1]).build(), EMPTY, "'data' chunk is 1 bytes, less than one frame of 2"),
            Arguments.of("data declared but absent", Iff.wav().chunk("fmt ", FMT16)
                    .chunk("data", 100, new byte[0], false).build(), TRUNCATED,
                    "the WAV file is truncated: its audio chunk declares 100 bytes (0.003 s) but the file ends after 0 bytes"),
            Arguments.of("streamed data without a frame", Iff.wav().formSize(0xFFFFFFFFL).chunk("fmt ", FMT16)
                    .chunk("data", 0xFFFFFFFFL, new byte[1], false).build(), EMPTY,
                    "no audio: the WAV file ends before its first whole frame of 2 bytes"),
            // ---- AIFF
            Arguments.of("FORM header cut short", ascii("FORM\u0000\u0000"), TRUNCATED,
                    "it has 6 bytes, fewer than the 12-byte FORM header"),
            Arguments.of("no COMM chunk", Iff.aiff().chunk("FVER", new byte[4]).build(), MALFORMED,
                    "AIFF file has no 'COMM' chunk"),
            Arguments.of("SSND before COMM", Iff.aiff().chunk("SSND", ssnd(new byte[2]))
                    .chunk("COMM", comm(1, 1, 16, 8000, null)).build(), MALFORMED,
                    "'SSND' chunk before the 'COMM' chunk"),
            Arguments.of("COMM too small", Iff.aiff().chunk("COMM", new byte[10]).build(), MALFORMED,
                    "AIFF 'COMM' chunk is 10 bytes; at least 18 are needed"),
            Arguments.of("AIFF zero channels", Iff.aiff().chunk("COMM", comm(0, 1, 16, 8000, null))
                    .chunk("SSND", ssnd(new byte[2])).build(), MALFORMED, "AIFF header says 0 channels"),
            Arguments.of("AIFF zero rate", Iff.aiff().chunk("COMM", comm(1, 1, 16, 0, null))
                    .chunk("SSND", ssnd(new byte[2])).build(), MALFORMED, "AIFF header says a sample rate of 0 Hz"),
            Arguments.of("AIFF negative rate", Iff.aiff().chunk("COMM", comm(1, 1, 16, -8000, null))
                    .chunk("SSND", ssnd(new byte[2])).build(), MALFORMED, "AIFF header says a sample rate of -8000 Hz; it must be positive"),
            Arguments.of("AIFF zero bits", Iff.aiff().chunk("COMM", comm(1, 1, 0, 8000, null))
                    .chunk("SSND", ssnd(new byte[2])).build(), MALFORMED, "AIFF integer PCM with 0 bits"),
            Arguments.of("AIFF-C ulaw", aifc("ulaw"), UNSUPPORTED_ENCODING,
                    "AIFF-C compression 'ulaw' (test) is not supported; supported: NONE, twos, sowt"),
            Arguments.of("AIFF-C alaw", aifc("alaw"), UNSUPPORTED_ENCODING, "AIFF-C compression 'alaw'"),
            Arguments.of("AIFF-C ima4", aifc("ima4"), UNSUPPORTED_ENCODING, "AIFF-C compression 'ima4'"),
            Arguments.of("COMM frames without SSND", Iff.aiff().chunk("COMM", comm(1, 5, 16, 8000, null)).build(),
                    TRUNCATED, "'COMM' says 5 frames but the file ends without an 'SSND' chunk"),
            Arguments.of("no frames and no SSND", Iff.aiff().chunk("COMM", comm(1, 0, 16, 8000, null)).build(),
                    EMPTY, "no audio: the AIFF 'COMM' chunk says 0 frames"),
            Arguments.of("SSND offset beyond the chunk", Iff.aiff().chunk("COMM", comm(1, 1, 16, 8000, null))
                    .chunk("SSND", ByteBuffer.allocate(10).putInt(100).array()).build(), MALFORMED,
                    "AIFF 'SSND' data offset 100 lies beyond the chunk's 10 bytes"),
            Arguments.of("empty SSND", Iff.aiff().chunk("COMM", comm(1, 0, 16, 8000, null))
                    .chunk("SSND", ssnd(new byte[0])).build(), EMPTY,
                    "the AIFF 'SSND' chunk holds 0 bytes of samples"),
            // ---- nothing at all, or too little to identify
            Arguments.of("zero bytes", new byte[0], EMPTY, "empty file: 0 bytes"),
            Arguments.of("Ogg cut inside its first page", ascii("OggS\u0000\u0002"), TRUNCATED,
                    "Ogg file is truncated: it ends inside its first page"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void damagedInputGivesATypedErrorWithAPreciseMessage(String name, byte[] file, Problem problem, String message) {
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> TestAudio.decodeInterleaved(file));
        assertEquals(problem, e.problem(), () -> name + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(message), () -> name + ": message was: " + e.getMessage());
    }

    @Test
    void mutatedAndCutFilesNeverEscapeAsRuntimeExceptions() throws Exception {
        byte[][] seeds = {
            Iff.wav().chunk("fmt ", fmtExtensible(1, 2, 16000, 24, 24)).chunk("LIST", new byte[7])
                    .chunk("data", new byte[120]).build(),
            Iff.wav().chunk("fmt ", fmt(LITTLE_ENDIAN, 3, 1, 8000, 32)).chunk("data", new byte[64]).build(),
            Iff.aifc().chunk("COMM", comm(2, 10, 16, 22050, "sowt")).chunk("SSND", ssnd(new byte[40])).build(),
            Iff.aiff().chunk("COMM", comm(1, 10, 24, 44100, null)).chunk("SSND", ssnd(new byte[30])).build(),
        };
        Random random = new Random(42);
        for (int i = 0; i < 5000; i++) {
            byte[] seed = seeds[i % seeds.length];
            byte[] file = Arrays.copyOf(seed, 1 + random.nextInt(seed.length));
            for (int k = random.nextInt(4); k > 0; k--) {
                file[random.nextInt(file.length)] = (byte) random.nextInt(256);
            }
            try {
                AudioDecoder.defaults().decode(new ByteArrayInputStream(file));
            } catch (AudioDecodeException expected) {
                // typed: fine
            } catch (RuntimeException e) {
                fail("case " + i + " escaped as " + e, e);
            }
        }
    }

    @Test
    void contentThatIsNotAudioIsAnUnsupportedFormatNotADecodeFailure() {
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class,
                () -> TestAudio.decodeInterleaved(ascii("hello, this is a text file\n")));
        assertEquals("plain text", e.detected());
        assertEquals("unsupported format: plain text; supported: WAV, AIFF/AIFC, FLAC, MP3, Ogg Vorbis, Ogg Opus",
                e.getMessage());
    }

    @Test
    void aifcBigEndianComm() {
        // Guards the builder itself: the COMM of AIFF-C carries its compression name after the rate.
        assertEquals(18 + 4 + 1 + 4 + 1, comm(1, 1, 16, 8000, "ulaw").length);
        assertEquals(BIG_ENDIAN, Iff.aifc().order());
    }
}
