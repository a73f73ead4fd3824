package org.ser4j.recognizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ser4j.core.Emotion;
import org.ser4j.core.vad.EnergyVad;

/**
 * The timeline on synthetic recordings whose "emotion" is a tone's pitch: a scorer that calls a low tone
 * neutral and a high one angry stands in for the model, so the expected timeline is known to the sample.
 */
class TimelineTest {

    static final int RATE = 16_000;
    static final List<Emotion> LABELS = List.of(Emotion.NEUTRAL, Emotion.ANGRY);
    static final double LOW = 200;
    static final double HIGH = 1_000;

    /** Neutral for a low tone, angry for a high one, by mean frequency; mixtures get mixed probabilities. */
    static double[] pitchScorer(float[] samples) {
        // For a sine of frequency f, the energy of the first difference is 2 (1 - cos(2 pi f / rate)) times its own.
        double energy = 0;
        double diffEnergy = 0;
        for (int i = 1; i < samples.length; i++) {
            energy += (double) samples[i] * samples[i];
            double d = samples[i] - samples[i - 1];
            diffEnergy += d * d;
        }
        double ratio = Math.min(2, diffEnergy / Math.max(1e-12, energy));
        double hz = Math.acos(1 - ratio / 2) * RATE / (2 * Math.PI);
        double angry = Math.max(0.02, Math.min(0.98, (hz - LOW) / (HIGH - LOW)));
        return new double[] {1 - angry, angry};
    }

    /** Quiet noise with tones: each part is {start s, end s, frequency Hz}. */
    static float[] recording(double seconds, double[]... parts) {
        Random random = new Random(5);
        float[] x = new float[(int) (seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 0.001);
        }
        for (double[] p : parts) {
            for (int i = (int) (p[0] * RATE); i < (int) (p[1] * RATE); i++) {
                x[i] += (float) (0.3 * Math.sin(2 * Math.PI * p[2] * i / RATE));
            }
        }
        return x;
    }

    static Timeline timeline(RecognizerConfig config, List<TimelineSegment> sink) {
        return new Timeline(RATE, LABELS, config, TimelineTest::pitchScorer, new EnergyVad().stream(RATE),
                sink::add);
    }

    static Recognition run(float[] x, int block, RecognizerConfig config, List<TimelineSegment> sink)
            throws NoSpeechException {
        Timeline timeline = timeline(config, sink);
        for (int at = 0; at < x.length; at += block) {
            timeline.accept(x, at, Math.min(block, x.length - at));
        }
        return timeline.finish();
    }

    @Test
    void longRecordingGivesTheTimelineOfItsSpeech() throws Exception {
        float[] x = recording(30, new double[] {1, 7, LOW}, new double[] {9, 12, HIGH},
                new double[] {14, 29, LOW});
        List<TimelineSegment> streamed = new ArrayList<>();
        Recognition r = run(x, 4096, RecognizerConfig.defaults(), streamed);

        assertEquals(30.0, r.durationSeconds(), 1e-9);
        assertEquals(List.of("neutral", "angry", "neutral"),
                r.segments().stream().map(s -> s.estimate().label()).toList(), r.segments()::toString);
        double[][] truth = {{1, 7}, {9, 12}, {14, 29}};
        for (int i = 0; i < truth.length; i++) {
            assertEquals(truth[i][0], r.segments().get(i).startSeconds(), 0.15, "start of " + i);
            assertEquals(truth[i][1], r.segments().get(i).endSeconds(), 0.15, "end of " + i);
        }
        assertEquals(r.segments(), streamed, "each segment is handed over once, in order");
        assertEquals("neutral", r.summary().dominant());
        assertEquals(21.0 / 24.0, r.summary().shares().get("neutral"), 0.02);
        assertEquals(24.0 + 3 * 2 * org.ser4j.core.vad.VadConfig.DEFAULT_PADDING_SECONDS, r.summary().speechSeconds(), 0.1);
        assertEquals(Emotion.NEUTRAL, r.estimate().emotion());
    }

    @Test
    void aChangeInsideOneRegionSplitsItInTheOverlap() throws Exception {
        float[] x = recording(22, new double[] {1, 11, LOW}, new double[] {11, 21, HIGH});
        Recognition r = run(x, 1000, RecognizerConfig.defaults(), new ArrayList<>());
        assertEquals(List.of("neutral", "angry"), r.segments().stream().map(s -> s.estimate().label()).toList(),
                r.segments()::toString);
        TimelineSegment first = r.segments().get(0);
        TimelineSegment second = r.segments().get(1);
        assertEquals(first.endSeconds(), second.startSeconds(), 1e-9, "segments of one region touch");
        assertEquals(11.0, first.endSeconds(), 1.5, "within a hop and a half of the change");
    }

