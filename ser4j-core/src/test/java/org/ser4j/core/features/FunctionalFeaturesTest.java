package org.ser4j.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ser4j.core.audio.PcmAudio;

class FunctionalFeaturesTest {

    private static final int SR = 16_000;
    private static final FeatureExtractor EXTRACTOR = FeatureExtractor.of(FeatureSet.FUNCTIONALS,
            FeatureConfig.defaults());
    private static final List<String> NAMES = EXTRACTOR.dimensionNames();

    private static float value(float[] v, String name) {
        int i = NAMES.indexOf(name);
        assertTrue(i >= 0, "no dimension " + name);
        return v[i];
    }

    private static float[] extract(float[] y) {
        return EXTRACTOR.extract(new PcmAudio(y, SR)).values();
    }

    @Test
    void vectorLengthEqualsTheNamesListAndTheDocumentedLayout() {
        assertEquals(7 * (2 * 20 + 2 * 8 + 10) + 4, NAMES.size());
        assertEquals(NAMES.size(), new HashSet<>(NAMES).size(), "names are unique");
        Features f = EXTRACTOR.extract(new PcmAudio(YinTest.harmonic(0.5, s -> 150, false), SR));
        assertArrayEquals(new int[] {NAMES.size()}, f.shape());
        assertEquals(List.of("mfcc0.mean", "mfcc0.std", "mfcc0.p10", "mfcc0.p50", "mfcc0.p90", "mfcc0.range",
                "mfcc0.slope"), NAMES.subList(0, 7));
        assertEquals("mfcc3_delta.p90", NAMES.get(7 * 23 + 4));
        assertEquals(List.of("f0_semitones.slope", "voiced_ratio", "voiced_segments_per_second",
                "f0_abs_diff_semitones", "log_energy_abs_diff_db"), NAMES.subList(NAMES.size() - 5, NAMES.size()));
    }

    @Test
    void namesFollowTheConfiguration() {
        FeatureConfig small = FeatureConfig.builder().optNMels(6).optNMfcc(5).build();
        FunctionalFeatures f = new FunctionalFeatures(small);
        assertEquals(7 * (2 * 5 + 2 * 6 + 10) + 4, f.size());
        assertEquals(f.size(), f.compute(new PcmAudio(YinTest.harmonic(0.3, s -> 200, true), SR)).length);
        assertTrue(f.names().contains("logmel_band5_db_delta.mean"));
    }

    @Test
    void mfccMeansEqualTheMfccSetsColumnMeans() {
        Random r = new Random(11);
        float[] y = YinTest.harmonic(1.3, s -> 140 + 30 * s, false);
        for (int i = 0; i < y.length; i++) {
            y[i] += (float) (0.02 * r.nextGaussian());
        }
        float[] v = extract(y);
        double[] means = FeatureExtractor.of(FeatureSet.MFCC, FeatureConfig.defaults())
                .extract(new PcmAudio(y, SR)).toMatrix().columnMeans();
        for (int k = 0; k < 20; k++) {
            // the MFCC set squares in double, FUNCTIONALS squares the float magnitude: float rounding apart
            assertEquals(means[k], value(v, "mfcc" + k + ".mean"), 1e-3 * (1 + Math.abs(means[k])), "mfcc" + k);
        }
    }

    @Test
    void steadyVoiceHasItsPitchInSemitonesAndIsVoicedThroughout() {
        float[] v = extract(YinTest.harmonic(2.0, s -> 220, false));
        // 12 log2(220 / 27.5) = 36; 1 % of F0 is 0.17 semitones
        assertEquals(36.0, value(v, "f0_semitones.p50"), 0.17);
        assertEquals(36.0, value(v, "f0_semitones.mean"), 0.17);
        assertTrue(value(v, "voiced_ratio") > 0.9, "voiced ratio " + value(v, "voiced_ratio"));
        assertEquals(1.0 / (63 * 512 / 16000.0), value(v, "voiced_segments_per_second"), 0.6);
        assertTrue(value(v, "f0_abs_diff_semitones") < 0.05);
    }

