package org.ser4j.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.dsp.FloatMatrix;

class FeatureExtractorTest {

    private static final FeatureConfig DEFAULTS = FeatureConfig.defaults();

    private static Features extract(FeatureSet set, PcmAudio audio) {
        return FeatureExtractor.of(set, DEFAULTS).extract(audio);
    }

    private static PcmAudio noise(int n, long seed) {
        Random r = new Random(seed);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) (0.1 * r.nextGaussian() + 0.3 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
        }
        return new PcmAudio(y, 16000);
    }

    @Test
    void frameMatricesHaveLibrosasShapes() {
        PcmAudio audio = noise(16000, 1);
        assertArrayEquals(new int[] {32, 128}, extract(FeatureSet.LOGMEL, audio).shape());
        assertArrayEquals(new int[] {32, 20}, extract(FeatureSet.MFCC, audio).shape());
        assertArrayEquals(new int[] {32, 2}, extract(FeatureSet.ZCR_RMS, audio).shape());
        assertArrayEquals(new int[] {128, 128}, extract(FeatureSet.LOGMEL_IMAGE, audio).shape());
    }

    @ParameterizedTest
    @EnumSource(FeatureSet.class)
    void emptySignalIsRejectedWithAClearMessage(FeatureSet set) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> extract(set, new PcmAudio(new float[0], 16000)));
        assertTrue(e.getMessage().contains("empty signal"), e.getMessage());
    }

    @Test
    void clipShorterThanOneHopGivesOneFrame() {
        PcmAudio tiny = noise(100, 2);
        assertArrayEquals(new int[] {1, 128}, extract(FeatureSet.LOGMEL, tiny).shape());
        assertArrayEquals(new int[] {1, 20}, extract(FeatureSet.MFCC, tiny).shape());
        assertArrayEquals(new int[] {1, 2}, extract(FeatureSet.ZCR_RMS, tiny).shape());
        assertArrayEquals(new int[] {1, 128}, extract(FeatureSet.LOGMEL, new PcmAudio(new float[] {0.5f}, 8000))
                .shape());
    }

    @Test
    void silenceGivesTheAminFloorZeroCrossingsAndZeroRms() {
        PcmAudio silence = new PcmAudio(new float[8000], 16000);
        for (float v : extract(FeatureSet.LOGMEL, silence).values()) {
            assertEquals(-100f, v, 1e-4f); // 10 log10(amin); top_db cannot lower it further
        }
        float[] mfcc = extract(FeatureSet.MFCC, silence).values();
        for (int t = 0; t < mfcc.length / 20; t++) {
            assertEquals(-100 * Math.sqrt(128), mfcc[t * 20], 1e-2);
            for (int k = 1; k < 20; k++) {
                assertEquals(0f, mfcc[t * 20 + k], 1e-3f);
            }
        }
        for (float v : extract(FeatureSet.ZCR_RMS, silence).values()) {
            assertEquals(0f, v);
        }
    }

    @Test
    void logMelIsFlooredTopDbBelowTheClipMaximum() {
        float[] y = new float[16000];
        for (int i = 0; i < 8000; i++) {
            y[i] = (float) Math.sin(2 * Math.PI * 1000 * i / 16000.0); // a loud tone, then silence
        }
        float[] db = extract(FeatureSet.LOGMEL, new PcmAudio(y, 16000)).values();
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (float v : db) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        assertEquals(max - 80f, min, 1e-4f);
    }

    @Test
    void zcrRmsInterleavesTheTwoPerFrame() {
        PcmAudio audio = noise(5000, 3);
        LibrosaFeatures librosa = new LibrosaFeatures(DEFAULTS);
        float[] zcr = librosa.zeroCrossingRate(audio);
        float[] rms = librosa.rms(audio);
        float[] v = extract(FeatureSet.ZCR_RMS, audio).values();
        for (int t = 0; t < zcr.length; t++) {
            assertEquals(zcr[t], v[2 * t]);
            assertEquals(rms[t], v[2 * t + 1]);
        }
    }

    @Test
    void mfccIsTheDctOfTheLogMel() {
        PcmAudio audio = noise(7000, 4);
        FloatMatrix logMel = extract(FeatureSet.LOGMEL, audio).toMatrix();
        assertArrayEquals(new LibrosaFeatures(DEFAULTS).mfcc(logMel).data(), extract(FeatureSet.MFCC, audio).values());
    }

    @Test
    void imageOfALongClipIsItsCentreBandMajor() {
        PcmAudio audio = noise(16000 * 6, 5); // 188 frames
        FloatMatrix logMel = extract(FeatureSet.LOGMEL, audio).toMatrix();
        FloatMatrix image = extract(FeatureSet.LOGMEL_IMAGE, audio).toMatrix();
        int shift = (188 - 128) / 2;
        for (int m = 0; m < 128; m++) {
            for (int c = 0; c < 128; c++) {
                assertEquals(logMel.get(c + shift, m), image.get(m, c));
            }
        }
    }

    @Test
    void imageOfAShortClipIsCentredAndPaddedWithItsFloor() {
        PcmAudio audio = noise(16000, 6); // 32 frames
        FloatMatrix logMel = extract(FeatureSet.LOGMEL, audio).toMatrix();
        float floor = Float.POSITIVE_INFINITY;
        for (float v : logMel.data()) {
            floor = Math.min(floor, v);
        }
        FloatMatrix image = extract(FeatureSet.LOGMEL_IMAGE, audio).toMatrix();
        int left = (128 - 32) / 2;
        for (int m = 0; m < 128; m++) {
            for (int c = 0; c < 128; c++) {
                float expected = c >= left && c < left + 32 ? logMel.get(c - left, m) : floor;
                assertEquals(expected, image.get(m, c), "band " + m + " column " + c);
            }
        }
    }

    @Test
    void imageWidthFollowsTheConfig() {
        FeatureConfig narrow = FeatureConfig.builder().optImageFrames(10).build();
        Features f = FeatureExtractor.of(FeatureSet.LOGMEL_IMAGE, narrow).extract(noise(3000, 7));
        assertArrayEquals(new int[] {128, 10}, f.shape());
    }

    @Test
    void extractorIsSafeToShareBetweenThreads() throws Exception {
        FeatureExtractor extractor = FeatureExtractor.of(FeatureSet.MFCC, DEFAULTS);
        List<PcmAudio> clips = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clips.add(new PcmAudio(noise(4000 + 1000 * i, i).samples(), i % 2 == 0 ? 16000 : 22050));
        }
        List<Features> serial = clips.stream().map(extractor::extract).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Features>> parallel = new ArrayList<>();
            for (PcmAudio c : clips) {
                parallel.add(pool.submit(() -> extractor.extract(c)));
            }
            for (int i = 0; i < clips.size(); i++) {
                assertEquals(serial.get(i), parallel.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Needs chroma_stft; skipped until it is implemented. */
    @Test
    void seedVectorIsTheMeansOfEachFeatureInTheBriefsOrder() {
        PcmAudio audio = noise(20000, 8);
        Features f;
        try {
            f = extract(FeatureSet.SEED162, audio);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("chroma_stft not implemented yet");
            return;
        }
        assertArrayEquals(new int[] {162}, f.shape());
        LibrosaFeatures librosa = new LibrosaFeatures(DEFAULTS);
        float[] v = f.values();
        FloatMatrix melPower = librosa.melSpectrogram(audio);
        double[] mfcc = librosa.mfcc(librosa.powerToDb(melPower)).columnMeans();
        double[] mel = melPower.columnMeans();
        assertEquals(mean(librosa.zeroCrossingRate(audio)), v[0], 1e-7);
        for (int k = 0; k < 12; k++) {
            assertTrue(v[1 + k] >= 0 && v[1 + k] <= 1, "chroma means lie in [0, 1]");
        }
        for (int k = 0; k < 20; k++) {
            assertEquals(mfcc[k], v[13 + k], 1e-4 * Math.max(1, Math.abs(mfcc[k])));
        }
        assertEquals(mean(librosa.rms(audio)), v[33], 1e-7);
        for (int m = 0; m < 128; m++) {
            assertEquals(mel[m], v[34 + m], 1e-5 * Math.max(1e-6, Math.abs(mel[m])));
        }
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }
}
