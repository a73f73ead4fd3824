package org.ser4j.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ser4j.core.dsp.FloatMatrix;

class TuningEstimatorTest {

    private final TuningEstimator estimator = new TuningEstimator(Signals.RATE, 12);

    @Test
    void aToneThirtyCentsSharpIsEstimatedAtThreeTenthsOfASemitone() {
        double tuning = estimator.estimate(Signals.magnitude(Signals.tones(1.0, Signals.equalTempered(0, 30))));
        // Parabolic interpolation on a Hann-windowed magnitude peak is biased by a few cents (librosa too: 0.28).
        assertEquals(0.30, tuning, 0.025);
    }

    @ParameterizedTest(name = "{0} cents")
    @ValueSource(ints = {-45, -20, 0, 12, 40})
    void aToneIsEstimatedWithinTwoCentsOfItsDetuning(int cents) {
        // A chord of harmonically unrelated pitch classes, all detuned by the same amount.
        float[] y = Signals.tones(1.0, Signals.equalTempered(-7, cents), Signals.equalTempered(3, cents),
                Signals.equalTempered(14, cents));
        double tuning = estimator.estimate(Signals.magnitude(y));
        assertEquals(cents / 100.0, tuning, 0.02);
    }

    @Test
    void theEstimateIsAHistogramEdgeAsNumpyComputesIt() {
        double tuning = estimator.estimate(Signals.magnitude(Signals.tones(1.0, Signals.equalTempered(0, -10))));
        long i = Math.round((tuning + 0.5) * 100);
        assertEquals(i * 0.01 + -0.5, tuning, 0.0, "np.linspace(-0.5, 0.5, 101)[" + i + "]");
    }

    @Test
    void noPeaksGiveZeroTuning() {
        assertEquals(0.0, estimator.estimate(FloatMatrix.zeros(10, 1025)));
        assertEquals(0.0, estimator.estimate(FloatMatrix.zeros(0, 1025)));
    }

    @Test
    void pitchTuningReturnsTheLeftEdgeOfTheFullestBin() {
        float[] f = {hz(0.255), hz(0.256), hz(-0.1)};
        assertEquals(0.25, TuningEstimator.pitchTuning(f, 0.01, 12), 1e-12);
    }

    @Test
    void pitchTuningFoldsResidualsAboveOneHalfOntoTheNextSemitone() {
        float[] f = {hz(0.955), hz(-0.045), hz(0.3)};
        assertEquals(-0.05, TuningEstimator.pitchTuning(f, 0.01, 12), 1e-12);
    }

    @Test
    void pitchTuningBreaksTiesTowardsTheLowestBin() {
        float[] f = {hz(0.105), hz(-0.205), hz(0.108), hz(-0.203)};
        assertEquals(-0.21, TuningEstimator.pitchTuning(f, 0.01, 12), 1e-12);
    }

    @Test
    void pitchTuningIgnoresNonPositiveFrequenciesAndGivesZeroForNone() {
        assertEquals(0.0, TuningEstimator.pitchTuning(new float[] {0f, -3f}, 0.01, 12));
        assertEquals(0.12, TuningEstimator.pitchTuning(new float[] {0f, hz(0.125)}, 0.01, 12), 1e-12);
    }

    @Test
    void pitchTuningRejectsAResolutionOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> TuningEstimator.pitchTuning(new float[] {440f}, 0, 12));
    }

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertEquals(3f, TuningEstimator.median(new float[] {5f, 1f, 3f, 9f, 2f}));
    }

    @Test
    void medianOfAnEvenCountIsTheFloatMeanOfTheTwoMiddleValues() {
        assertEquals(2.5f, TuningEstimator.median(new float[] {4f, 1f, 3f, 2f}));
        assertEquals(7f, TuningEstimator.median(new float[] {7f, 7f, 7f, 7f, 1f, 9f}));
    }

    @Test
    void medianMatchesSortingOnRandomData() {
        java.util.Random random = new java.util.Random(162);
        for (int n = 1; n < 200; n++) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = random.nextInt(20) / 4f;
            }
            float[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            float expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2f;
            assertEquals(expected, TuningEstimator.median(v), "n=" + n);
        }
    }

    /** A frequency {@code deviation} semitones from A440's equal-tempered scale (around A4). */
    private static float hz(double deviation) {
        return (float) (440.0 * Math.pow(2.0, deviation / 12.0));
    }
}
