package org.ser4j.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ser4j.audio.CodecFixtures.Decoded;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;
import org.ser4j.core.audio.AudioInfo;

class VorbisDecoderTest {

    private final VorbisDecoder decoder = new VorbisDecoder();

    @Test
    void monoSpeechMatchesTheSourceInLengthAlignmentAndWaveform() throws Exception {
        Decoded d = CodecFixtures.decode(decoder, CodecFixtures.bytes("vorbis-mono.ogg"));
        double[] ref = CodecFixtures.wavChannel("speech-16k.wav", 1, 0, 16);

        assertEquals(new AudioInfo(AudioContainer.OGG_VORBIS, "Vorbis", 16000, 1, AudioInfo.UNKNOWN_LENGTH),
                d.info());
        assertEquals(ref.length, d.frames(), "trimmed to the end granule");
        assertEquals(ref.length, d.infoAtEnd().frames());
        assertEquals(0, CodecFixtures.bestLag(ref, d.channel(0), 200));
        assertTrue(CodecFixtures.snrDb(ref, d.channel(0)) > 20, "SNR " + CodecFixtures.snrDb(ref, d.channel(0)));
    }

    @Test
    void stereoKeepsItsChannelsApartAndInOrder() throws Exception {
        Decoded d = CodecFixtures.decode(decoder, CodecFixtures.bytes("vorbis-stereo.ogg"));
        double[] left = CodecFixtures.leftChirp(32000, 1.0);
        double[] right = CodecFixtures.rightChirp(32000, 1.0);

        assertEquals(32000, d.info().sampleRate());
        assertEquals(2, d.info().channels());
        assertEquals(left.length, d.frames());
        assertEquals(0, CodecFixtures.bestLag(left, d.channel(0), 200));
        assertEquals(0, CodecFixtures.bestLag(right, d.channel(1), 200));
        assertTrue(CodecFixtures.snrDb(left, d.channel(0)) > 20, "left SNR " + CodecFixtures.snrDb(left, d.channel(0)));
        assertTrue(CodecFixtures.snrDb(right, d.channel(1)) > 20, "right SNR " + CodecFixtures.snrDb(right, d.channel(1)));
    }

    @Test
    void fileCutMidPageDeliversTheGoodAudioThenReportsTruncation() throws Exception {
        byte[] ogg = CodecFixtures.bytes("vorbis-mono.ogg");
        CodecFixtures.Failure f = CodecFixtures.decodeUntilFailure(decoder, Arrays.copyOf(ogg, ogg.length - 500),
                CodecFixtures.decode(decoder, ogg).samples());

        assertEquals(Problem.TRUNCATED, f.problem(), f.exception().getMessage());
        assertTrue(f.samplesDelivered() > 5000, "delivered " + f.samplesDelivered());
    }

    @Test
    void fileCutInsideTheHeadersIsTruncated() {
        byte[] ogg = CodecFixtures.bytes("vorbis-mono.ogg");
        List<Integer> pages = OggFixtures.pageOffsets(ogg);
        assertProblem(Problem.TRUNCATED, Arrays.copyOf(ogg, pages.get(1) + 40));
    }

    @Test
    void aDamagedFirstPageIsMalformed() {
        byte[] ogg = CodecFixtures.bytes("vorbis-mono.ogg");
        ogg[OggFixtures.firstPacket(ogg) + 12] ^= 0x40; // inside the identification header: CRC fails
        assertProblem(Problem.MALFORMED, ogg);
    }

    @Test
    void garbageAfterTheHeadersIsMalformed() {
        byte[] ogg = CodecFixtures.bytes("vorbis-mono.ogg");
        int audio = OggFixtures.pageOffsets(ogg).get(2);
        byte[] junk = new byte[ogg.length - audio];
        new Random(9).nextBytes(junk);
        System.arraycopy(junk, 0, ogg, audio, junk.length);
        assertProblem(Problem.MALFORMED, ogg);
    }

    @Test
    void anOpusFileHasNoVorbisStream() {
        assertProblem(Problem.MALFORMED, CodecFixtures.bytes("opus-mono.opus"));
    }

    @Test
    void noBytesAtAllIsEmpty() {
        assertProblem(Problem.EMPTY, new byte[0]);
    }

    private void assertProblem(Problem expected, byte[] data) {
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> CodecFixtures.decode(decoder, data));
        assertEquals(expected, e.problem(), e.getMessage());
    }
}
