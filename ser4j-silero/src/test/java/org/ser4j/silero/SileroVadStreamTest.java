package org.ser4j.silero;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ser4j.core.vad.SpeechRegion;
import org.ser4j.core.vad.VadStream;

/**
 * The streaming decisions against a line-by-line port of Python's {@code get_speech_timestamps}, on scripted
 * probabilities: each chunk of the test signal holds its probability as its samples, and the scorer reads it
 * back, so no model is needed.
 */
class SileroVadStreamTest {

    /** Reads the chunk's probability from its first new sample, past the context. */
    private static ChunkScorer scripted(int sampleRate) {
        int context = SileroVad.contextSamples(sampleRate);
        return window -> window[context];
    }

    /** A signal whose chunk i is constant {@code probabilities[i]}, cut to {@code length} samples. */
    private static float[] signal(float[] probabilities, int sampleRate, int length) {
        int chunk = SileroVad.chunkSamples(sampleRate);
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = probabilities[i / chunk];
        }
        return x;
    }

    /** Runs of speech, uncertain and silent probabilities of random lengths, so every branch is reached. */
    private static float[] randomProbabilities(Random random, int chunks) {
        float[] p = new float[chunks];
        for (int i = 0; i < chunks; ) {
            int run = 1 + random.nextInt(random.nextBoolean() ? 4 : 40);
            float level = switch (random.nextInt(4)) {
                case 0, 1 -> 0.5f + 0.5f * random.nextFloat();
                case 2 -> 0.35f + 0.15f * random.nextFloat();
                default -> 0.35f * random.nextFloat();
            };
            for (int j = 0; j < run && i < chunks; j++, i++) {
                p[i] = level;
            }
        }
        return p;
    }

    private static List<SpeechRegion> stream(float[] x, SileroConfig config, int sampleRate, Random random,
            int maxBlock) {
        VadStream stream = new SileroVadStream(config, sampleRate, scripted(sampleRate));
        List<SpeechRegion> regions = new ArrayList<>();
        for (int at = 0; at < x.length; ) {
            int length = Math.min(x.length - at, random.nextInt(maxBlock + 1));
            regions.addAll(stream.accept(x, at, length));
            at += length;
        }
        regions.addAll(stream.flush());
        return regions;
    }

    @Test
    void streamingInRandomBlocksGivesPythonsTimestamps() {
        SileroConfig[] configs = {
            SileroConfig.defaults(),
            // Wide padding makes neighbours share their gaps; a short maximum exercises both kinds of cut.
            SileroConfig.builder().optSpeechPadSeconds(0.2).optMaxSpeechSeconds(1.5).build(),
            SileroConfig.builder().optMaxSpeechSeconds(0.6).optMinSpeechSeconds(0).optMinSilenceSeconds(0.3)
                    .build(),
        };
        Random random = new Random(1);
        int trials = 0;
        for (int trial = 0; trial < 60; trial++) {
            int rate = trial % 3 == 0 ? 8_000 : 16_000;
            SileroConfig config = configs[trial % configs.length];
            int chunk = SileroVad.chunkSamples(rate);
            float[] p = randomProbabilities(random, 20 + random.nextInt(400));
            int length = (p.length - 1) * chunk + 1 + random.nextInt(chunk);
            List<SpeechRegion> expected = PythonTimestamps.of(p, length, rate, config);
            int maxBlock = 1 + random.nextInt(trial % 2 == 0 ? 700 : 30_000);
            assertEquals(expected, stream(signal(p, rate, length), config, rate, random, maxBlock),
                    "trial " + trial + " at " + rate + " Hz, blocks up to " + maxBlock);
            trials += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(trials > 50, "most trials have speech: " + trials);
    }

    @Test
    void regionTooLongIsCutAtTheFirstOfItsLongestPauses() {
        // Speech with two equal 160 ms pauses (chunks 20..24 and 45..49), too short to end it at 0.3 s minimum
        // silence; at 3 s the region is cut at the first of them and speech goes on from where the pause ended.
        float[] p = new float[100];
        Arrays.fill(p, 0.9f);
        Arrays.fill(p, 20, 25, 0.1f);
        Arrays.fill(p, 45, 50, 0.1f);
        SileroConfig config = SileroConfig.builder().optMinSilenceSeconds(0.3).optMaxSpeechSeconds(3).build();
        float[] x = signal(p, 16_000, p.length * 512);
        List<SpeechRegion> regions = stream(x, config, 16_000, new Random(5), 3_000);
        assertEquals(List.of(new SpeechRegion(0, 20 * 512 + 480, 16_000),
                new SpeechRegion(25 * 512 - 480, p.length * 512, 16_000)), regions);
        assertEquals(PythonTimestamps.of(p, x.length, 16_000, config), regions);
    }

    @Test
    void undecidedFromNeverDecreasesAndNoLaterRegionStartsBeforeIt() {
        Random random = new Random(2);
        for (int trial = 0; trial < 20; trial++) {
            SileroConfig config = SileroConfig.builder().optSpeechPadSeconds(trial % 2 == 0 ? 0.03 : 0.2)
                    .optMaxSpeechSeconds(2).build();
            int rate = 16_000;
            float[] p = randomProbabilities(random, 300);
            float[] x = signal(p, rate, p.length * 512);
            VadStream stream = new SileroVadStream(config, rate, scripted(rate));
            long undecided = 0;
            int pushed = 0;
            while (pushed < x.length) {
                int length = Math.min(x.length - pushed, random.nextInt(2_000));
                for (SpeechRegion region : stream.accept(x, pushed, length)) {
                    assertTrue(region.startSample() >= undecided, region + " starts before " + undecided);
                }
                pushed += length;
                long now = stream.undecidedFrom();
                assertTrue(now >= undecided, "undecidedFrom went back from " + undecided + " to " + now);
                assertTrue(now <= pushed, "undecidedFrom " + now + " lies past the " + pushed + " samples pushed");
                undecided = now;
            }
            for (SpeechRegion region : stream.flush()) {
                assertTrue(region.startSample() >= undecided, region + " starts before " + undecided);
            }
        }
    }

    @Test
    void eachWindowIsTheChunkAfterTheLastSamplesOfThePreviousOneAndTheLastIsZeroPadded() {
        for (int rate : SileroVad.SUPPORTED_RATES) {
            int chunk = SileroVad.chunkSamples(rate);
            int context = SileroVad.contextSamples(rate);
            assertEquals(rate == 16_000 ? 512 : 256, chunk);
            assertEquals(rate == 16_000 ? 64 : 32, context);
            float[] x = new float[5 * chunk + 7];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
            }
            List<float[]> windows = new ArrayList<>();
            VadStream stream = new SileroVadStream(SileroConfig.defaults(), rate, window -> {
                windows.add(window.clone());
                return 0;
            });
            Random random = new Random(6);
            for (int at = 0; at < x.length; ) {
                int length = Math.min(x.length - at, random.nextInt(300));
                stream.accept(x, at, length);
                at += length;
            }
            stream.flush();
            assertEquals(6, windows.size());
            for (int c = 0; c < windows.size(); c++) {
                float[] expected = new float[context + chunk];
                for (int j = 0; j < expected.length; j++) {
                    int i = c * chunk - context + j;
                    expected[j] = i >= 0 && i < x.length ? x[i] : 0;
                }
                assertArrayEquals(expected, windows.get(c), "chunk " + c);
            }
        }
    }

    @Test
    void regionIsReturnedOnceTwoPaddingsOfSilenceFollowIt() {
        // Speech over chunks 10..29, silence after: Python ends it at chunk 30 once 100 ms (4 chunks) are silent.
        float[] p = new float[60];
        for (int i = 10; i < 30; i++) {
            p[i] = 0.9f;
        }
        float[] x = signal(p, 16_000, p.length * 512);
        VadStream stream = new SileroVadStream(SileroConfig.defaults(), 16_000, scripted(16_000));
        List<SpeechRegion> early = stream.accept(x, 0, 40 * 512);
        assertEquals(List.of(new SpeechRegion(10 * 512 - 480, 30 * 512 + 480, 16_000)), early);
        assertEquals(List.of(), stream.accept(x, 40 * 512, 20 * 512));
        assertEquals(List.of(), stream.flush());
    }

    @Test
    void speechUpToTheEndIsClosedByFlushAtTheLastSample() {
        float[] p = new float[20];
        Arrays.fill(p, 5, 20, 0.8f);
        int length = 19 * 512 + 100;
        List<SpeechRegion> regions = stream(signal(p, 16_000, length), SileroConfig.defaults(), 16_000,
                new Random(3), 1_000);
        assertEquals(List.of(new SpeechRegion(5 * 512 - 480, length, 16_000)), regions);
    }

    @Test
    void shortSpeechAndEmptyRecordingsHaveNoRegion() {
        float[] p = new float[30];
        Arrays.fill(p, 10, 17, 0.9f); // 224 ms, not longer than 250 ms
        assertEquals(List.of(), stream(signal(p, 16_000, p.length * 512), SileroConfig.defaults(), 16_000,
                new Random(4), 800));
        VadStream empty = new SileroVadStream(SileroConfig.defaults(), 16_000, scripted(16_000));
        assertEquals(List.of(), empty.flush());
    }

    @Test
    void streamRejectsUseAfterFlushAndBadBounds() {
        VadStream stream = new SileroVadStream(SileroConfig.defaults(), 8_000, scripted(8_000));
        assertEquals(8_000, stream.sampleRate());
        assertThrows(IllegalArgumentException.class, () -> stream.accept(new float[4], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> stream.accept(null, 0, 0));
        stream.flush();
        assertThrows(IllegalStateException.class, () -> stream.accept(new float[4]));
        assertThrows(IllegalStateException.class, stream::flush);
    }

    @Test
    void configDefaultsAreThoseOfThePythonPackage() {
        SileroConfig c = SileroConfig.defaults();
        assertEquals(0.5, c.threshold());
        assertEquals(0.35, c.negThreshold(), 1e-12);
        assertEquals(0.25, c.minSpeechSeconds());
        assertEquals(0.1, c.minSilenceSeconds());
        assertEquals(0.03, c.speechPadSeconds());
        assertEquals(Double.POSITIVE_INFINITY, c.maxSpeechSeconds());
        assertEquals(1, c.intraOpThreads());
        assertEquals(0.01, SileroConfig.builder().optThreshold(0.1).build().negThreshold(), 1e-12);
        assertEquals(0.65, SileroConfig.builder().optThreshold(0.8).build().negThreshold(), 1e-12);
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void configRejectsOutOfRangeSettings() {
        assertThrows(IllegalArgumentException.class, () -> SileroConfig.builder().optThreshold(0).build());
        assertThrows(IllegalArgumentException.class, () -> SileroConfig.builder().optThreshold(1.5).build());
        assertThrows(IllegalArgumentException.class,
                () -> SileroConfig.builder().optThreshold(0.5).optNegThreshold(0.6).build());
        assertThrows(IllegalArgumentException.class, () -> SileroConfig.builder().optNegThreshold(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SileroConfig.builder().optMinSpeechSeconds(-1).build());
        assertThrows(IllegalArgumentException.class, () -> SileroConfig.builder().optMaxSpeechSeconds(0).build());
        assertThrows(IllegalArgumentException.class,
                () -> SileroConfig.builder().optSpeechPadSeconds(Double.POSITIVE_INFINITY).build());
        assertThrows(IllegalArgumentException.class, () -> SileroConfig.builder().optIntraOpThreads(0).build());
    }
}
