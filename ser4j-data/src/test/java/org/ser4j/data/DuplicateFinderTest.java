package org.ser4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.core.Emotion;

class DuplicateFinderTest {

    private static final int RATE = 16000;

    @TempDir
    Path dir;

    /** A second of "speech": a gliding tone with noise, different for each seed. */
    private static short[] signal(long seed, int frames, int channels) {
        Random random = new Random(seed);
        double f0 = 150 + random.nextInt(100);
        short[] out = new short[frames * channels];
        for (int i = 0; i < frames; i++) {
            double t = (double) i / RATE;
            double v = 0.4 * Math.sin(2 * Math.PI * f0 * t * (1 + t)) + 0.05 * random.nextGaussian();
            for (int c = 0; c < channels; c++) {
                out[i * channels + c] = (short) Math.round(Math.max(-1, Math.min(1, v * (1 + 0.3 * c))) * 32767);
            }
        }
        return out;
    }

    private static byte[] bytes(short[] samples, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(order);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    /** Writes 16-bit PCM in WAV or AIFF through javax.sound, a writer independent of ser4j's decoders. */
    private Clip write(String name, short[] samples, int channels, AudioFileFormat.Type type) throws IOException {
        boolean bigEndian = type == AudioFileFormat.Type.AIFF;
        AudioFormat format = new AudioFormat(RATE, 16, channels, true, bigEndian);
        byte[] data = bytes(samples, bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        Path file = dir.resolve(name);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(data), format,
                samples.length / channels)) {
            AudioSystem.write(in, type, file.toFile());
        }
        return clipOf(file);
    }

    private Clip wav(String name, short[] samples) throws IOException {
        return write(name, samples, 1, AudioFileFormat.Type.WAVE);
    }

    private static Clip clipOf(Path file) {
        return new Clip(file, "test", "test:1", Gender.UNKNOWN, "en", Optional.of(Emotion.NEUTRAL), "neutral",
                Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalDouble.empty());
    }

    private static List<List<Path>> paths(DuplicateReport report) {
        return report.groups().stream().map(g -> g.clips().stream().map(Clip::path).toList()).toList();
    }

    @Test
    void sameAudioUnderAnotherNameAndContainerIsFoundAndOtherAudioIsNot() throws IOException {
        short[] speech = signal(1, RATE, 1);
        Clip original = wav("b-original.wav", speech);
        Clip copy = write("a-copy.aiff", speech, 1, AudioFileFormat.Type.AIFF);
        Clip other = wav("c-other.wav", signal(2, RATE, 1));
        Clip shorter = wav("d-shorter.wav", Arrays.copyOf(speech, RATE - 1));

        DuplicateReport report = DuplicateFinder.defaults().find(List.of(original, copy, other, shorter));

        assertEquals(List.of(List.of(copy.path(), original.path())), paths(report));
        assertEquals(copy, report.groups().get(0).kept());
        assertEquals(4, report.checked());
        assertEquals(3, report.decoded(), "the clip of another length is never decoded");
        assertEquals(List.of(), report.unreadable());
        assertEquals(1, report.duplicateCount());
    }

    @Test
    void aDitheredCopyIsFoundWithinTheToleranceButNotWhenIdenticalAudioIsRequired() throws IOException {
        short[] speech = signal(3, RATE, 1);
        short[] dithered = speech.clone();
        Random random = new Random(4);
        for (int i = 0; i < dithered.length; i++) {
            dithered[i] += (short) (random.nextInt(5) - 2); // up to 2 steps, as the RAVDESS conversion did
        }
        Clip a = wav("a.wav", speech);
        Clip b = wav("b.wav", dithered);

        assertEquals(List.of(List.of(a.path(), b.path())), paths(DuplicateFinder.defaults().find(List.of(a, b))));
        assertEquals(List.of(), paths(DuplicateFinder.builder().optTolerance(0).build().find(List.of(a, b))));
        assertEquals(List.of(), paths(DuplicateFinder.builder().optTolerance(1.0 / 32768).build()
                .find(List.of(a, b))), "1 step of tolerance is less than the 2 steps of difference");
    }

    @Test
    void copiesAreGroupedTogetherAndRemovalKeepsTheFirstByPath() throws IOException {
        short[] speech = signal(5, RATE / 2, 1);
        Clip c = wav("c.wav", speech);
        Clip a = wav("a.wav", speech);
        Clip b = wav("b.wav", speech);
        Clip other = wav("d.wav", signal(6, RATE / 2, 1));
        Dataset dataset = Dataset.of(List.of(a, b, c, other));

        DuplicateReport report = DuplicateFinder.builder().optThreads(1).build().find(dataset);
        assertEquals(List.of(List.of(a.path(), b.path(), c.path())), paths(report));

        Selection s = report.withoutDuplicates(dataset);
        assertEquals(List.of(a, other), s.dataset().clips());
        assertEquals(Map.of(RemovalReason.DUPLICATE, 2), s.removed());
        assertEquals(List.of(b.path() + " duplicates " + a.path(), c.path() + " duplicates " + a.path()), s.notes());

        Selection withoutA = report.withoutDuplicates(Dataset.of(List.of(b, c, other)));
        assertEquals(List.of(b, other), withoutA.dataset().clips(), "the first clip present is kept");
    }

    @Test
    void stereoFramesAreComparedChannelByChannel() throws IOException {
        short[] stereo = signal(7, RATE / 4, 2);
        short[] swapped = stereo.clone();
        for (int i = 0; i < swapped.length; i += 2) {
            swapped[i] = stereo[i + 1];
            swapped[i + 1] = stereo[i];
        }
        Clip a = write("a.wav", stereo, 2, AudioFileFormat.Type.WAVE);
        Clip b = write("b.wav", stereo, 2, AudioFileFormat.Type.WAVE);
        Clip swappedClip = write("c.wav", swapped, 2, AudioFileFormat.Type.WAVE);

        assertEquals(List.of(List.of(a.path(), b.path())),
                paths(DuplicateFinder.defaults().find(List.of(a, b, swappedClip))));
    }

    @Test
    void unreadableFilesAreReportedNotSkipped() throws IOException {
        Path junk = dir.resolve("junk.wav");
        Files.write(junk, "this is not audio at all, only text".getBytes(StandardCharsets.UTF_8));
        Clip good = wav("good.wav", signal(8, 1000, 1));

        DuplicateReport report = DuplicateFinder.defaults().find(List.of(clipOf(junk), good));

        assertEquals(List.of(), report.groups());
        assertEquals(1, report.unreadable().size());
        assertEquals(junk, report.unreadable().get(0).path());
        assertTrue(report.unreadable().get(0).reason().startsWith("unsupported format: plain text"),
                report.unreadable().get(0).reason());
    }
}
