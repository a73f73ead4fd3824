package org.ser4j.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.ser4j.core.dsp.FloatMatrix;

class ChromaFilterBankTest {

    @ParameterizedTest(name = "sr={0} n_fft={1} n_chroma={2} tuning={3}")
    @CsvSource({"16000, 2048, 12, 0.0", "22050, 2048, 12, -0.37", "44100, 1024, 24, 0.2", "8000, 512, 7, 0.49"})
    void withoutOctaveWeightingEveryColumnHasUnitL2Norm(int sr, int nFft, int nChroma, double tuning) {
        ChromaFilterBank bank = ChromaFilterBank.create(sr, nFft, nChroma, tuning, OctaveWeighting.NONE);
        for (int f = 0; f < bank.bins(); f++) {
            double sumSquares = 0;
            for (int c = 0; c < nChroma; c++) {
                sumSquares += (double) bank.weight(c, f) * bank.weight(c, f);
            }
            assertEquals(1.0, Math.sqrt(sumSquares), 1e-6, "bin " + f);
        }
    }

    @ParameterizedTest(name = "sr={0} n_fft={1} n_chroma={2} tuning={3}")
    @CsvSource({"16000, 2048, 12, 0.0", "22050, 2048, 12, -0.37", "44100, 1024, 24, 0.2", "8000, 512, 7, 0.49"})
    void matchesANaiveTranscriptionOfLibrosasFormula(int sr, int nFft, int nChroma, double tuning) {
        ChromaFilterBank bank = ChromaFilterBank.librosaDefault(sr, nFft, nChroma, tuning);
        double[][] naive = naiveLibrosaChroma(sr, nFft, nChroma, tuning);
        assertEquals(nFft / 2 + 1, bank.bins());
        for (int c = 0; c < nChroma; c++) {
            for (int f = 0; f < bank.bins(); f++) {
                assertEquals((float) naive[c][f], bank.weight(c, f), Math.ulp((float) naive[c][f]),
                        "chroma " + c + " bin " + f);
            }
        }
    }

    @Test
    void rowsStartAtCSoTheBinsNearestC4AndA4PeakInChroma0And9() {
        ChromaFilterBank bank = ChromaFilterBank.librosaDefault(16000, 2048, 12, 0.0);
        double binHz = 16000.0 / 2048;
        assertEquals(0, argmaxChroma(bank, (int) Math.round(261.63 * 4 / binHz)));
        assertEquals(9, argmaxChroma(bank, (int) Math.round(440.0 * 4 / binHz)));
    }

    @Test
    void applyMultipliesTheBankWithEachFrame() {
        ChromaFilterBank bank = ChromaFilterBank.librosaDefault(16000, 64, 12, 0.1);
        float[] s = new float[2 * 33];
        for (int i = 0; i < s.length; i++) {
            s[i] = (i * 7 % 11) / 10f;
        }
        FloatMatrix raw = bank.apply(new FloatMatrix(2, 33, s));
        for (int t = 0; t < 2; t++) {
            for (int c = 0; c < 12; c++) {
                double expected = 0;
                for (int f = 0; f < 33; f++) {
                    expected += (double) bank.weight(c, f) * s[t * 33 + f];
                }
                assertEquals((float) expected, raw.get(t, c), "frame " + t + " chroma " + c);
            }
        }
    }

    @Test
    void rejectsInvalidParameters() {
        assertThrows(IllegalArgumentException.class, () -> ChromaFilterBank.librosaDefault(16000, 2047, 12, 0));
        assertThrows(IllegalArgumentException.class, () -> ChromaFilterBank.librosaDefault(0, 2048, 12, 0));
        assertThrows(IllegalArgumentException.class, () -> ChromaFilterBank.librosaDefault(16000, 2048, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ChromaFilterBank.librosaDefault(16000, 2048, 12,
                Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new OctaveWeighting(5.0, 0.0));
    }

    private static int argmaxChroma(ChromaFilterBank bank, int bin) {
        int best = 0;
        for (int c = 1; c < bank.nChroma(); c++) {
            if (bank.weight(c, bin) > bank.weight(best, bin)) {
                best = c;
            }
        }
        return best;
    }

    /**
     * {@code librosa.filters.chroma} line by line in the order librosa writes it (before the float32 cast), with
     * {@code ctroct=5.0, octwidth=2, norm=2, base_c=True}.
     */
    private static double[][] naiveLibrosaChroma(int sr, int nFft, int nChroma, double tuning) {
        double[] frqbins = new double[nFft];
        for (int k = 1; k < nFft; k++) {
            double hz = k * ((double) sr / nFft);
            double a440 = 440.0 * Math.pow(2.0, tuning / nChroma);
            frqbins[k] = nChroma * (Math.log(hz / (a440 / 16)) / Math.log(2));
        }
        frqbins[0] = frqbins[1] - 1.5 * nChroma;
        double[] width = new double[nFft];
        for (int k = 0; k < nFft; k++) {
            width[k] = k == nFft - 1 ? 1 : Math.max(frqbins[k + 1] - frqbins[k], 1.0);
        }
        double half = Math.rint(nChroma / 2.0);
        double[][] wts = new double[nChroma][nFft];
        for (int c = 0; c < nChroma; c++) {
            for (int k = 0; k < nFft; k++) {
                double x = frqbins[k] - c + half + 10 * nChroma;
                double d = (x - nChroma * Math.floor(x / nChroma)) - half;
                wts[c][k] = Math.exp(-0.5 * Math.pow(2 * d / width[k], 2));
            }
        }
        double[][] out = new double[nChroma][nFft / 2 + 1];
        for (int k = 0; k <= nFft / 2; k++) {
            double norm = 0;
            for (int c = 0; c < nChroma; c++) {
                norm += wts[c][k] * wts[c][k];
            }
            double octave = Math.exp(-0.5 * Math.pow((frqbins[k] / nChroma - 5.0) / 2, 2));
            for (int c = 0; c < nChroma; c++) {
                int from = (c + 3 * (nChroma / 12)) % nChroma;
                out[c][k] = wts[from][k] / Math.sqrt(norm) * octave;
            }
        }
        return out;
    }
}
