package org.ser4j.core.vad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ser4j.core.audio.PcmAudio;

class EnergyVadTest {

    private static final int RATE = 16_000;
    private static final double PAD = VadConfig.DEFAULT_PADDING_SECONDS;
    private static final double EDGE_TOLERANCE = 0.050;

    /** Gaussian noise of standard deviation {@code sigma} lasting {@code seconds}. */
    private static float[] noise(double seconds, double sigma, long seed) {
        Random random = new Random(seed);
        float[] x = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (sigma * random.nextGaussian());
        }
        return x;
    }

    /** Adds a 440 Hz sine of {@code amplitude} over {@code [from, to)} seconds. */
    private static float[] withTone(float[] x, double from, double to, double amplitude) {
        for (int i = (int) Math.round(from * RATE); i < Math.round(to * RATE); i++) {
            x[i] += (float) (amplitude * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        return x;
    }

    private static List<SpeechRegion> detect(float[] x) {
        return new EnergyVad().detect(new PcmAudio(x, RATE));
    }

    private static void assertRegion(SpeechRegion region, double toneStart, double toneEnd) {
        assertEquals(toneStart - PAD, region.startSeconds(), EDGE_TOLERANCE, "start of " + region);
        assertEquals(toneEnd + PAD, region.endSeconds(), EDGE_TOLERANCE, "end of " + region);
    }

    @Test
    void digitalSilenceHasNoRegion() {
        assertEquals(List.of(), detect(new float[5 * RATE]));
    }

    @Test
    void steadyNoiseHasNoRegion() {
        assertEquals(List.of(), detect(noise(5, 0.01, 1)));
    }

    @Test
    void toneBurstIsFoundWithinFiftyMillisecondsOfItsPaddedEdges() {
        List<SpeechRegion> regions = detect(withTone(noise(5, 0.001, 2), 1.0, 2.5, 0.3));
        assertEquals(1, regions.size(), regions::toString);
        assertRegion(regions.get(0), 1.0, 2.5);
        assertEquals(RATE, regions.get(0).sampleRate());
    }

    @Test
    void burstsOneHundredMillisecondsApartAreOneRegion() {
        float[] x = withTone(withTone(noise(5, 0.001, 3), 1.0, 2.0, 0.3), 2.1, 3.0, 0.3);
        List<SpeechRegion> regions = detect(x);
        assertEquals(1, regions.size(), regions::toString);
        assertRegion(regions.get(0), 1.0, 3.0);
    }

    @Test
    void burstsOneSecondApartAreTwoRegions() {
        float[] x = withTone(withTone(noise(5, 0.001, 4), 0.5, 1.5, 0.3), 2.5, 3.5, 0.3);
        List<SpeechRegion> regions = detect(x);
        assertEquals(2, regions.size(), regions::toString);
        assertRegion(regions.get(0), 0.5, 1.5);
        assertRegion(regions.get(1), 2.5, 3.5);
    }

    @Test
    void thirtyMillisecondClickIsShorterThanMinimumSpeech() {
        assertEquals(List.of(), detect(withTone(noise(3, 0.001, 5), 1.0, 1.030, 0.9)));
    }

    @Test
    void speechFromTheFirstSampleIsFound() {
        // Words of 400 ms with 50 ms dips, from sample 0 to the end: no pause before the speech starts.
        float[] x = noise(3, 0.001, 9);
        for (double t = 0; t < 3; t += 0.45) {
            withTone(x, t, Math.min(3, t + 0.4), 0.3);
        }
        List<SpeechRegion> regions = detect(x);
        assertEquals(1, regions.size(), regions::toString);
        assertEquals(0, regions.get(0).startSample());
        assertEquals(3 * RATE, regions.get(0).endSample());
    }

    @Test
    void paddingIsClampedToTheRecording() {
        List<SpeechRegion> regions = detect(withTone(noise(2, 0.001, 6), 0.05, 2.0, 0.3));
        assertEquals(1, regions.size(), regions::toString);
        assertEquals(0, regions.get(0).startSample());
        assertEquals(2 * RATE, regions.get(0).endSample());
    }

    @Test
    void dcOffsetNeitherCreatesNorHidesSpeech() {
        float[] plain = withTone(noise(5, 0.001, 7), 1.0, 2.5, 0.3);
        float[] offset = plain.clone();
        for (int i = 0; i < offset.length; i++) {
            offset[i] += 0.5f;
        }
        assertEquals(detect(plain), detect(offset));
        float[] dcOnly = noise(5, 0.001, 8);
        for (int i = 0; i < dcOnly.length; i++) {
            dcOnly[i] += 0.5f;
        }
        assertEquals(List.of(), detect(dcOnly));
    }

    @Test
    void burstBelowTheAbsoluteFloorIsNotSpeechEvenFarAboveTheNoise() {
        // -77 dBFS tone over -110 dBFS noise: 33 dB above the floor, but quieter than -60 dBFS.
        assertEquals(List.of(), detect(withTone(noise(5, 3e-6, 9), 1.0, 2.5, 2e-4)));
        List<SpeechRegion> lowered = new EnergyVad(VadConfig.builder().optAbsoluteFloorDbfs(-90).build())
                .detect(new PcmAudio(withTone(noise(5, 3e-6, 9), 1.0, 2.5, 2e-4), RATE));
        assertEquals(1, lowered.size(), lowered::toString);
        assertRegion(lowered.get(0), 1.0, 2.5);
    }

    @Test
    void streamingInRandomBlocksGivesTheOneShotRegions() {
        float[] x = noise(20, 0.002, 10);
        double[][] bursts = {{0.0, 0.6}, {1.0, 2.5}, {2.55, 3.0}, {4.0, 4.02}, {5.0, 9.0}, {9.2, 9.5},
                {12.0, 12.3}, {19.7, 20.0}};
        for (double[] b : bursts) {
            withTone(x, b[0], b[1], 0.2);
        }
        EnergyVad vad = new EnergyVad();
        List<SpeechRegion> oneShot = vad.detect(new PcmAudio(x, RATE));
        assertTrue(oneShot.size() >= 4, oneShot::toString);
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            VadStream stream = vad.stream(RATE);
            List<SpeechRegion> streamed = new ArrayList<>();
            int maxBlock = 1 + random.nextInt(trial % 2 == 0 ? 50 : 20_000);
            for (int at = 0; at < x.length; ) {
                int length = Math.min(x.length - at, random.nextInt(maxBlock + 1));
                streamed.addAll(stream.accept(x, at, length));
                at += length;
            }
            streamed.addAll(stream.flush());
            assertEquals(oneShot, streamed, "trial " + trial + " with blocks up to " + maxBlock);
        }
    }

    @Test
    void undecidedFromNeverDecreasesAndNoLaterRegionStartsBeforeIt() {
        float[] x = noise(20, 0.002, 13);
        for (double[] b : new double[][] {{0.0, 0.6}, {1.0, 2.5}, {2.55, 3.0}, {5.0, 12.0}, {12.2, 12.5}}) {
            withTone(x, b[0], b[1], 0.2);
        }
        VadStream stream = new EnergyVad().stream(RATE);
        long undecided = 0;
        int block = 160;
        for (int at = 0; at < x.length; at += block) {
            for (SpeechRegion region : stream.accept(x, at, Math.min(block, x.length - at))) {
                assertTrue(region.startSample() >= undecided, region + " starts before " + undecided);
            }
            long now = stream.undecidedFrom();
            assertTrue(now >= undecided, "undecidedFrom went back from " + undecided + " to " + now);
            assertTrue(now <= at + block, "undecidedFrom " + now + " lies past the samples pushed");
            undecided = now;
            if (at == 9 * RATE) {
                // In the middle of the long burst the region is open: its start is what is undecided.
                assertEquals(5.0, undecided / (double) RATE, 0.2);
            }
        }
        for (SpeechRegion region : stream.flush()) {
            assertTrue(region.startSample() >= undecided, region + " starts before " + undecided);
        }
        assertTrue(undecided > 15 * RATE, "silence at the end is decided: " + undecided);
    }

    @Test
    void streamReturnsARegionBeforeTheRecordingEnds() {
        float[] x = withTone(noise(5, 0.001, 12), 1.0, 2.5, 0.3);
        VadStream stream = new EnergyVad().stream(RATE);
        List<SpeechRegion> early = stream.accept(x, 0, 4 * RATE);
        assertEquals(1, early.size(), early::toString);
        assertEquals(List.of(), stream.accept(x, 4 * RATE, RATE));
        assertEquals(List.of(), stream.flush());
    }

    @Test
    void recordingShorterThanAFrameHasNoRegion() {
        assertEquals(List.of(), detect(new float[] {0.5f, -0.5f, 0.5f}));
    }

    @Test
    void streamRejectsUseAfterFlushAndBadBounds() {
        VadStream stream = new EnergyVad().stream(RATE);
        assertThrows(IllegalArgumentException.class, () -> stream.accept(new float[4], 2, 3));
        stream.flush();
        assertThrows(IllegalStateException.class, () -> stream.accept(new float[4]));
        assertThrows(IllegalStateException.class, stream::flush);
        assertThrows(IllegalArgumentException.class, () -> new EnergyVad().stream(0));
    }

    @Test
    void configRejectsOutOfRangeSettings() {
        assertThrows(IllegalArgumentException.class, () -> VadConfig.builder().optHopSeconds(0.05).build());
        assertThrows(IllegalArgumentException.class, () -> VadConfig.builder().optFrameSeconds(0).build());
        assertThrows(IllegalArgumentException.class, () -> VadConfig.builder().optPaddingSeconds(-1).build());
        assertThrows(IllegalArgumentException.class,
                () -> VadConfig.builder().optThresholdDb(Double.NaN).build());
        assertEquals(VadConfig.defaults(), VadConfig.defaults().toBuilder().build());
        assertEquals(0.010, VadConfig.defaults().hopSeconds());
    }

    @Test
    void speechRegionIsValidated() {
        SpeechRegion region = new SpeechRegion(8_000, 24_000, RATE);
        assertEquals(0.5, region.startSeconds());
        assertEquals(1.5, region.endSeconds());
        assertThrows(IllegalArgumentException.class, () -> new SpeechRegion(-1, 10, RATE));
        assertThrows(IllegalArgumentException.class, () -> new SpeechRegion(10, 10, RATE));
        assertThrows(IllegalArgumentException.class, () -> new SpeechRegion(0, 10, 0));
    }
}
