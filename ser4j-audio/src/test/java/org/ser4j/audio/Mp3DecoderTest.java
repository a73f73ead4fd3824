package org.ser4j.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ser4j.audio.CodecFixtures.Decoded;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;
import org.ser4j.core.audio.AudioInfo;

class Mp3DecoderTest {

    /** LAME 3.100's encoder delay; with the decoder's 529 it is how late untrimmed output starts. */
    private static final int LAME_DELAY = 576;

    private final Mp3Decoder decoder = new Mp3Decoder();

    @Test
    void cbrWithLameTagIsTrimmedToTheSourceLengthAndAlignedSampleForSample() throws Exception {
        Decoded d = CodecFixtures.decode(decoder, CodecFixtures.bytes("mp3-cbr128.mp3"));
        double[] ref = CodecFixtures.wavChannel("chirp-32k.wav", 1, 0, 16);

        assertEquals(new AudioInfo(AudioContainer.MP3, "MPEG-1 Layer III, 128 kbps CBR", 32000, 1, ref.length),
                d.info());
        assertEquals(ref.length, d.frames());
        assertEquals(0, CodecFixtures.bestLag(ref, d.channel(0), 200));
        assertTrue(CodecFixtures.snrDb(ref, d.channel(0)) > 20, "SNR " + CodecFixtures.snrDb(ref, d.channel(0)));
    }

    @Test
    void vbrWithLameTagIsTrimmedAndAligned() throws Exception {
        Decoded d = CodecFixtures.decode(decoder, CodecFixtures.bytes("mp3-vbr.mp3"));
        double[] ref = CodecFixtures.wavChannel("chirp-32k.wav", 1, 0, 16);

        assertTrue(d.info().codec().startsWith("MPEG-1 Layer III, VBR ~"), d.info().codec());
        assertEquals(ref.length, d.info().frames());
        assertEquals(ref.length, d.frames());
        assertEquals(0, CodecFixtures.bestLag(ref, d.channel(0), 200));
        assertTrue(CodecFixtures.snrDb(ref, d.channel(0)) > 20, "SNR " + CodecFixtures.snrDb(ref, d.channel(0)));
    }

    @Test
    void crcProtectedJointStereoKeepsItsChannelsApartAndAligned() throws Exception {
        Decoded d = CodecFixtures.decode(decoder, CodecFixtures.bytes("mp3-stereo-crc.mp3"));
        double[] left = CodecFixtures.leftChirp(32000, 1.0);
        double[] right = CodecFixtures.rightChirp(32000, 1.0);

        assertEquals(new AudioInfo(AudioContainer.MP3, "MPEG-1 Layer III, 96 kbps CBR", 32000, 2, left.length),
                d.info());
        assertEquals(left.length, d.frames());
        assertEquals(0, CodecFixtures.bestLag(left, d.channel(0), 200));
        assertEquals(0, CodecFixtures.bestLag(right, d.channel(1), 200));
        assertTrue(CodecFixtures.snrDb(left, d.channel(0)) > 15, "left SNR " + CodecFixtures.snrDb(left, d.channel(0)));
        assertTrue(CodecFixtures.snrDb(right, d.channel(1)) > 15, "right SNR " + CodecFixtures.snrDb(right, d.channel(1)));
    }

    @Test
    void openingALongStreamReadsOnlyWhatItDecodes() throws Exception {
        // Ten minutes of frames, generated on the fly: never in memory, and only its start is read.
        byte[] mp3 = CodecFixtures.bytes("mp3-noxing.mp3");
        List<Integer> offsets = frameOffsets(mp3);
        byte[] frames = Arrays.copyOfRange(mp3, offsets.get(0), offsets.get(offsets.size() - 1));
        long total = (long) frames.length * (10 * 60 * 32000 / ((offsets.size() - 1) * 1152));
        CountingRepeatStream in = new CountingRepeatStream(frames, total);
        try (var src = decoder.open(in)) {
            float[] buf = new float[32000];
            int got = 0;
            while (got < 32000) {
                got += src.read(buf, 32000 - got);
            }
        }
        assertTrue(in.consumed < 64 * 1024, "read " + in.consumed + " of " + total + " bytes for one second");
    }

    /** {@code pattern} repeated up to {@code total} bytes, counting what is read. */
    private static final class CountingRepeatStream extends java.io.InputStream {
        private final byte[] pattern;
        private final long total;
        long consumed;

