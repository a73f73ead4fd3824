package org.ser4j.silero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.vad.SpeechRegion;
import org.ser4j.core.vad.VadStream;

/**
 * The real Silero model (../shared/models/silero-vad, not in the repository) on a recording built from a
 * synthetic sentence between stretches of noise. The sentence, {@code espeak-speech-16k.wav}, was made with
 * {@code espeak-ng -v en-us -s 150 -w s.wav "The quick brown fox jumps over the lazy dog, and then it rests."}
 * and {@code sox s.wav -r 16000 -b 16 -c 1 espeak-speech-16k.wav}.
 */
@Tag("corpus")
class SileroVadCorpusTest {

    private static final int RATE = 16_000;
    /** How far a region edge may lie from the first or last audible sample of the sentence. */
    private static final double EDGE_TOLERANCE_SECONDS = 0.2;

    private static SileroVad vad;
    private static float[] sentence;

    /** Where the two sentences lie in the test recording, in samples at 16 kHz: audible start and end. */
    private static final List<long[]> TRUTH = new ArrayList<>();
    private static float[] recording;

    @BeforeAll
    static void load() throws Exception {
        String shared = System.getProperty("ser4j.shared");
        Path model = shared == null ? null : Path.of(shared, "models", "silero-vad", "silero_vad.onnx");
        assumeTrue(model != null && Files.isRegularFile(model), "../shared/models/silero-vad not present");
        vad = SileroVad.load(model);
        sentence = readWav("espeak-speech-16k.wav");
        recording = buildRecording();
    }

    @AfterAll
    static void close() {
        if (vad != null) {
            vad.close();
        }
    }

    private static float[] readWav(String resource) throws Exception {
        try (InputStream in = new BufferedInputStream(SileroVadCorpusTest.class.getResourceAsStream(resource));
             AudioInputStream audio = AudioSystem.getAudioInputStream(in)) {
            AudioFormat format = audio.getFormat();
            assertEquals(RATE, format.getSampleRate());
            assertEquals(1, format.getChannels());
            assertEquals(16, format.getSampleSizeInBits());
            ByteBuffer bytes = ByteBuffer.wrap(audio.readAllBytes())
                    .order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            float[] x = new float[bytes.remaining() / 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = bytes.getShort() / 32768f;
            }
            return x;
        }
    }

    /** 1.5 s noise, the sentence, 2.5 s louder noise, the sentence 6 dB quieter, 1 s noise. */
    private static float[] buildRecording() {
        Random random = new Random(42);
        List<float[]> parts = List.of(noise(1.5, 0.002, random), scaled(sentence, 1.0f),
                noise(2.5, 0.01, random), scaled(sentence, 0.5f), noise(1.0, 0.002, random));
        int length = parts.stream().mapToInt(p -> p.length).sum();
        float[] x = new float[length];
        int at = 0;
        for (int k = 0; k < parts.size(); k++) {
            float[] part = parts.get(k);
            System.arraycopy(part, 0, x, at, part.length);
            if (k == 1 || k == 3) {
                TRUTH.add(new long[] {at + firstAudible(part), at + lastAudible(part) + 1});
            }
            at += part.length;
        }
        // Keep a little noise under the speech too, as in a real room.
        for (int i = 0; i < x.length; i++) {
            x[i] += (float) (0.002 * random.nextGaussian());
        }
        return x;
    }

