package org.ser4j.audio;

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
import org.ser4j.core.audio.AudioInfo;

class OpusDecoderTest {

    private final OpusDecoder decoder = new OpusDecoder();

    @Test
    void monoIsTrimmedByPreSkipAndEndGranuleToTheSourceLengthAndAligned() throws Exception {
        Decoded d = CodecFixtures.decode(decoder, CodecFixtures.bytes("opus-mono.opus"));
        double[] ref = CodecFixtures.leftChirp(48000, 1.0);

        assertEquals(new AudioInfo(AudioContainer.OGG_OPUS, "Opus", 48000, 1, AudioInfo.UNKNOWN_LENGTH), d.info());
        assertEquals(ref.length, d.frames());
        assertEquals(ref.length, d.infoAtEnd().frames());
        assertTrue(Math.abs(CodecFixtures.bestLag(ref, d.channel(0), 400)) <= 3);
        assertTrue(CodecFixtures.snrDb(ref, d.channel(0)) > 20, "SNR " + CodecFixtures.snrDb(ref, d.channel(0)));
    }

    @Test
    void stereoKeepsItsChannelsApartAndInOrder() throws Exception {
        Decoded d = CodecFixtures.decode(decoder, CodecFixtures.bytes("opus-stereo.opus"));
        double[] left = CodecFixtures.leftChirp(48000, 1.0);
        double[] right = CodecFixtures.rightChirp(48000, 1.0);

        assertEquals(2, d.info().channels());
        assertEquals(left.length, d.frames());
        assertTrue(Math.abs(CodecFixtures.bestLag(left, d.channel(0), 400)) <= 3);
        assertTrue(Math.abs(CodecFixtures.bestLag(right, d.channel(1), 400)) <= 3);
        assertTrue(CodecFixtures.snrDb(left, d.channel(0)) > 20, "left SNR " + CodecFixtures.snrDb(left, d.channel(0)));
        assertTrue(CodecFixtures.snrDb(right, d.channel(1)) > 20, "right SNR " + CodecFixtures.snrDb(right, d.channel(1)));
    }

    @Test
    void threeChannelsUseMappingFamilyOneInVorbisOrder() throws Exception {
        Decoded d = CodecFixtures.decode(decoder, CodecFixtures.bytes("opus-3ch.opus"));
        // The script wrote WAV order FL, FR, FC; Vorbis order (what Opus stores) is L, C, R.
        double[][] expected = {CodecFixtures.leftChirp(48000, 0.5), CodecFixtures.chirp(48000, 0.5, 1000, 2000, 0.3),
            CodecFixtures.rightChirp(48000, 0.5)};

        assertEquals(3, d.info().channels());
        assertEquals(expected[0].length, d.frames());
        // Each output channel matches its own source best (libopus codes the lone centre stream with few
        // bits: its SNR is only ~6 dB, with libopus's own decoder too).
        for (int c = 0; c < 3; c++) {
            for (int other = 0; other < 3; other++) {
                double own = CodecFixtures.snrDb(expected[c], d.channel(c));
                assertTrue(own > 3, "channel " + c + " SNR " + own);
                if (other != c) {
                    assertTrue(CodecFixtures.snrDb(expected[other], d.channel(c)) < 0, "channel " + c
                            + " resembles source " + other);
                }
            }
        }
    }

    @Test
    void headerOutputGainIsApplied() throws Exception {
        byte[] opus = CodecFixtures.bytes("opus-mono.opus");
        int head = OggFixtures.firstPacket(opus);
        int gainQ8 = -1541; // -6.02 dB: half amplitude
        opus[head + 16] = (byte) gainQ8;
        opus[head + 17] = (byte) (gainQ8 >> 8);
        OggFixtures.reseal(opus, 0);

        double[] plain = CodecFixtures.decode(decoder, CodecFixtures.bytes("opus-mono.opus")).channel(0);
        double[] quiet = CodecFixtures.decode(decoder, opus).channel(0);
        double ratio = Math.sqrt(energy(quiet) / energy(plain));
        assertEquals(0.5, ratio, 0.005);
    }

    @Test
    void anUnknownChannelMappingFamilyIsAnUnsupportedEncoding() {
        byte[] opus = CodecFixtures.bytes("opus-mono.opus");
        opus[OggFixtures.firstPacket(opus) + 18] = (byte) 255;
        OggFixtures.reseal(opus, 0);
        assertProblem(Problem.UNSUPPORTED_ENCODING, opus);
    }

    @Test
    void fileCutMidPageDeliversTheGoodAudioThenReportsTruncation() throws Exception {
        byte[] opus = CodecFixtures.bytes("opus-stereo.opus");
        // opusenc packs up to a second per page: cut inside the last page so earlier audio exists.
        CodecFixtures.Failure f = CodecFixtures.decodeUntilFailure(decoder, Arrays.copyOf(opus, opus.length - 100),
                CodecFixtures.decode(decoder, opus).samples());

        assertEquals(Problem.TRUNCATED, f.problem(), f.exception().getMessage());
        assertTrue(f.samplesDelivered() > 10000, "delivered " + f.samplesDelivered());
    }

    @Test
    void aDamagedFirstPageIsMalformed() {
        byte[] opus = CodecFixtures.bytes("opus-mono.opus");
        opus[OggFixtures.firstPacket(opus) + 9] = 7; // channel count; the CRC no longer matches
        assertProblem(Problem.MALFORMED, opus);
    }

    @Test
    void garbageAfterTheHeadersIsMalformed() {
        byte[] opus = CodecFixtures.bytes("opus-mono.opus");
        int audio = OggFixtures.pageOffsets(opus).get(2);
        byte[] junk = new byte[opus.length - audio];
        new Random(13).nextBytes(junk);
        System.arraycopy(junk, 0, opus, audio, junk.length);
        assertProblem(Problem.MALFORMED, opus);
    }

    @Test
    void aVorbisFileHasNoOpusStream() {
        assertProblem(Problem.MALFORMED, CodecFixtures.bytes("vorbis-mono.ogg"));
    }

    private static double energy(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }

    private void assertProblem(Problem expected, byte[] data) {
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> CodecFixtures.decode(decoder, data));
        assertEquals(expected, e.problem(), e.getMessage());
    }
}
