package org.ser4j.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ser4j.audio.CodecFixtures.Decoded;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;

class FlacDecoderTest {

    private final FlacDecoder decoder = new FlacDecoder();

    @Test
    void sixteenBitMonoIsBitExactWithTheSourceWavScaledLikeLibsndfile() throws Exception {
        Decoded d = CodecFixtures.decode(decoder, CodecFixtures.bytes("flac16-mono.flac"));
        int[] ref = CodecFixtures.wavSamples(CodecFixtures.bytes("speech-16k.wav"));

        assertEquals(AudioContainer.FLAC, d.info().container());
        assertEquals("FLAC 16-bit", d.info().codec());
        assertEquals(16000, d.info().sampleRate());
        assertEquals(1, d.info().channels());
        assertEquals(ref.length, d.info().frames());
        assertEquals(ref.length, d.samples().length);
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i] / 32768f, d.samples()[i], "sample " + i);
        }
    }

    @Test
    void twentyFourBitStereoIsBitExactWithTheSourceWav() throws Exception {
        Decoded d = CodecFixtures.decode(decoder, CodecFixtures.bytes("flac24-stereo.flac"));
        int[] ref = CodecFixtures.wavSamples(CodecFixtures.bytes("flac24-ref.wav"));

        assertEquals("FLAC 24-bit", d.info().codec());
        assertEquals(2, d.info().channels());
        assertEquals(ref.length / 2, d.info().frames());
        float[] expected = new float[ref.length];
        for (int i = 0; i < ref.length; i++) {
            expected[i] = ref[i] / 8388608f;
        }
        assertArrayEquals(expected, d.samples());
    }

    @Test
    void leadingId3v2TagIsSkipped() throws Exception {
        byte[] flac = CodecFixtures.bytes("flac16-mono.flac");
        byte[] tagged = concat(id3v2Tag(300), flac);

        assertArrayEquals(CodecFixtures.decode(decoder, flac).samples(),
                CodecFixtures.decode(decoder, tagged).samples());
    }

    @Test
    void zeroSampleRateInStreamInfoIsMalformed() {
        byte[] flac = CodecFixtures.bytes("flac16-mono.flac");
        // fLaC(4) + block header(4) + block sizes(4) + frame sizes(6): the 20-bit rate starts at byte 18.
        flac[18] = 0;
        flac[19] = 0;
        flac[20] &= 0x0f;

        assertProblem(Problem.MALFORMED, flac);
    }

    @Test
    void fileCutInsideTheMetadataIsTruncated() {
        assertProblem(Problem.TRUNCATED, Arrays.copyOf(CodecFixtures.bytes("flac16-mono.flac"), 30));
    }

    @Test
    void fileCutMidFrameDeliversTheCompleteFramesThenReportsTruncation() throws Exception {
        byte[] flac = CodecFixtures.bytes("flac16-mono.flac");
        byte[] cut = Arrays.copyOf(flac, flac.length * 2 / 3);

        float[] full = CodecFixtures.decode(decoder, flac).samples();
        CodecFixtures.Failure f = CodecFixtures.decodeUntilFailure(decoder, cut, full);
        assertEquals(Problem.TRUNCATED, f.problem());
        assertTrue(f.samplesDelivered() > 10000, "complete frames delivered: " + f.samplesDelivered());
        assertTrue(f.exception().getMessage().contains("of the 20450 samples"), f.exception().getMessage());
    }

    @Test
    void garbageAfterAValidHeaderIsMalformed() {
        byte[] flac = CodecFixtures.bytes("flac16-mono.flac");
        int audio = audioStart(flac);
        byte[] junk = new byte[flac.length - audio];
        new Random(7).nextBytes(junk);
        System.arraycopy(junk, 0, flac, audio, junk.length);

        assertProblem(Problem.MALFORMED, flac);
    }

    @Test
    void aFlippedByteInsideAFrameFailsItsCrcAndIsMalformed() throws Exception {
        byte[] flac = CodecFixtures.bytes("flac16-mono.flac");
        flac[flac.length / 2] ^= 0x5a;

        // A frame that fails its CRC is never delivered: everything before it is, unchanged.
        CodecFixtures.Failure f = CodecFixtures.decodeUntilFailure(decoder, flac,
                CodecFixtures.decode(decoder, CodecFixtures.bytes("flac16-mono.flac")).samples());
        assertEquals(Problem.MALFORMED, f.problem());
    }

    @Test
    void contentWithoutTheFlacMarkerIsMalformed() {
        assertProblem(Problem.MALFORMED, "RIFF....WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private void assertProblem(Problem expected, byte[] data) {
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> CodecFixtures.decode(decoder, data));
        assertEquals(expected, e.problem(), e.getMessage());
    }

    static int audioStart(byte[] flac) {
        int p = 4;
        while (true) {
            boolean last = (flac[p] & 0x80) != 0;
            int len = ((flac[p + 1] & 0xff) << 16) | ((flac[p + 2] & 0xff) << 8) | (flac[p + 3] & 0xff);
            p += 4 + len;
            if (last) {
                return p;
            }
        }
    }

    /** An ID3v2.4 tag with {@code payload} zero bytes of body. */
    static byte[] id3v2Tag(int payload) {
        byte[] tag = new byte[10 + payload];
        tag[0] = 'I';
        tag[1] = 'D';
        tag[2] = '3';
        tag[3] = 4;
        tag[6] = (byte) ((payload >> 21) & 0x7f);
        tag[7] = (byte) ((payload >> 14) & 0x7f);
        tag[8] = (byte) ((payload >> 7) & 0x7f);
        tag[9] = (byte) (payload & 0x7f);
        return tag;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
