package org.ser4j.core.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link PhaseVocoder} against a naive transcription of librosa 0.10's loop, and the numpy reference. */
class PhaseVocoderTest {

    private static final Stft STFT = new Stft(2048, 512);
    private static final Istft ISTFT = new Istft(2048, 512);

    /** librosa's phase_vocoder line by line: angles, expected advance, wrapped deviation, phase accumulator. */
    private static double[][] naive(ComplexSpectrogram d, double rate, int hop) {
        int frames = d.frames();
        int bins = d.bins();
        int nFft = 2 * (bins - 1);
        int out = (int) Math.ceil(frames / rate);
        double[] re = new double[out * bins];
        double[] im = new double[out * bins];
        double[] acc = new double[bins];
        for (int k = 0; k < bins; k++) {
            acc[k] = Math.atan2(d.imag()[k], d.real()[k]);
        }
        for (int t = 0; t < out; t++) {
            double step = t * rate;
            int i0 = (int) step;
            double alpha = step % 1.0;
            for (int k = 0; k < bins; k++) {
                double[] c0 = cell(d, i0, k);
                double[] c1 = cell(d, i0 + 1, k);
                double mag = (1 - alpha) * Math.hypot(c0[0], c0[1]) + alpha * Math.hypot(c1[0], c1[1]);
                re[t * bins + k] = mag * Math.cos(acc[k]);
                im[t * bins + k] = mag * Math.sin(acc[k]);
                double advance = Math.PI * hop * k / (bins - 1); // np.linspace(0, pi * hop, bins)
                double dphase = Math.atan2(c1[1], c1[0]) - Math.atan2(c0[1], c0[0]) - advance;
                dphase -= 2 * Math.PI * Math.rint(dphase / (2 * Math.PI));
                acc[k] += advance + dphase;
            }
        }
        assertEquals(2048, nFft);
        return new double[][] {re, im};
    }

    private static double[] cell(ComplexSpectrogram d, int t, int k) {
        if (t >= d.frames()) {
            return new double[] {0, 0};
        }
        return new double[] {d.real()[t * d.bins() + k], d.imag()[t * d.bins() + k]};
    }

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(doubles = {0.5, 0.8, 1.0, 1.1, 1.25, 2.0, 3.7})
    void matchesTheNaiveLibrosaLoop(double rate) {
        float[] y = Float32Resources.read("/augment/input.f32");
        ComplexSpectrogram d = STFT.complex(y);
        ComplexSpectrogram s = PhaseVocoder.stretch(d, rate);
        double[][] ref = naive(d, rate, 512);
        assertEquals(ref[0].length / d.bins(), s.frames());
        double peak = 0;
        double err = 0;
        for (int j = 0; j < ref[0].length; j++) {
            peak = Math.max(peak, Math.hypot(ref[0][j], ref[1][j]));
            err = Math.max(err, Math.hypot(s.real()[j] - ref[0][j], s.imag()[j] - ref[1][j]));
        }
        assertTrue(err < 1e-5 * peak, "max error " + err + " against a peak of " + peak);
    }

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(strings = {"0.5", "0.8", "1", "1.25", "2"})
    void timeStretchPipelineMatchesTheNumpyTranscriptionOfLibrosa(String rate) {
        float[] y = Float32Resources.read("/augment/input.f32");
        float[] expected = Float32Resources.read("/augment/stretch_" + rate + ".f32");
        double r = Double.parseDouble(rate);
        float[] actual = ISTFT.inverse(PhaseVocoder.stretch(STFT.complex(y), r), (int) Math.rint(y.length / r));
        assertEquals(expected.length, actual.length);
        double err = Float32Resources.maxAbsDiff(expected, actual);
        assertTrue(err < 2e-5, "max error " + err);
    }

    @Test
    void outputFrameCountIsTheLengthOfNumpysArange() {
        assertEquals(10, PhaseVocoder.outputFrames(8, 0.8));
        assertEquals(7, PhaseVocoder.outputFrames(8, 1.25));
        assertEquals(8, PhaseVocoder.outputFrames(8, 1.0));
        assertEquals(4, PhaseVocoder.outputFrames(8, 2.0));
        assertEquals(1, PhaseVocoder.outputFrames(1, 3.0));
        assertEquals(0, PhaseVocoder.stretch(ComplexSpectrogram.zeros(0, 1025), 0.5).frames());
    }

    @Test
    void silenceStaysSilentAndBadRatesAreRejected() {
        ComplexSpectrogram s = PhaseVocoder.stretch(ComplexSpectrogram.zeros(5, 1025), 0.7);
        for (float v : s.real()) {
            assertEquals(0f, v);
        }
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class,
                    () -> PhaseVocoder.stretch(ComplexSpectrogram.zeros(5, 1025), bad), "rate " + bad);
        }
    }

    @Test
    void accumulatedPhasorKeepsUnitModulusOverManyFrames() {
        // a long random spectrogram: rounding in the phasor products must not make magnitudes drift
        Random r = new Random(5);
        int frames = 2000;
        int bins = 9;
        ComplexSpectrogram d = ComplexSpectrogram.zeros(frames, bins);
        for (int j = 0; j < frames * bins; j++) {
            double phase = 2 * Math.PI * r.nextDouble();
            d.real()[j] = (float) Math.cos(phase);
            d.imag()[j] = (float) Math.sin(phase);
        }
        ComplexSpectrogram s = PhaseVocoder.stretch(d, 0.37);
        for (int j = 0; j < (s.frames() - 3) * bins; j++) {
            assertEquals(1.0, Math.hypot(s.real()[j], s.imag()[j]), 1e-6, "cell " + j);
        }
    }
}
