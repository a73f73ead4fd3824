package org.ser4j.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ser4j.core.audio.PcmAudio;

/** Spec strings (grammar, canonical form, errors) and the determinism of {@link AugmentationPolicy#apply}. */
class AugmentationPolicyTest {

    @Test
    void parsesOneRecipePerSemicolonAndOneStepPerComma() {
        AugmentationPolicy p = AugmentationPolicy.parse(
                "noise:snr=10..30,shift:max=0.25,stretch:0.8..1.25,pitch:-2..2,gain:-6..6");
        assertEquals(1, p.copies());
        assertEquals(List.of(
                AugmentationStep.uniform(AugmentationKind.NOISE, 10, 30),
                AugmentationStep.uniform(AugmentationKind.SHIFT, -0.25, 0.25),
                AugmentationStep.uniform(AugmentationKind.STRETCH, 0.8, 1.25),
                AugmentationStep.uniform(AugmentationKind.PITCH, -2, 2),
                AugmentationStep.uniform(AugmentationKind.GAIN, -6, 6)), p.recipes().get(0));
        assertEquals("noise:snr=10..30,shift:max=0.25,stretch:rate=0.8..1.25,pitch:semitones=-2..2,gain:db=-6..6",
                p.spec());

        AugmentationPolicy two = AugmentationPolicy.parse(" Noise : SNR = 20 ; pitch:semitones=-1..1.5@0.5 ,gain:3 ");
        assertEquals(2, two.copies());
        assertEquals(List.of(AugmentationStep.fixed(AugmentationKind.NOISE, 20)), two.recipes().get(0));
        assertEquals(List.of(AugmentationStep.uniform(AugmentationKind.PITCH, -1, 1.5).withProbability(0.5),
                AugmentationStep.fixed(AugmentationKind.GAIN, 3)), two.recipes().get(1));
        assertEquals("noise:snr=20;pitch:semitones=-1..1.5@0.5,gain:db=3", two.spec());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "brief", "noise:snr=-5..0.125", "shift:max=0.25", "shift:seconds=-0.1..0.3",
        "shift:seconds=0", "stretch:rate=0.8..1.25@0.3;pitch:semitones=-0.7;gain:db=-6..6,noise:snr=1e-3..1E2",
        "gain:db=0.1@0.999999", "pitch:semitones=-0..0", "stretch:1.0000000000000002"})
    void specRoundTripsThroughParse(String spec) {
        AugmentationPolicy p = AugmentationPolicy.parse(spec);
        assertEquals(p, AugmentationPolicy.parse(p.spec()));
        assertEquals(p.spec(), AugmentationPolicy.parse(p.spec()).spec());
    }

    @Test
    void noneAndBriefAreNamedPolicies() {
        assertSame(AugmentationPolicy.NONE, AugmentationPolicy.parse(" NONE "));
        assertEquals(0, AugmentationPolicy.NONE.copies());
        assertEquals("none", AugmentationPolicy.NONE.spec());
        assertSame(AugmentationPolicy.BRIEF, AugmentationPolicy.parse("Brief"));
        assertEquals(2, AugmentationPolicy.BRIEF.copies());
        assertEquals("noise:snr=15..35;stretch:rate=0.8,pitch:semitones=0.7", AugmentationPolicy.BRIEF.spec());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                          | empty augmentation policy",
        "noise                       | 'noise'",
        "echo:0.5                    | unknown augmentation 'echo'",
        "noise:level=10              | noise has parameter 'snr', found 'level'",
        "gain:-6..6;                 | empty step",
        "gain:-6..6,,noise:10        | empty step",
        "stretch:0..1                | positive rate",
        "stretch:-1                  | positive rate",
        "pitch:2..-2                 | min <= max",
        "gain:3@0                    | probability in (0, 1]",
        "gain:3@1.5                  | probability in (0, 1]",
        "shift:max=-0.1              | shift:max takes one non-negative",
        "shift:max=0.1..0.2          | shift:max takes one non-negative",
        "pitch:1e999                 | finite",
        "pitch:nan                   | 'pitch:nan'",
        "gain:0x10                   | 'gain:0x10'",
        "brief,noise:10              | 'brief' in policy 'brief,noise:10' is a whole policy",
        "gain:1;none                 | 'none' in policy 'gain:1;none' is a whole policy",
    })
    void badSpecsNameTheBadPartAndTheGrammar(String spec, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AugmentationPolicy.parse(spec));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(AugmentationPolicy.GRAMMAR), e.getMessage());
    }

    @Test
    void stepsAndPoliciesValidateWhenBuiltDirectly() {
        assertThrows(IllegalArgumentException.class, () -> new AugmentationPolicy(List.of(List.of())));
        assertThrows(NullPointerException.class, () -> new AugmentationPolicy(List.of(Arrays.asList(
                (AugmentationStep) null))));
        assertThrows(IllegalArgumentException.class,
                () -> AugmentationStep.uniform(AugmentationKind.GAIN, Double.NEGATIVE_INFINITY, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AugmentationStep.parse("gain:x"));
        assertTrue(e.getMessage().contains(AugmentationStep.GRAMMAR), e.getMessage());
        assertEquals(AugmentationKind.PITCH, AugmentationKind.parse(" PITCH "));
        assertThrows(IllegalArgumentException.class, () -> AugmentationKind.parse("reverb"));
    }

    @Test
    void recipesAreCopiedAtTheBoundary() {
        List<AugmentationStep> steps = new ArrayList<>(List.of(AugmentationStep.fixed(AugmentationKind.GAIN, 1)));
        List<List<AugmentationStep>> recipes = new ArrayList<>(List.of(steps));
        AugmentationPolicy p = new AugmentationPolicy(recipes);
        steps.add(AugmentationStep.fixed(AugmentationKind.GAIN, 2));
        recipes.add(steps);
        assertEquals("gain:db=1", p.spec());
        assertThrows(UnsupportedOperationException.class, () -> p.recipes().add(List.of()));
    }

    @Test
    void aCopyIsAFunctionOfSeedAndCopyIndexOnly() throws Exception {
        AugmentationPolicy p = AugmentationPolicy.parse(
                "noise:snr=10..30,shift:max=0.1,gain:-6..6;stretch:0.8..1.25,pitch:-2..2@0.7");
        PcmAudio clip = Clips.voiced(16_000, 9);
        float[][] expected = new float[2 * 6][];
        for (int seed = 0; seed < 6; seed++) {
            for (int copy = 0; copy < 2; copy++) {
                expected[2 * seed + copy] = p.apply(clip, seed, copy).samples();
            }
        }
        // again in reverse order, on four threads at once
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> again = new ArrayList<>();
            for (int j = expected.length - 1; j >= 0; j--) {
                int seed = j / 2;
                int copy = j % 2;
                again.add(pool.submit(() -> p.apply(clip, seed, copy).samples()));
            }
            for (int j = 0; j < expected.length; j++) {
                assertArrayEquals(expected[j], again.get(expected.length - 1 - j).get(), "seed/copy " + j);
            }
        } finally {
            pool.shutdown();
        }
        assertFalse(Arrays.equals(expected[0], expected[2]), "another seed, other draws");
        assertFalse(Arrays.equals(expected[1], expected[3]), "another seed, other draws");
        assertEquals(clip.length(), expected[0].length, "noise, shift and gain keep the length");
    }

    @Test
    void aStepsDrawsDoNotDependOnTheClipOrOnEarlierSteps() {
        // the second step's SNR, measured against the first step's output, must not move with the clip's
        // length (the first step's noise consumes as many Gaussians as there are samples)
        AugmentationPolicy first = AugmentationPolicy.parse("noise:snr=20");
        AugmentationPolicy both = AugmentationPolicy.parse("noise:snr=20,noise:snr=0..40");
        double[] snrs = new double[2];
        int[] lengths = {3_000, 17_000};
        for (int i = 0; i < 2; i++) {
            PcmAudio clip = Clips.voiced(lengths[i], i);
            float[] afterFirst = first.apply(clip, 42, 0).samples();
            float[] afterBoth = both.apply(clip, 42, 0).samples();
            snrs[i] = Clips.snrDb(afterFirst, afterBoth);
        }
        assertEquals(snrs[0], snrs[1], 0.01);
        assertTrue(snrs[0] >= 0 && snrs[0] <= 40, "drawn in range: " + snrs[0]);
    }

    @Test
    void parametersAreDrawnUniformlyWithinTheRangeAndStepsApplyWithTheirProbability() {
        AugmentationPolicy gain = AugmentationPolicy.parse("gain:-6..6");
        AugmentationPolicy maybe = AugmentationPolicy.parse("gain:6@0.25");
        PcmAudio clip = new PcmAudio(new float[] {0.5f}, 8000);
        int below = 0;
        int applied = 0;
        int n = 2000;
        for (int seed = 0; seed < n; seed++) {
            double db = 20 * Math.log10(gain.apply(clip, seed, 0).samples()[0] / 0.5);
            assertTrue(db >= -6 - 1e-5 && db <= 6 + 1e-5, "gain " + db);
            below += db < 0 ? 1 : 0;
            PcmAudio out = maybe.apply(clip, seed, 0);
            applied += out == clip ? 0 : 1;
        }
        // binomial bounds at about 5 standard deviations
        assertEquals(n / 2.0, below, 5 * Math.sqrt(n * 0.25));
        assertEquals(n / 4.0, applied, 5 * Math.sqrt(n * 0.25 * 0.75));
    }

    @Test
    void briefCopiesAreNoisyAndSlowedAndRaised() {
        PcmAudio clip = Clips.sine(32_000, 440, 0.5);
        PcmAudio noisy = AugmentationPolicy.BRIEF.apply(clip, 1, 0);
        double snr = Clips.snrDb(clip.samples(), noisy.samples());
        assertTrue(snr >= 15 - 0.01 && snr <= 35 + 0.01, "SNR " + snr);
        PcmAudio stretched = AugmentationPolicy.BRIEF.apply(clip, 1, 1);
        assertEquals(40_000, stretched.length(), "rate 0.8 makes the copy 1.25 times as long");
        double f = Clips.peakFrequency(stretched.samples(), 4096, stretched.length() - 4096, 300, 600);
        assertEquals(440 * Math.pow(2, 0.7 / 12), f, 0.06);
    }

    @Test
    void copyIndexOutsideThePolicyIsRejected() {
        PcmAudio clip = Clips.voiced(1000, 1);
        assertThrows(IllegalArgumentException.class, () -> AugmentationPolicy.BRIEF.apply(clip, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> AugmentationPolicy.BRIEF.apply(clip, 1, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AugmentationPolicy.NONE.apply(clip, 1, 0));
        assertTrue(e.getMessage().contains("[0, 0)"), e.getMessage());
    }
}