    private static float[] noise(double seconds, double sigma, Random random) {
        float[] x = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (sigma * random.nextGaussian());
        }
        return x;
    }

    private static float[] scaled(float[] x, float gain) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = gain * x[i];
        }
        return y;
    }

    /** Audible: above 2 % of the sentence's peak. */
    private static float audibleLevel(float[] x) {
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        return 0.02f * peak;
    }

    private static int firstAudible(float[] x) {
        float level = audibleLevel(x);
        int i = 0;
        while (Math.abs(x[i]) <= level) {
            i++;
        }
        return i;
    }

    private static int lastAudible(float[] x) {
        float level = audibleLevel(x);
        int i = x.length - 1;
        while (Math.abs(x[i]) <= level) {
            i--;
        }
        return i;
    }

    /** Each sentence is covered from its first to its last audible sample within the tolerance, nothing else. */
    private static void assertFindsTheSentences(List<SpeechRegion> regions, int rate) {
        for (SpeechRegion region : regions) {
            long[] truth = TRUTH.stream()
                    .filter(t -> region.startSeconds() < t[1] / (double) RATE + EDGE_TOLERANCE_SECONDS
                            && region.endSeconds() > t[0] / (double) RATE - EDGE_TOLERANCE_SECONDS)
                    .findFirst().orElse(null);
            assertTrue(truth != null, region + " is not near any sentence; regions " + regions);
        }
        for (long[] truth : TRUTH) {
            double start = truth[0] / (double) RATE;
            double end = truth[1] / (double) RATE;
            List<SpeechRegion> covering = regions.stream()
                    .filter(r -> r.startSeconds() < end + EDGE_TOLERANCE_SECONDS
                            && r.endSeconds() > start - EDGE_TOLERANCE_SECONDS)
                    .toList();
            assertFalse(covering.isEmpty(), "sentence at " + start + " s not found in " + regions);
            assertEquals(start, covering.get(0).startSeconds(), EDGE_TOLERANCE_SECONDS,
                    "start of sentence at " + start + " s in " + regions);
            assertEquals(end, covering.get(covering.size() - 1).endSeconds(), EDGE_TOLERANCE_SECONDS,
                    "end of sentence ending at " + end + " s in " + regions);
            assertEquals(rate, covering.get(0).sampleRate());
        }
    }

    @Test
    void findsTheSentencesWithinAFifthOfASecondAndNothingInTheNoise() {
        long started = System.nanoTime();
        List<SpeechRegion> regions = vad.detect(new PcmAudio(recording, RATE));
        long elapsed = System.nanoTime() - started;
        // Reported, not asserted: timings belong to benchmarks.
        System.out.printf("Silero VAD: %d chunks of 32 ms, %.3f ms each; sentences %s, regions %s%n",
                recording.length / 512, elapsed / 1e6 / (recording.length / 512),
                TRUTH.stream().map(t -> t[0] / (double) RATE + "-" + t[1] / (double) RATE).toList(), regions);
        assertFindsTheSentences(regions, RATE);
    }

    @Test
    void streamingInRandomBlocksGivesTheOneShotRegions() {
        List<SpeechRegion> oneShot = vad.detect(new PcmAudio(recording, RATE));
        Random random = new Random(3);
        for (int trial = 0; trial < 4; trial++) {
            int maxBlock = 1 + random.nextInt(trial % 2 == 0 ? 700 : 40_000);
            VadStream stream = vad.stream(RATE);
            List<SpeechRegion> streamed = new ArrayList<>();
            for (int at = 0; at < recording.length; ) {
                int length = Math.min(recording.length - at, random.nextInt(maxBlock + 1));
                streamed.addAll(stream.accept(recording, at, length));
                at += length;
            }
            streamed.addAll(stream.flush());
            assertEquals(oneShot, streamed, "blocks up to " + maxBlock);
        }
    }

    @Test
    void worksAtEightKilohertz() {
        // Averaging pairs is a crude low-pass, enough for a detector that listens below 4 kHz anyway.
        float[] x = new float[recording.length / 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5f * (recording[2 * i] + recording[2 * i + 1]);
        }
        List<SpeechRegion> regions = vad.detect(new PcmAudio(x, 8_000));
        System.out.println("Silero VAD at 8 kHz: " + regions);
        assertFindsTheSentences(regions, 8_000);
    }

    @Test
    void undecidedFromNeverDecreasesAndNoLaterRegionStartsBeforeIt() {
        VadStream stream = vad.stream(RATE);
        long undecided = 0;
        int block = 1_000;
        boolean sawOpenRegion = false;
        for (int at = 0; at < recording.length; at += block) {
            int length = Math.min(block, recording.length - at);
            for (SpeechRegion region : stream.accept(recording, at, length)) {
                assertTrue(region.startSample() >= undecided, region + " starts before " + undecided);
            }
            long now = stream.undecidedFrom();
            assertTrue(now >= undecided, "undecidedFrom went back from " + undecided + " to " + now);
            assertTrue(now <= at + length, "undecidedFrom " + now + " lies past the samples pushed");
            long[] first = TRUTH.get(0);
            if (at > first[0] + RATE && at + length < first[1] - RATE / 2) {
                // Inside the first sentence: the open region's start is what stays undecided.
                assertEquals(first[0] / (double) RATE, now / (double) RATE, EDGE_TOLERANCE_SECONDS);
                sawOpenRegion = true;
            }
            undecided = now;
        }
        for (SpeechRegion region : stream.flush()) {
            assertTrue(region.startSample() >= undecided, region + " starts before " + undecided);
        }
        assertTrue(sawOpenRegion);
        assertTrue(undecided > TRUTH.get(1)[1], "the silence after the last sentence is decided: " + undecided);
    }
}
