package org.ser4j.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YinTest {

    private static final int SR = 16_000;
    private static final int HOP = 512;
    private final Yin yin = Yin.withDefaults(SR, HOP);

    /**
     * A band-limited harmonic signal with instantaneous F0 {@code f(seconds)}: harmonic {@code k} has amplitude
     * {@code 1/k} (sawtooth) or 1 (pulse train), all below 7 kHz.
     */
    static float[] harmonic(double seconds, DoubleUnaryOperator f, boolean pulses) {
        float[] y = new float[(int) Math.round(seconds * SR)];
        double phase = 0;
        for (int i = 0; i < y.length; i++) {
            double f0 = f.applyAsDouble((double) i / SR);
            double v = 0;
            for (int k = 1; k * f0 < 7000; k++) {
                v += Math.sin(k * phase) / (pulses ? 1 : k);
            }
            y[i] = (float) (0.2 * v);
            phase += 2 * Math.PI * f0 / SR;
        }
        return y;
    }

    /** Frames whose whole analysis window lies inside a signal of {@code samples} samples. */
    private int[] interior(int samples) {
        int n = yin.frameLength();
        return java.util.stream.IntStream.range(0, 1 + samples / HOP)
                .filter(t -> t * HOP - n / 2 >= 0 && t * HOP + n / 2 <= samples).toArray();
    }

    @ParameterizedTest
    @CsvSource({"120, false", "220, false", "120, true", "220, true", "85, false", "410, true"})
    void findsTheFundamentalOfSteadyHarmonicSignalsWithinOnePercent(double f0, boolean pulses) {
        float[] y = harmonic(1.0, s -> f0, pulses);
        PitchTrack track = yin.compute(y);
        double[] est = track.f0Hz();
        boolean[] voiced = track.voiced();
        for (int t : interior(y.length)) {
            assertTrue(voiced[t], "frame " + t + " voiced");
            assertEquals(f0, est[t], 0.01 * f0, "frame " + t);
        }
    }

    @Test
    void followsAnOctaveGlideFrom150To300Hz() {
        DoubleUnaryOperator f = s -> 150 * Math.pow(2, s / 2); // one octave in 2 s
        float[] y = harmonic(2.0, f, false);
        PitchTrack track = yin.compute(y);
        double[] est = track.f0Hz();
        int window = yin.frameLength() / 2;
        for (int t : interior(y.length)) {
            // d(tau) compares the window before the frame centre with its shifted copies
            double expected = f.applyAsDouble((t * HOP - window / 2.0) / SR);
            assertTrue(track.voiced()[t], "frame " + t + " voiced");
            assertEquals(expected, est[t], 0.01 * expected, "frame " + t);
        }
    }

    @Test
    void silenceAndASingleSampleAreUnvoicedWithCmndOne() {
        for (float[] y : new float[][] {new float[8000], {0.5f}}) {
            PitchTrack track = yin.compute(y);
            for (int t = 0; t < track.frames(); t++) {
                assertFalse(track.voiced()[t], "frame " + t);
                assertEquals(1.0, track.cmndMin()[t], 0, "frame " + t);
                assertTrue(Double.isFinite(track.f0Hz()[t]));
            }
        }
    }

    @Test
    void aConstantIsUnvoicedAndFlatInsideTheSignal() {
        // 16000 samples: the last frames' windows are constant while their shifted copies reach the padding
        float[] dc = new float[16000];
        Arrays.fill(dc, 0.25f);
        PitchTrack track = yin.compute(dc);
        for (int t = 0; t < track.frames(); t++) {
            assertFalse(track.voiced()[t], "frame " + t);
            assertTrue(Double.isFinite(track.f0Hz()[t]) && Double.isFinite(track.cmndMin()[t]));
        }
        for (int t : interior(dc.length)) {
            assertEquals(1.0, track.cmndMin()[t], 0, "frame " + t);
        }
    }

    @Test
    void whiteNoiseIsUnvoicedAndItsDipsAreShallow() {
        Random r = new Random(3);
        float[] y = new float[16000];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.3 * r.nextGaussian());
        }
        PitchTrack track = yin.compute(y);
        for (int t : interior(y.length)) {
            assertFalse(track.voiced()[t], "frame " + t);
            assertTrue(track.cmndMin()[t] > 0.5, "frame " + t + ": " + track.cmndMin()[t]);
        }
    }

    @Test
    void fftDifferenceFunctionMatchesTheDirectSum() {
        Random r = new Random(5);
        float[] y = harmonic(0.6, s -> 180 + 40 * s, false);
        for (int i = 0; i < y.length; i++) {
            y[i] += (float) ((i > 5000 ? 0.3 : 0.05) * r.nextGaussian());
        }
        PitchTrack track = yin.compute(y);
        int n = yin.frameLength();
        int w = n / 2;
        int minPeriod = SR / 600;
        int maxPeriod = (int) Math.ceil(SR / 65.0);
        for (int t = 0; t < track.frames(); t++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                int j = t * HOP - n / 2 + i;
                x[i] = j >= 0 && j < y.length ? y[j] : 0;
            }
            double[] cmnd = new double[maxPeriod + 1];
            double cumulative = 0;
            for (int tau = 1; tau <= maxPeriod; tau++) {
                double d = 0;
                for (int j = 1; j <= w; j++) {
                    d += (x[j] - x[j + tau]) * (x[j] - x[j + tau]);
                }
                cumulative += d;
                cmnd[tau] = d * tau / cumulative;
            }
            double min = Double.POSITIVE_INFINITY;
            int argMin = -1;
            int first = -1;
            for (int tau = minPeriod; tau <= maxPeriod; tau++) {
                if (cmnd[tau] < min) {
                    min = cmnd[tau];
                    argMin = tau;
                }
                boolean trough = (tau == minPeriod || cmnd[tau] < cmnd[tau - 1])
                        && (tau == maxPeriod || cmnd[tau] <= cmnd[tau + 1]);
                if (first < 0 && trough && cmnd[tau] < 0.1) {
                    first = tau;
                }
            }
            int chosen = first >= 0 ? first : argMin;
            boolean inside = chosen > minPeriod && chosen < maxPeriod;
            assertEquals(min, track.cmndMin()[t], 1e-6, "frame " + t);
            assertEquals(inside && cmnd[chosen] < 0.3, track.voiced()[t], "frame " + t);
            if (inside) {
                double a = cmnd[chosen + 1] + cmnd[chosen - 1] - 2 * cmnd[chosen];
                double b = (cmnd[chosen + 1] - cmnd[chosen - 1]) / 2;
                double period = chosen + (Math.abs(b) >= Math.abs(a) ? 0 : -b / a);
                assertEquals(SR / period, track.f0Hz()[t], 1e-6 * SR / period, "frame " + t);
            }
        }
    }

    @Test
    void frameLengthHoldsFourLongestPeriods() {
        assertEquals(1024, yin.frameLength());
        assertEquals(2048, Yin.withDefaults(22050, 512).frameLength()); // librosa's default there
        assertEquals(512, Yin.withDefaults(8000, 256).frameLength());
    }

    @Test
    void rejectsASearchRangeAboveNyquistAndBadThresholds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Yin.withDefaults(1000, 64));
        assertTrue(e.getMessage().contains("Nyquist"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Yin(SR, HOP, 300, 200, 0.1, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new Yin(SR, HOP, 65, 600, 0, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new Yin(SR, HOP, 65, 600, 0.2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> yin.compute(new float[0]));
    }
}
