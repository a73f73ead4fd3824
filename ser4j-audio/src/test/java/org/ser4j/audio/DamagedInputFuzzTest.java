package org.ser4j.audio;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ser4j.core.audio.AudioDecodeException;

/**
 * Randomly damaged fixtures (flipped bytes, cuts, inserted junk; Ogg pages re-sealed so the damage reaches
 * the codec) either decode or fail with an {@link AudioDecodeException}: never another exception from a
 * library, never a hang (the timeout is a hang guard, not a speed check).
 */
class DamagedInputFuzzTest {

    /** Per fixture; raise with -Dser4j.fuzz.mutations=N for a longer local run. */
    private static final int MUTATIONS = Integer.getInteger("ser4j.fuzz.mutations", 60);

    @ParameterizedTest
    @CsvSource({
        "flac16-mono.flac, FLAC", "flac24-stereo.flac, FLAC",
        "mp3-cbr128.mp3, MP3", "mp3-vbr.mp3, MP3", "mp3-mpeg2-16k.mp3, MP3", "mp3-stereo-crc.mp3, MP3",
        "vorbis-mono.ogg, VORBIS", "vorbis-stereo.ogg, VORBIS",
        "opus-mono.opus, OPUS", "opus-stereo.opus, OPUS", "opus-3ch.opus, OPUS"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void damageEndsInADecodeExceptionOrInAudioNeverInAnotherFailure(String fixture, String format) throws Exception {
        byte[] original = CodecFixtures.bytes(fixture);
        Random random = new Random(fixture.hashCode());
        for (int m = 0; m < MUTATIONS; m++) {
            byte[] damaged = mutate(original, random);
            if (format.equals("VORBIS") || format.equals("OPUS")) {
                resealPages(damaged);
            }
            FormatDecoder decoder = switch (format) {
                case "FLAC" -> new FlacDecoder();
                case "MP3" -> new Mp3Decoder();
                case "VORBIS" -> new VorbisDecoder();
                default -> new OpusDecoder();
            };
            try {
                CodecFixtures.decode(decoder, damaged);
            } catch (AudioDecodeException expected) {
                // a typed, explained failure is the right outcome for damaged data
            } catch (Exception | Error e) {
                fail(fixture + " mutation " + m + " escaped as " + e, e);
            }
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] d = original.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    d[random.nextInt(d.length)] ^= (byte) (1 + random.nextInt(255));
                }
                return d;
            }
            case 1 -> {
                return Arrays.copyOf(d, random.nextInt(d.length));
            }
            default -> {
                byte[] junk = new byte[1 + random.nextInt(2000)];
                random.nextBytes(junk);
                int at = random.nextInt(d.length);
                byte[] r = Arrays.copyOf(d, d.length + junk.length);
                System.arraycopy(junk, 0, r, at, junk.length);
                System.arraycopy(d, at, r, at + junk.length, d.length - at);
                return r;
            }
        }
    }

    /** Re-seals every page that still parses, so damage inside pages reaches the codec instead of the CRC. */
    private static void resealPages(byte[] ogg) {
        List<Integer> pages = OggFixtures.pageOffsets(ogg);
        for (int p : pages) {
            if (ogg[p] == 'O' && ogg[p + 1] == 'g' && ogg[p + 2] == 'g' && ogg[p + 3] == 'S') {
                OggFixtures.reseal(ogg, p);
            }
        }
    }
}
