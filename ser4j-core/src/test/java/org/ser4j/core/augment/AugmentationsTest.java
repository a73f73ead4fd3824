package org.ser4j.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ser4j.core.audio.PcmAudio;

/** The primitives: exact SNR, zero-filled shift, librosa's stretch and pitch semantics, unclipped gain. */
class AugmentationsTest {

    @ParameterizedTest(name = "{0} dB")
    @ValueSource(doubles = {-10, 0, 3, 10, 20, 35, 60})
    void noiseAchievesTheRequestedSnr(double snr) {
        PcmAudio clip = Clips.voiced(48_000, 1);
        PcmAudio noisy = Augmentations.noise(clip, snr, new SplittableRandom(7));
        assertEquals(snr, Clips.snrDb(clip.samples(), noisy.samples()), 0.01);
    }

    @Test
    void noiseIsZeroMeanGaussianAndDependsOnlyOnTheGenerator() {
        PcmAudio clip = Clips.voiced(48_000, 2);
        float[] a = Augmentations.noise(clip, 0, new SplittableRandom(3)).samples();
        float[] b = Augmentations.noise(clip, 0, new SplittableRandom(3)).samples();
        float[] c = Augmentations.noise(clip, 0, new SplittableRandom(4)).samples();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        double sum = 0;
        double sq = 0;
        double fourth = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - clip.samples()[i];
            sum += d;
            sq += d * d;
            fourth += d * d * d * d;
        }
        double var = sq / a.length;
        assertEquals(0, sum / a.length, 4 * Math.sqrt(var / a.length), "mean");
        assertEquals(3, fourth / a.length / (var * var), 0.1, "kurtosis of a Gaussian");
    }

    @Test
    void noiseLeavesSilenceAndEmptyClipsAlone() {
        PcmAudio silence = new PcmAudio(new float[1000], Clips.RATE);
        assertArrayEquals(new float[1000], Augmentations.noise(silence, 10, new SplittableRandom(1)).samples());
        assertEquals(0, Augmentations.noise(new PcmAudio(new float[0], 8000), 10, new SplittableRandom(1)).length());
        assertThrows(IllegalArgumentException.class,
                () -> Augmentations.noise(silence, Double.NaN, new SplittableRandom(1)));
    }

    @Test
    void positiveShiftDelaysAndNegativeShiftAdvancesWithZeroFill() {
        PcmAudio clip = new PcmAudio(new float[] {1, 2, 3, 4, 5}, 8000);
        assertArrayEquals(new float[] {0, 0, 1, 2, 3}, Augmentations.shift(clip, 2).samples());
        assertArrayEquals(new float[] {3, 4, 5, 0, 0}, Augmentations.shift(clip, -2).samples());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5}, Augmentations.shift(clip, 0).samples());
        assertArrayEquals(new float[5], Augmentations.shift(clip, 5).samples());
        assertArrayEquals(new float[5], Augmentations.shift(clip, Integer.MIN_VALUE).samples());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5}, clip.samples(), "input untouched");
    }

    @Test
    void secondsOfShiftRoundToTheNearestSample() {
        assertEquals(4000, Augmentations.secondsToSamples(0.25, 16_000));
        assertEquals(-1, Augmentations.secondsToSamples(-0.00006, 16_000));
        assertThrows(IllegalArgumentException.class, () -> Augmentations.secondsToSamples(1e9, 16_000));
    }

    /**
     * The RMS levels are those of the numpy transcription of librosa (make-stretch-refs.py's time_stretch) on the
     * same sine: slowing down a tone that falls between two bins costs up to ~1.2 dB, as the two bins' phases
     * advance independently and partly cancel (the vocoder's "phasiness"); speeding up keeps the level.
     */
    @ParameterizedTest(name = "rate {0}")
    @CsvSource({"0.5, 0.307841", "0.8, 0.321039", "0.9, 0.321032", "1.1, 0.353581", "1.25, 0.353586",
        "2.0, 0.351969"})
    void stretchingASineKeepsItsFrequencyAndScalesItsLengthByOneOverRate(double rate, double rms) {
        PcmAudio clip = Clips.sine(48_000, 440, 0.5);
        PcmAudio out = Augmentations.timeStretch(clip, rate);
        assertEquals(Math.round(48_000 / rate), out.length());
        int margin = 4096;
        double f = Clips.peakFrequency(out.samples(), margin, out.length() - margin, 300, 600);
        assertEquals(440, f, 0.1);
        float[] mid = Arrays.copyOfRange(out.samples(), margin, out.length() - margin);
        assertEquals(rms, Math.sqrt(Clips.meanSquare(mid)), 2e-6);
    }

    @Test
    void stretchAtRateOneReproducesTheInput() {
        PcmAudio clip = Clips.voiced(48_000, 3);
        float[] out = Augmentations.timeStretch(clip, 1.0).samples();
        assertEquals(clip.length(), out.length);
        for (int i = 0; i < out.length; i++) {
            assertEquals(clip.samples()[i], out[i], 1e-4, "sample " + i);
        }
    }

    @ParameterizedTest(name = "{0} samples at rate {1} -> {2}")
    @CsvSource({"5, 2, 2", "7, 2, 4", "10, 4, 2", "100, 0.8, 125", "0, 1.3, 0", "1, 0.5, 2"})
    void stretchedLengthIsPythonsRoundOfLengthOverRate(int n, double rate, int expected) {
        assertEquals(expected, Augmentations.timeStretch(new PcmAudio(new float[n], 8000), rate).length());
    }

    @ParameterizedTest(name = "{0} semitones")
    @CsvSource({"12, 880", "-12, 220", "0.7, 458.1553", "-2, 391.9954", "3.3, 532.3974", "-0.35, 431.1939"})
    void pitchShiftMovesASineBySemitonesAndKeepsTheLength(double semitones, double expected) {
        PcmAudio clip = Clips.sine(48_000, 440, 0.5);
        PcmAudio out = Augmentations.pitchShift(clip, semitones);
        assertEquals(clip.length(), out.length());
        assertEquals(clip.sampleRate(), out.sampleRate());
        int margin = 4096;
        double f = Clips.peakFrequency(out.samples(), margin, out.length() - margin, 150, 1000);
        // the approximated ratio's 1e-4 plus the scan's 0.01 Hz step
        assertEquals(expected, f, expected * 1e-4 + 0.01);
    }

    @Test
    void pitchShiftOfZeroIsTheRateOneStretch() {
        PcmAudio clip = Clips.voiced(20_000, 4);
        assertArrayEquals(Augmentations.timeStretch(clip, 1).samples(), Augmentations.pitchShift(clip, 0).samples());
    }

    @Test
    void resamplingRatioIsTheSimplestFractionWithinTolerance() {
        assertEquals(new Augmentations.Fraction(1, 2), Augmentations.Fraction.approximate(0.5, 1e-4));
        assertEquals(new Augmentations.Fraction(4, 5), Augmentations.Fraction.approximate(0.8, 1e-4));
        assertEquals(new Augmentations.Fraction(355, 113), Augmentations.Fraction.approximate(Math.PI, 1e-6));
        for (double semitones = -24; semitones <= 24; semitones += 0.137) {
            double rate = Math.pow(2, -semitones / 12);
            Augmentations.Fraction f = Augmentations.Fraction.approximate(rate, Augmentations.RATIO_TOLERANCE);
            assertTrue(Math.abs(f.value() / rate - 1) <= Augmentations.RATIO_TOLERANCE, f + " for " + rate);
            // just off a simple ratio (5/4 at -3.86 semitones) the next fraction that close is ~1121/897
            assertTrue(Math.max(f.num(), f.den()) <= 2000, f + " for " + rate);
        }
    }

    @Test
    void gainScalesWithoutClipping() {
        PcmAudio clip = new PcmAudio(new float[] {0.9f, -0.5f, 0f}, 8000);
        float[] up = Augmentations.gain(clip, 6).samples();
        double g = Math.pow(10, 6 / 20.0);
        assertEquals(0.9 * g, up[0], 1e-6);
        assertTrue(up[0] > 1, "not clipped");
        assertEquals(-0.5 * g, up[1], 1e-6);
        assertEquals(0f, up[2]);
        assertArrayEquals(clip.samples(), Augmentations.gain(clip, 0).samples());
        assertThrows(IllegalArgumentException.class, () -> Augmentations.gain(clip, Double.POSITIVE_INFINITY));
    }

    @Test
    void primitivesRejectOutOfDomainParametersAndNeverModifyTheirInput() {
        PcmAudio clip = Clips.voiced(8000, 5);
        float[] before = clip.samples().clone();
        Augmentations.noise(clip, 10, new SplittableRandom(1));
        Augmentations.shift(clip, 100);
        Augmentations.timeStretch(clip, 0.7);
        Augmentations.pitchShift(clip, 1.5);
        Augmentations.gain(clip, -3);
        assertArrayEquals(before, clip.samples());
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> Augmentations.timeStretch(clip, bad), "rate " + bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Augmentations.pitchShift(clip, Double.NaN));
    }
}
