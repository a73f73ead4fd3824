package org.ser4j.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ser4j.core.dsp.FloatMatrix;

class ChromaStftTest {

    private static final int C = 0;
    private static final int E = 4;
    private static final int G = 7;
    private static final int A = 9;

    private final ChromaStft chroma = new ChromaStft(Signals.RATE, Signals.N_FFT, 12);

    @Test
    void pureA440TonePeaksInChromaAInEveryInteriorFrame() {
        FloatMatrix out = chroma.compute(Signals.magnitude(Signals.tones(1.0, 440.0)));

        assertEquals(12, out.cols());
        for (int t = 2; t < out.rows() - 2; t++) {
            assertEquals(A, argmax(out.row(t)), "frame " + t);
            assertEquals(1.0f, out.get(t, A), "frame " + t);
        }
    }

    @Test
    void cMajorTriadLightsCEAndGAboveEveryOtherPitchClass() {
        float[] y = Signals.tones(1.0, Signals.equalTempered(-9, 0), Signals.equalTempered(-5, 0),
                Signals.equalTempered(-2, 0));
        FloatMatrix out = chroma.compute(Signals.magnitude(y));

        for (int t = 2; t < out.rows() - 2; t++) {
            float[] frame = out.row(t);
            float weakestChord = Math.min(frame[C], Math.min(frame[E], frame[G]));
            for (int c = 0; c < 12; c++) {
                if (c != C && c != E && c != G) {
                    assertTrue(frame[c] < weakestChord, "frame " + t + " chroma " + c + ": " + Arrays.toString(frame));
                }
            }
        }
    }

    @Test
    void everyNonSilentFrameIsScaledToAMaximumOfOne() {
        FloatMatrix out = chroma.compute(Signals.magnitude(Signals.tones(0.5, 300.0, 1234.5)));

        for (int t = 0; t < out.rows(); t++) {
            float max = 0;
            for (float v : out.row(t)) {
                assertTrue(v >= 0 && v <= 1, "frame " + t);
                max = Math.max(max, v);
            }
            assertEquals(1.0f, max, "frame " + t);
        }
    }

    @Test
    void silenceGivesAllZeroChromaWithoutNaN() {
        FloatMatrix magnitude = Signals.magnitude(new float[16_000]);
        FloatMatrix out = chroma.compute(magnitude);

        assertEquals(magnitude.rows(), out.rows());
        for (float v : out.data()) {
            assertEquals(0.0f, v);
        }
        assertEquals(0.0, chroma.estimateTuning(magnitude));
    }

    @Test
    void silentFramesInsideASignalStayZeroWhileTheOthersAreNormalised() {
        float[] y = new float[32_000];
        System.arraycopy(Signals.tones(0.5, 440.0), 0, y, 0, 8_000);
        FloatMatrix out = chroma.compute(Signals.magnitude(y));

        assertEquals(1.0f, out.get(3, A));
        float[] silent = out.row(out.rows() - 1);
        assertEquals(0.0f, max(silent));
    }

    @Test
    void aGivenTuningSkipsTheEstimateAndShiftsTheFilterBank() {
        FloatMatrix magnitude = Signals.magnitude(Signals.tones(1.0, Signals.equalTempered(0, 30)));
        double estimated = chroma.estimateTuning(magnitude);

        FloatMatrix withEstimate = chroma.compute(magnitude);
        FloatMatrix withSameTuning = chroma.compute(magnitude, estimated);
        FloatMatrix inTune = chroma.compute(magnitude, 0.0);

        assertTrue(Arrays.equals(withEstimate.data(), withSameTuning.data()));
        // The sharp tone leaks more into A# when the filter bank assumes A440.
        int t = withEstimate.rows() / 2;
        assertTrue(inTune.get(t, A + 1) > withEstimate.get(t, A + 1));
    }

    @Test
    void theFilterBankForAnEstimatedTuningIsBuiltOnceAndReused() {
        double tuning = chroma.estimateTuning(Signals.magnitude(Signals.tones(1.0, Signals.equalTempered(0, -20))));

        assertTrue(chroma.filterBank(tuning) == chroma.filterBank(tuning));
        assertEquals(tuning, chroma.filterBank(tuning).tuning());
    }

    @Test
    void rejectsASpectrogramOfAnotherFftLength() {
        FloatMatrix wrong = FloatMatrix.zeros(3, 513);
        assertThrows(IllegalArgumentException.class, () -> chroma.compute(wrong));
    }

    @Test
    void rejectsNonFiniteMagnitudes() {
        FloatMatrix magnitude = Signals.magnitude(Signals.tones(0.2, 440.0));
        magnitude.data()[5 * magnitude.cols() + 100] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> chroma.compute(magnitude, 0.0));
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static float max(float[] v) {
        float m = 0;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
