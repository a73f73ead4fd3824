package org.ser4j.core.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MelFilterBankTest {

    @Test
    void slaneyScaleIsLinearBelowOneKilohertzAndLogarithmicAbove() {
        assertEquals(15.0, MelScale.SLANEY.hzToMel(1000.0), 1e-12);
        assertEquals(7.5, MelScale.SLANEY.hzToMel(500.0), 1e-12);
        // 6.4 times the frequency is 27 mels further up
        assertEquals(15.0 + 27.0, MelScale.SLANEY.hzToMel(6400.0), 1e-9);
        for (double hz : new double[] {0, 100, 999, 1000, 4321, 48000}) {
            assertEquals(hz, MelScale.SLANEY.melToHz(MelScale.SLANEY.hzToMel(hz)), 1e-9 * Math.max(1, hz));
            assertEquals(hz, MelScale.HTK.melToHz(MelScale.HTK.hzToMel(hz)), 1e-9 * Math.max(1, hz));
        }
        assertEquals(2595.0 * Math.log10(2.0), MelScale.HTK.hzToMel(700.0), 1e-12);
    }

    @Test
    void melFrequenciesRunFromFminToFmaxInclusive() {
        double[] f = MelScale.SLANEY.melFrequencies(130, 0.0, 8000.0);
        assertEquals(0.0, f[0]);
        assertEquals(8000.0, f[129], 1e-9);
        for (int i = 1; i < f.length; i++) {
            assertTrue(f[i] > f[i - 1]);
        }
    }

    @Test
    void fftFrequenciesAreBinCentres() {
        double[] f = MelScale.fftFrequencies(16000, 2048);
        assertEquals(1025, f.length);
        assertEquals(0.0, f[0]);
        assertEquals(7.8125, f[1], 1e-12);
        assertEquals(8000.0, f[1024], 1e-9);
    }

    /** The filter bank against a dense, double-precision transcription of librosa.filters.mel. */
    @ParameterizedTest
    @ValueSource(ints = {8000, 16000, 22050, 24414, 44100, 48000})
    void filterBankMatchesNaiveLibrosaFormula(int sampleRate) {
        int nFft = 2048;
        int nMels = 128;
        MelFilterBank bank = MelFilterBank.create(sampleRate, nFft, nMels, 0.0, sampleRate / 2.0, MelScale.SLANEY,
                MelNorm.SLANEY);
        double[][] naive = naiveSlaneyMel(sampleRate, nFft, nMels);
        assertEquals(nMels, bank.bands());
        assertEquals(nFft / 2 + 1, bank.bins());
        for (int m = 0; m < nMels; m++) {
            double peak = 0;
            for (double w : naive[m]) {
                peak = Math.max(peak, w);
            }
            for (int k = 0; k < bank.bins(); k++) {
                assertEquals(naive[m][k], bank.weight(m, k), 1e-6 * peak, "band " + m + " bin " + k);
            }
        }
        assertTrue(bank.storedWeights() < nMels * bank.bins() / 20, "stored sparsely: " + bank.storedWeights());
    }

    @Test
    void slaneyNormalisationGivesEachTriangleUnitArea() {
        int sr = 16000;
        MelFilterBank bank = MelFilterBank.create(sr, 2048, 128, 0.0, 8000.0, MelScale.SLANEY, MelNorm.SLANEY);
        MelFilterBank plain = MelFilterBank.create(sr, 2048, 128, 0.0, 8000.0, MelScale.SLANEY, MelNorm.NONE);
        double[] mel = MelScale.SLANEY.melFrequencies(130, 0.0, 8000.0);
        double binHz = sr / 2048.0;
        for (int m = 0; m < 128; m++) {
            double enorm = 2.0 / (mel[m + 2] - mel[m]);
            double area = 0;
            for (int k = 0; k < bank.bins(); k++) {
                assertTrue(plain.weight(m, k) <= 1.0f, "unnormalised triangles peak at most at 1");
                assertEquals((float) (plain.weight(m, k) * enorm), bank.weight(m, k), 0.0f);
                area += bank.weight(m, k) * binHz;
            }
            // the Riemann sum approaches the triangle's unit area once it spans enough bins
            if (mel[m + 2] - mel[m] > 40 * binHz) {
                assertEquals(1.0, area, 0.01, "band " + m);
            }
        }
    }

    @Test
    void sineAtABinCentrePeaksInThatBinAndInTheBandWeightingItMost() {
        int sr = 16000;
        int bin = 100; // 781.25 Hz
        float[] y = new float[sr];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) Math.sin(2 * Math.PI * bin * sr / 2048.0 * i / sr);
        }
        Stft stft = new Stft(2048, 512);
        FloatMatrix power = stft.compute(y, Stft.Scale.POWER);
        MelFilterBank bank = MelFilterBank.create(sr, 2048, 128, 0.0, 8000.0, MelScale.SLANEY, MelNorm.SLANEY);
        FloatMatrix mel = bank.apply(power, Stft.Scale.POWER);
        int expectedBand = argmax(m -> bank.weight(m, bin), 128);
        int frame = 10;
        assertEquals(bin, argmax(k -> power.get(frame, k), power.cols()));
        assertEquals(expectedBand, argmax(m -> mel.get(frame, m), 128));
    }

    @Test
    void magnitudeInputIsSquaredBeforeProjection() {
        MelFilterBank bank = MelFilterBank.create(16000, 64, 8, 0.0, 8000.0, MelScale.SLANEY, MelNorm.SLANEY);
        float[] mag = new float[33];
        float[] pow = new float[33];
        for (int k = 0; k < 33; k++) {
            mag[k] = 0.1f * k;
            pow[k] = mag[k] * mag[k];
        }
        assertArrayEquals(bank.apply(new FloatMatrix(1, 33, pow), Stft.Scale.POWER).data(),
                bank.apply(new FloatMatrix(1, 33, mag), Stft.Scale.MAGNITUDE).data());
    }

    @Test
    void rejectsSpectraOfTheWrongWidthAndBadEdges() {
        MelFilterBank bank = MelFilterBank.create(16000, 64, 8, 0.0, 8000.0, MelScale.SLANEY, MelNorm.SLANEY);
        assertThrows(IllegalArgumentException.class, () -> bank.apply(FloatMatrix.zeros(2, 32), Stft.Scale.POWER));
        assertThrows(IllegalArgumentException.class,
                () -> MelFilterBank.create(16000, 64, 8, 500.0, 400.0, MelScale.SLANEY, MelNorm.SLANEY));
        assertThrows(IllegalArgumentException.class,
                () -> MelFilterBank.create(16000, 64, 0, 0.0, 400.0, MelScale.SLANEY, MelNorm.SLANEY));
    }

    /** librosa.filters.mel, transcribed literally in double precision over a dense matrix. */
    static double[][] naiveSlaneyMel(int sr, int nFft, int nMels) {
        int bins = nFft / 2 + 1;
        double[] fft = new double[bins];
        for (int k = 0; k < bins; k++) {
            fft[k] = (double) k * sr / nFft;
        }
        double maxMel = slaneyHzToMel(sr / 2.0);
        double[] melF = new double[nMels + 2];
        for (int i = 0; i < melF.length; i++) {
            melF[i] = slaneyMelToHz(maxMel * i / (nMels + 1));
        }
        double[][] w = new double[nMels][bins];
        for (int m = 0; m < nMels; m++) {
            for (int k = 0; k < bins; k++) {
                double lower = (fft[k] - melF[m]) / (melF[m + 1] - melF[m]);
                double upper = (melF[m + 2] - fft[k]) / (melF[m + 2] - melF[m + 1]);
                w[m][k] = Math.max(0, Math.min(lower, upper)) * 2.0 / (melF[m + 2] - melF[m]);
            }
        }
        return w;
    }

    private static double slaneyHzToMel(double hz) {
        return hz < 1000 ? 3 * hz / 200 : 15 + 27 * Math.log(hz / 1000) / Math.log(6.4);
    }

    private static double slaneyMelToHz(double mel) {
        return mel < 15 ? 200 * mel / 3 : 1000 * Math.pow(6.4, (mel - 15) / 27);
    }

    private static int argmax(java.util.function.IntToDoubleFunction f, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (f.applyAsDouble(i) > f.applyAsDouble(best)) {
                best = i;
            }
        }
        return best;
    }
}