        CountingRepeatStream(byte[] pattern, long total) {
            this.pattern = pattern;
            this.total = total;
        }

        @Override
        public int read() {
            return consumed < total ? pattern[(int) (consumed++ % pattern.length)] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (consumed >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - consumed);
            for (int i = 0; i < n; i++) {
                b[off + i] = pattern[(int) (consumed++ % pattern.length)];
            }
            return n;
        }
    }

    @Test
    void mpeg2At16kHzMatchesTheSourceAndFfmpegsDecode() throws Exception {
        Decoded d = CodecFixtures.decode(decoder, CodecFixtures.bytes("mp3-mpeg2-16k.mp3"));
        double[] ref = CodecFixtures.wavChannel("speech-16k.wav", 1, 0, 16);
        double[] ffmpeg = CodecFixtures.wavChannel("mp3-mpeg2-16k.ffmpeg.wav", 1, 0, 16);

        assertEquals(new AudioInfo(AudioContainer.MP3, "MPEG-2 Layer III, 40 kbps CBR", 16000, 1, ref.length),
                d.info());
        assertEquals(ffmpeg.length, d.frames());
        assertEquals(0, CodecFixtures.bestLag(ref, d.channel(0), 200));
        assertTrue(CodecFixtures.snrDb(ref, d.channel(0)) > 15, "SNR " + CodecFixtures.snrDb(ref, d.channel(0)));
        // Same samples as ffmpeg up to the two decoders' rounding (JLayer is 16-bit, ffmpeg float).
        assertTrue(CodecFixtures.snrDb(ffmpeg, d.channel(0)) > 40, "SNR vs ffmpeg "
                + CodecFixtures.snrDb(ffmpeg, d.channel(0)));
    }

    @Test
    void mpeg25At8kHzIsTrimmedToTheLengthOfItsResampledSource() throws Exception {
        Decoded d = CodecFixtures.decode(decoder, CodecFixtures.bytes("mp3-mpeg25-8k.mp3"));
        double[] ref16k = CodecFixtures.wavChannel("speech-16k.wav", 1, 0, 16);
        double[] ref = new double[ref16k.length / 2];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = ref16k[2 * i];
        }

