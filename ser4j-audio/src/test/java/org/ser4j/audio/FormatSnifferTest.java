package org.ser4j.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.ser4j.audio.TestAudio.ascii;

import java.io.ByteArrayInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;
import org.ser4j.core.audio.UnsupportedFormatException;

class FormatSnifferTest {

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = FormatSnifferTest.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IOException("missing test fixture " + name + " (see fixtures/make-fixtures.sh)");
            }
            return in.readAllBytes();
        }
    }

    private static AudioContainer classify(byte[] head) throws AudioDecodeException {
        return FormatSniffer.classify(head, head.length);
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        ByteBuffer b = ByteBuffer.allocate(length);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    /** An Ogg page header whose first packet starts with {@code packet}. */
    private static byte[] oggPage(String packet) {
        byte[] header = new byte[28];
        System.arraycopy(ascii("OggS"), 0, header, 0, 4);
        header[5] = 2; // beginning of stream
        header[26] = 1; // one segment
        header[27] = (byte) packet.length();
        return concat(header, ascii(packet), new byte[16]);
    }

    /** An ftyp box with a major brand and compatible brands. */
    private static byte[] ftyp(String major, String... compatible) {
        ByteBuffer b = ByteBuffer.allocate(16 + 4 * compatible.length);
        b.putInt(16 + 4 * compatible.length).put(ascii("ftyp")).put(ascii(major)).putInt(0);
        for (String c : compatible) {
            b.put(ascii(c));
        }
        return b.array();
    }

    // ------------------------------------------------------------ supported

    static Stream<Arguments> supportedFixtures() {
        return Stream.of(
            Arguments.of("tone.flac", AudioContainer.FLAC),
            Arguments.of("tone.mp3", AudioContainer.MP3),
            Arguments.of("tone-id3.mp3", AudioContainer.MP3),
            Arguments.of("tone.ogg", AudioContainer.OGG_VORBIS),
            Arguments.of("tone.opus", AudioContainer.OGG_OPUS),
            Arguments.of("tone-alaw.wav", AudioContainer.WAV));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("supportedFixtures")
    void realFilesOfSupportedFormatsAreRecognised(String name, AudioContainer expected) throws Exception {
        assertEquals(expected, classify(fixture(name)));
    }

    @Test
    void headersOfSupportedFormatsAreRecognisedWhateverFollows() throws Exception {
        assertEquals(AudioContainer.WAV, classify(TestAudio.wav16(1)));
        assertEquals(AudioContainer.WAV, classify(ascii("RIFX\u0000\u0000\u0000\u0000WAVE")));
        assertEquals(AudioContainer.WAV, classify(ascii("RF64\u00FF\u00FF\u00FF\u00FFWAVE")));
        assertEquals(AudioContainer.AIFF, classify(ascii("FORM\u0000\u0000\u0000\u0000AIFF")));
        assertEquals(AudioContainer.AIFF, classify(ascii("FORM\u0000\u0000\u0000\u0000AIFC")));
        assertEquals(AudioContainer.FLAC, classify(ascii("fLaC\u0000\u0000\u0000\"")));
        assertEquals(AudioContainer.OGG_VORBIS, classify(oggPage("\u0001vorbis")));
        assertEquals(AudioContainer.OGG_OPUS, classify(oggPage("OpusHead")));
    }

    @Test
    void flacAfterAnId3TagIsFlac() throws Exception {
        byte[] id3 = {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 20};
        assertEquals(AudioContainer.FLAC, classify(concat(id3, new byte[20], ascii("fLaC\u0000\u0000"))));
    }

    @Test
    void mp3AfterAnId3TagWithCoverArtIsFoundThroughAStream() throws Exception {
        byte[] mp3 = fixture("tone.mp3");
        int tagBody = 200_000; // longer than the sniffed head: the tag must be looked past, not into
        byte[] id3 = {'I', 'D', '3', 4, 0, 0, 0, (byte) ((tagBody >> 14) & 0x7F), (byte) ((tagBody >> 7) & 0x7F),
            (byte) (tagBody & 0x7F)};
        byte[] file = concat(id3, new byte[tagBody], mp3);
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(file));
        assertEquals(AudioContainer.MP3, FormatSniffer.detect(in));
        assertEquals('I', in.read(), "the stream is reset to its first byte");
    }

    // ------------------------------------------------------------ unsupported, named

    static Stream<Arguments> unsupportedFixtures() {
        return Stream.of(
            Arguments.of("tone.m4a", "MP4/M4A (AAC) audio"),
            Arguments.of("video.mp4", "MP4/QuickTime video"),
            Arguments.of("tone.aac", "ADTS AAC audio"),
            Arguments.of("tone.webm", "WebM media (Matroska)"),
            Arguments.of("tone.mka", "Matroska (MKV/MKA) media"),
            Arguments.of("tone.avi", "AVI video"),
            Arguments.of("tone.caf", "Core Audio Format (CAF) audio"),
            Arguments.of("tone.au", "Sun/NeXT AU audio"),
            Arguments.of("tone.wma", "Windows Media (WMA/WMV, ASF container)"),
            Arguments.of("tone-flac.oga", "FLAC in an Ogg container (Ogg FLAC)"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("unsupportedFixtures")
    void realFilesOfUnsupportedFormatsAreNamed(String name, String detected) throws Exception {
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class,
                () -> classify(fixture(name)));
        assertEquals(detected, e.detected());
    }

    static Stream<Arguments> unsupportedHeaders() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        return Stream.of(
            Arguments.of(ftyp("M4A ", "M4A ", "mp42", "isom"), "MP4/M4A (AAC) audio"),
            Arguments.of(ftyp("mp42", "isom", "M4A "), "MP4/M4A (AAC) audio"),
            Arguments.of(ftyp("isom", "isom", "iso2", "avc1", "mp41"), "MP4/QuickTime video"),
            Arguments.of(ftyp("qt  ", "qt  "), "QuickTime (MOV) video"),
            Arguments.of(ftyp("3gp5", "3gp5"), "3GPP mobile media (MP4 family)"),
            Arguments.of(ftyp("heic", "mif1"), "HEIF/AVIF image"),
            Arguments.of(new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80, 0x01, 0x1F, (byte) 0xFC},
                    "ADTS AAC audio"),
            Arguments.of(concat(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x82,
                (byte) 0x84}, ascii("webm")), "WebM media (Matroska)"),
            Arguments.of(concat(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x82,
                (byte) 0x88}, ascii("matroska")), "Matroska (MKV/MKA) media"),
            Arguments.of(ascii("RIFF\u0000\u0000\u0000\u0000AVI LIST"), "AVI video"),
            Arguments.of(ascii("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "), "WebP image"),
            Arguments.of(ascii("RIFF\u0000\u0000\u0000\u0000ACONanih"),
                    "RIFF container of type 'ACON' (not WAVE audio)"),
            Arguments.of(ascii("FORM\u0000\u0000\u0000\u00008SVXVHDR"), "Amiga 8SVX audio"),
            Arguments.of(ascii("FORM\u0000\u0000\u0000\u0000ILBMBMHD"), "IFF container of type 'ILBM' (not AIFF audio)"),
            Arguments.of(oggPage("\u007fFLAC\u0001\u0000"), "FLAC in an Ogg container (Ogg FLAC)"),
            Arguments.of(oggPage("Speex   1.2"), "Ogg Speex audio"),
            Arguments.of(oggPage("\u0080theora"), "Ogg Theora video"),
            Arguments.of(oggPage("\u0001XYZ1234"), "Ogg container with an unrecognised codec"),
            Arguments.of(ascii("caff\u0000\u0001\u0000\u0000desc"), "Core Audio Format (CAF) audio"),
            Arguments.of(ascii(".snd\u0000\u0000\u0000\u0018"), "Sun/NeXT AU audio"),
            Arguments.of(TestAudio.bytes(0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9),
                    "Windows Media (WMA/WMV, ASF container)"),
            Arguments.of(ascii("#!AMR\n<...>"), "AMR speech audio"),
            Arguments.of(ascii("#!AMR-WB\n<...>"), "AMR-WB speech audio"),
            Arguments.of(ascii("MThd\u0000\u0000\u0000\u0006"), "MIDI sequence (notes, not recorded audio)"),
            Arguments.of(png, "PNG image"),
            Arguments.of(TestAudio.bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'), "JPEG image"),
            Arguments.of(ascii("GIF89a\u0010\u0000"), "GIF image"),
            Arguments.of(ascii("%PDF-1.7\n%\u00E2\u00E3"), "PDF document"),
            Arguments.of(ascii("PK\u0003\u0004\u0014\u0000"), "ZIP archive"),
            Arguments.of(TestAudio.bytes(0x1F, 0x8B, 0x08, 0x00), "gzip-compressed data"),
            Arguments.of(ascii("<!DOCTYPE html>\n<html><body>hi</body></html>"), "HTML document"),
            Arguments.of(ascii("\n  <html lang=\"en\">"), "HTML document"),
            Arguments.of(ascii("<?xml version=\"1.0\"?><root/>"), "XML document"),
            Arguments.of(ascii("{\"emotion\": \"happy\", \"score\": 0.9}"), "JSON document"),
            Arguments.of(ascii("[1, 2, 3]"), "JSON document"),
            Arguments.of("Grüße, this is UTF-8 text.\r\n\tIndented line.\n".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8), "plain text"),
            Arguments.of(ascii("[INFO] a log line, not JSON"), "plain text"),
            Arguments.of(ascii("ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0002\u0000\u0000"),
                    "an ID3v2 tag with no audio after it"),
            Arguments.of(TestAudio.bytes(0x00, 0x01, 0x02, 0xFE, 0x80, 0x81, 0x7F, 0x03), "unknown binary data"),
            Arguments.of(new byte[4096], "unknown binary data"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unsupportedHeaders")
    void unsupportedContentIsNamed(byte[] head, String detected) {
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class, () -> classify(head));
        assertEquals(detected, e.detected());
        assertEquals(Problem.UNSUPPORTED_FORMAT, e.problem());
    }

    @Test
    void zeroBytesAreEmptyNotUnsupported() {
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> classify(new byte[0]));
        assertEquals(Problem.EMPTY, e.problem());
        assertEquals("empty file: 0 bytes", e.getMessage());
    }

    @Test
    void mp3NeedsTwoConsistentFramesNotJustASyncWord() throws Exception {
        byte[] mp3 = fixture("tone.mp3");
        assertEquals(AudioContainer.MP3, classify(Arrays.copyOf(mp3, 1000)));
        // One valid header followed by noise where the next frame should be: not MP3.
        byte[] oneHeader = Arrays.copyOf(mp3, 1000);
        Arrays.fill(oneHeader, 4, oneHeader.length, (byte) 0x55);
        assertThrows(UnsupportedFormatException.class, () -> classify(oneHeader));
    }

    @Test
    void randomGarbageIsNeverTakenForMp3OrAnySupportedFormat() {
        Random random = new Random(20240611);
        byte[] head = new byte[4096];
        for (int i = 0; i < 20_000; i++) {
            random.nextBytes(head);
            if (i % 4 == 0) {
                // A frame sync at the very start is the hard case: the second header must still be checked.
                head[0] = (byte) 0xFF;
                head[1] = (byte) (0xE2 | random.nextInt(0x1E));
            }
            try {
                AudioContainer c = classify(head);
                fail("random bytes #" + i + " were taken for " + c);
            } catch (UnsupportedFormatException expected) {
                // the point of the test
            } catch (AudioDecodeException e) {
                fail("random bytes #" + i + " gave " + e.getMessage());
            }
        }
    }
}