    @Test
    void streamingInAnyBlockSizeGivesTheOneShotTimeline() throws Exception {
        // 90 s of unbroken speech makes the timeline cut the region while it is still growing.
        float[] x = recording(120, new double[] {2, 40, LOW}, new double[] {40, 92, HIGH},
                new double[] {95, 99, LOW}, new double[] {104, 118, HIGH});
        Recognition oneShot = run(x, x.length, RecognizerConfig.defaults(), new ArrayList<>());
        Random random = new Random(3);
        for (int trial = 0; trial < 4; trial++) {
            int block = 1 + random.nextInt(trial % 2 == 0 ? 300 : 30_000);
            assertEquals(oneShot, run(x, block, RecognizerConfig.defaults(), new ArrayList<>()),
                    "blocks of " + block);
        }
    }

    @Test
    void memoryStaysBoundedInLongSpeech() {
        float[] x = recording(20, new double[] {0, 20, LOW});
        Timeline timeline = timeline(RecognizerConfig.defaults(), new ArrayList<>());
        long maxHeld = 0;
        for (int round = 0; round < 30; round++) {
            // 10 minutes of unbroken speech, pushed in 20 s pieces.
            for (int at = 0; at < x.length; at += 4096) {
                timeline.accept(x, at, Math.min(4096, x.length - at));
                maxHeld = Math.max(maxHeld, timeline.heldSamples());
            }
        }
        assertTrue(maxHeld < 10 * RATE, "held " + maxHeld / (double) RATE + " s of audio");
    }

    @Test
    void shortClipIsClassifiedWholeWithoutTimeline() throws Exception {
        Recognition r = run(recording(3, new double[] {0.5, 2.5, HIGH}), 512, RecognizerConfig.defaults(),
                new ArrayList<>());
        assertFalse(r.hasTimeline());
        assertEquals("angry", r.estimate().label());
        assertEquals(Double.valueOf(1.0), r.summary().shares().get("angry"));
        assertEquals(2.2, r.summary().speechSeconds(), 0.2);
    }

    @Test
    void shortClipWithTwoRegionsHasOneSegmentEach() throws Exception {
        Recognition r = run(recording(3.9, new double[] {0.3, 1.4, LOW}, new double[] {2.2, 3.5, HIGH}), 4096,
                RecognizerConfig.defaults(), new ArrayList<>());
        assertEquals(List.of("neutral", "angry"), r.segments().stream().map(s -> s.estimate().label()).toList());
    }

    @Test
    void silenceIsNoSpeech() {
        NoSpeechException e = assertThrows(NoSpeechException.class,
                () -> run(recording(12), 4096, RecognizerConfig.defaults(), new ArrayList<>()));
        assertEquals("no speech found in 12.00 s of audio", e.getMessage());
        assertThrows(NoSpeechException.class,
                () -> run(recording(2), 4096, RecognizerConfig.defaults(), new ArrayList<>()));
    }

    @Test
    void belowTheThresholdTheLabelIsUncertainAndProbabilitiesStay() throws Exception {
        // Half low, half high: the scorer answers about 50/50.
        float[] x = recording(3, new double[] {0.5, 2.5, LOW});
        for (int i = RATE; i < 2.5 * RATE; i += 2) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * HIGH * i / RATE));
        }
        RecognizerConfig config = RecognizerConfig.builder().optMinConfidence(0.99).build();
        Recognition r = run(x, 4096, config, new ArrayList<>());
        assertEquals(EmotionEstimate.UNCERTAIN, r.estimate().label());
        assertTrue(r.estimate().uncertain());
        assertEquals(2, r.estimate().probabilities().size());
        assertEquals(1.0, r.estimate().probabilities().values().stream().mapToDouble(Double::doubleValue).sum(),
                1e-9);
    }

    @Test
    void withoutMergingEveryWindowIsASegment() throws Exception {
        float[] x = recording(14, new double[] {1, 13, LOW});
        RecognizerConfig config = RecognizerConfig.builder().optMergeAgreeing(false).build();
        Recognition r = run(x, 4096, config, new ArrayList<>());
        assertTrue(r.segments().size() >= 5, r.segments()::toString);
        assertTrue(r.segments().stream().allMatch(s -> s.durationSeconds() <= 4.0 + 1e-9));
    }
}
