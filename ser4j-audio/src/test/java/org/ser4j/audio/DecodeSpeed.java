package org.ser4j.audio;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.ser4j.core.audio.PcmSource;

/**
 * Prints decode speed per format, in multiples of real time on one thread, from the committed fixtures
 * (each decoded repeatedly after a warm-up). A measurement, not a test: run it with
 * {@code java -cp <test classpath> org.ser4j.audio.DecodeSpeed [seconds per format]}.
 */
public final class DecodeSpeed {

    private record Case(String fixture, FormatDecoder decoder) {
    }

    private DecodeSpeed() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        List<Case> cases = List.of(
                new Case("flac16-mono.flac", new FlacDecoder()),
                new Case("flac24-stereo.flac", new FlacDecoder()),
                new Case("mp3-cbr128.mp3", new Mp3Decoder()),
                new Case("mp3-mpeg2-16k.mp3", new Mp3Decoder()),
                new Case("vorbis-mono.ogg", new VorbisDecoder()),
                new Case("vorbis-stereo.ogg", new VorbisDecoder()),
                new Case("opus-mono.opus", new OpusDecoder()),
                new Case("opus-stereo.opus", new OpusDecoder()));
        System.out.printf("%-20s %8s %6s %10s%n", "fixture", "rate", "ch", "x realtime");
        for (Case c : cases) {
            byte[] data = CodecFixtures.bytes(c.fixture());
            run(c.decoder(), data, seconds / 3); // warm-up: let the JIT compile the decode loops
            long start = System.nanoTime();
            double audio = run(c.decoder(), data, seconds);
            double wall = (System.nanoTime() - start) / 1e9;
            PcmSource probe = c.decoder().open(new ByteArrayInputStream(data));
            System.out.printf("%-20s %8d %6d %10.0f%n", c.fixture(), probe.info().sampleRate(),
                    probe.info().channels(), audio / wall);
            probe.close();
        }
    }

    /** Decodes {@code data} over and over for about {@code seconds}; returns the seconds of audio decoded. */
    private static double run(FormatDecoder decoder, byte[] data, double seconds) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        double audio = 0;
        float[] buf = new float[4096 * 8];
        while (System.nanoTime() < deadline) {
            try (PcmSource src = decoder.open(new ByteArrayInputStream(data))) {
                long frames = 0;
                int n;
                while ((n = src.read(buf, 4096)) >= 0) {
                    frames += n;
                }
                audio += (double) frames / src.info().sampleRate();
            }
        }
        return audio;
    }
}