        assertEquals(new AudioInfo(AudioContainer.MP3, "MPEG-2.5 Layer III, 24 kbps CBR", 8000, 1, ref.length),
                d.info());
        assertEquals(ref.length, d.frames());
        assertEquals(0, CodecFixtures.bestLag(ref, d.channel(0), 200));
    }

    @Test
    void withoutXingFrameEverySampleIsReturnedAndTheLengthIsOnlyKnownAtTheEnd() throws Exception {
        Decoded d = CodecFixtures.decode(decoder, CodecFixtures.bytes("mp3-noxing.mp3"));
        double[] ref = CodecFixtures.wavChannel("chirp-32k.wav", 1, 0, 16);

        assertEquals("MPEG-1 Layer III, 128 kbps", d.info().codec());
        assertEquals(AudioInfo.UNKNOWN_LENGTH, d.info().frames());
        assertEquals(0, d.frames() % 1152);
        assertEquals(d.frames(), d.infoAtEnd().frames());
        assertEquals(LAME_DELAY + Mp3Decoder.DECODER_DELAY, CodecFixtures.bestLag(ref, d.channel(0), 1200));
    }

    @Test
    void id3v2BeforeAndId3v1AndApeTagsAfterTheAudioAreIgnored() throws Exception {
        byte[] mp3 = CodecFixtures.bytes("mp3-cbr128.mp3");
        byte[] ape = new byte[64];
        System.arraycopy("APETAGEX".getBytes(StandardCharsets.US_ASCII), 0, ape, 0, 8);
        byte[] id3v1 = new byte[128];
        System.arraycopy("TAG".getBytes(StandardCharsets.US_ASCII), 0, id3v1, 0, 3);
        Arrays.fill(id3v1, 3, 128, (byte) 0xff); // sync-like bytes must not be read as a frame
        byte[] tagged = cat(FlacDecoderTest.id3v2Tag(1000), mp3, ape, id3v1);

        assertArrayEquals(CodecFixtures.decode(decoder, mp3).samples(), CodecFixtures.decode(decoder, tagged).samples());
    }

    @Test
    void junkBetweenFramesIsSkippedWithoutChangingTheAudio() throws Exception {
        byte[] mp3 = CodecFixtures.bytes("mp3-cbr128.mp3");
        List<Integer> offsets = frameOffsets(mp3);
        byte[] junk = new byte[700];
        new Random(3).nextBytes(junk);
        junk[0] = (byte) 0xff; // a false sync right at the frame boundary
        junk[1] = (byte) 0xfb;
        int at = offsets.get(8);
        byte[] damaged = cat(Arrays.copyOf(mp3, at), junk, Arrays.copyOfRange(mp3, at, mp3.length));

        assertArrayEquals(CodecFixtures.decode(decoder, mp3).samples(), CodecFixtures.decode(decoder, damaged).samples());
    }

    @Test
    void fileCutMidFrameDeliversTheCompleteFramesThenReportsTruncation() throws Exception {
        byte[] mp3 = CodecFixtures.bytes("mp3-cbr128.mp3");
        List<Integer> offsets = frameOffsets(mp3);

        assertTruncatedAfterGoodAudio(Arrays.copyOf(mp3, offsets.get(12) + 100), mp3);
        assertTruncatedAfterGoodAudio(Arrays.copyOf(mp3, offsets.get(12) + 2), mp3); // cut inside a header
    }

    @Test
    void garbageReplacingTheAudioAfterTheTagFrameIsMalformed() throws Exception {
        byte[] mp3 = CodecFixtures.bytes("mp3-cbr128.mp3");
        List<Integer> offsets = frameOffsets(mp3);
        byte[] junk = new byte[mp3.length - offsets.get(5)];
        new Random(5).nextBytes(junk);
        System.arraycopy(junk, 0, mp3, offsets.get(5), junk.length);

        assertProblem(Problem.MALFORMED, mp3);
    }

    @Test
    void anId3TagWithoutAudioIsEmpty() {
        assertProblem(Problem.EMPTY, FlacDecoderTest.id3v2Tag(500));
    }

    @Test
    void onlyTheXingTagFrameIsEmpty() {
        byte[] mp3 = CodecFixtures.bytes("mp3-cbr128.mp3");
        assertProblem(Problem.EMPTY, Arrays.copyOf(mp3, frameOffsets(mp3).get(1)));
    }

    @Test
    void randomBytesAreMalformed() {
        byte[] junk = new byte[20000];
        new Random(11).nextBytes(junk);
        assertProblem(Problem.MALFORMED, junk);
    }

    @Test
    void layerTwoIsAnUnsupportedEncoding() {
        // MPEG-1 Layer II, 128 kbps, 44.1 kHz, mono: 417-byte frames.
        byte[] frame = new byte[417];
        frame[0] = (byte) 0xff;
        frame[1] = (byte) 0xfd;
        frame[2] = (byte) 0x80;
        frame[3] = (byte) 0xc0;
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> CodecFixtures.decode(decoder, cat(frame, frame, frame)));
        assertEquals(Problem.UNSUPPORTED_ENCODING, e.problem());
        assertTrue(e.getMessage().contains("Layer II"), e.getMessage());
    }

    private void assertTruncatedAfterGoodAudio(byte[] cut, byte[] whole) throws Exception {
        CodecFixtures.Failure f = CodecFixtures.decodeUntilFailure(decoder, cut,
                CodecFixtures.decode(decoder, whole).samples());
        assertEquals(Problem.TRUNCATED, f.problem(), f.exception().getMessage());
        assertTrue(f.samplesDelivered() > 5000, "good audio before the cut was delivered: " + f.samplesDelivered());
    }

    private void assertProblem(Problem expected, byte[] data) {
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> CodecFixtures.decode(decoder, data));
        assertEquals(expected, e.problem(), e.getMessage());
    }

    /** File offsets of the frames (the tag frame first), found by the reader under test's own framing. */
    static List<Integer> frameOffsets(byte[] mp3) {
        try {
            Mp3FrameReader reader = new Mp3FrameReader(new LookaheadInputStream(new ByteArrayInputStream(mp3), 4096));
            List<Integer> offsets = new ArrayList<>();
            Optional<Mp3FrameReader.Frame> f;
            while ((f = reader.next()).isPresent()) {
                offsets.add((int) f.get().offset());
            }
            return offsets;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