    @Test
    void octaveGlideHasAPositivePitchSlopeOfSixSemitonesPerSecond() {
        float[] v = extract(YinTest.harmonic(2.0, s -> 150 * Math.pow(2, s / 2), false));
        assertEquals(6.0, value(v, "f0_semitones.slope"), 0.3);
        assertTrue(value(v, "f0_semitones.range") > 9, "range " + value(v, "f0_semitones.range"));
    }

    @Test
    void silenceIsUnvoicedWithZeroPitchFunctionals() {
        float[] v = extract(new float[SR]);
        assertEquals(0f, value(v, "voiced_ratio"));
        assertEquals(0f, value(v, "voiced_segments_per_second"));
        for (String s : Functionals.NAMES) {
            assertEquals(0f, value(v, "f0_semitones." + s), s);
        }
        assertEquals(1f, value(v, "yin_cmnd_min.mean"));
        assertEquals(1f, value(v, "spectral_flatness.mean"), 1e-5f);
    }

    static Stream<Arguments> edgeCases() {
        Random r = new Random(7);
        float[] noise = new float[SR];
        float[] clipped = new float[SR];
        float[] dc = new float[SR];
        float[] tinyNoise = new float[SR];
        for (int i = 0; i < SR; i++) {
            noise[i] = (float) (0.3 * r.nextGaussian());
            clipped[i] = (float) Math.max(-1, Math.min(1, 5 * Math.sin(2 * Math.PI * 180 * i / SR)));
            dc[i] = 0.5f;
            tinyNoise[i] = (float) (1e-7 * r.nextGaussian());
        }
        float[] fullScaleNoise = noise.clone();
        for (int i = 0; i < SR; i++) {
            fullScaleNoise[i] = Math.signum(noise[i]);
        }
        return Stream.of(
                Arguments.of("silence", new float[SR]),
                Arguments.of("dc", dc),
                Arguments.of("single sample", new float[] {0.7f}),
                Arguments.of("single zero", new float[] {0f}),
                Arguments.of("shorter than a hop", YinTest.harmonic(0.01, s -> 200, false)),
                Arguments.of("clipped sine", clipped),
                Arguments.of("white noise", noise),
                Arguments.of("full-scale binary noise", fullScaleNoise),
                Arguments.of("noise at -140 dB", tinyNoise),
                Arguments.of("impulse", impulse()));
    }

    private static float[] impulse() {
        float[] y = new float[SR / 2];
        y[SR / 4] = 1f;
        return y;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCases")
    void everyValueIsFiniteOnEdgeCases(String name, float[] y) {
        float[] v = extract(y);
        assertEquals(NAMES.size(), v.length);
        for (int i = 0; i < v.length; i++) {
            assertTrue(Float.isFinite(v[i]), name + ": " + NAMES.get(i) + " = " + v[i]);
        }
    }

    @Test
    void worksAtOtherSampleRatesAndRejectsRatesTooLowForPitch() {
        float[] y = new float[8000];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 200 * i / 8000.0));
        }
        float[] v = EXTRACTOR.extract(new PcmAudio(y, 8000)).values();
        assertEquals(12 * Math.log(200 / 27.5) / Math.log(2), value(v, "f0_semitones.p50"), 0.17);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EXTRACTOR.extract(new PcmAudio(new float[1000], 1000)));
        assertTrue(e.getMessage().contains("Nyquist"), e.getMessage());
    }

    @Test
    void seedVectorNamesItsDimensionsAndFrameSetsDoNot() {
        List<String> seed = FeatureExtractor.of(FeatureSet.SEED162, FeatureConfig.defaults()).dimensionNames();
        assertEquals(162, seed.size());
        assertEquals(List.of("zcr.mean", "chroma0.mean"), seed.subList(0, 2));
        assertEquals("rms.mean", seed.get(33));
        assertEquals("mel127.mean", seed.get(161));
        assertThrows(UnsupportedOperationException.class,
                () -> FeatureExtractor.of(FeatureSet.MFCC, FeatureConfig.defaults()).dimensionNames());
    }
}
