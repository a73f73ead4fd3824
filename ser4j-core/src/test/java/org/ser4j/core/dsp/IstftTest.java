package org.ser4j.core.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Stft#complex} against numpy, and {@link Istft} as its inverse. */
class IstftTest {

    private static final Stft STFT = new Stft(2048, 512);
    private static final Istft ISTFT = new Istft(2048, 512);

    @Test
    void complexStftMatchesNumpysRfftOfTheCentredHannFrames() {
        float[] y = Float32Resources.read("/augment/input.f32");
        float[] ref = Float32Resources.read("/augment/stft_frames.f32"); // [frame][re 1025, im 1025]
        ComplexSpectrogram d = STFT.complex(y);
        assertEquals(STFT.frameCount(y.length), d.frames());
        int bins = d.bins();
        double peak = 0;
        double err = 0;
        for (int t = 0; t < 3; t++) {
            for (int k = 0; k < bins; k++) {
                double re = ref[t * 2 * bins + k];
                double im = ref[t * 2 * bins + bins + k];
                peak = Math.max(peak, Math.hypot(re, im));
                err = Math.max(err, Math.hypot(d.real()[t * bins + k] - re, d.imag()[t * bins + k] - im));
            }
        }
        assertTrue(err < 1e-5 * peak, "max complex error " + err + " against a peak of " + peak);
    }

    @Test
    void complexStftMagnitudeIsTheMagnitudeSpectrogram() {
        float[] y = noise(5000, 3);
        ComplexSpectrogram d = STFT.complex(y);
        FloatMatrix mag = STFT.compute(y, Stft.Scale.MAGNITUDE);
        for (int j = 0; j < mag.data().length; j++) {
            assertEquals(mag.data()[j], Math.hypot(d.real()[j], d.imag()[j]), 1e-5);
        }
    }

    @ParameterizedTest(name = "{0} samples")
    @ValueSource(ints = {1, 100, 1023, 1024, 1025, 2048, 4000, 48_000, 48_001})
    void inverseOfTheStftIsTheSignalToFloatPrecision(int n) {
        float[] y = noise(n, n);
        float[] back = ISTFT.inverse(STFT.complex(y), n);
        assertEquals(n, back.length);
        assertTrue(Float32Resources.maxAbsDiff(y, back) < 1e-5, "max error " + Float32Resources.maxAbsDiff(y, back));
    }

    @Test
    void framesThatDoNotReachTheRequestedLengthLeaveZerosAfterThem() {
        float[] y = noise(4000, 7);
        ComplexSpectrogram d = STFT.complex(y); // 8 frames cover 4000 samples; ask for more
        float[] back = ISTFT.inverse(d, 6000);
        assertEquals(6000, back.length);
        // the last frame is centred on sample 3584 and ends at 3584 + 1024
        for (int i = 3584 + 1024; i < 6000; i++) {
            assertEquals(0f, back[i], "sample " + i);
        }
        for (int i = 0; i < 4000; i++) {
            assertEquals(y[i], back[i], 1e-5, "sample " + i);
        }
    }

    @Test
    void inverseToAShorterLengthUsesOnlyTheFramesThatReachIt() {
        float[] y = noise(8000, 11);
        float[] back = ISTFT.inverse(STFT.complex(y), 3000);
        assertEquals(3000, back.length);
        for (int i = 0; i < back.length; i++) {
            assertEquals(y[i], back[i], 1e-5, "sample " + i);
        }
    }

    @Test
    void emptyLengthAndMismatchedBinsAreHandled() {
        assertEquals(0, ISTFT.inverse(STFT.complex(new float[0]), 0).length);
        ComplexSpectrogram wrong = ComplexSpectrogram.zeros(3, 513);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ISTFT.inverse(wrong, 10));
        assertTrue(e.getMessage().contains("1025") && e.getMessage().contains("513"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ISTFT.inverse(ComplexSpectrogram.zeros(3, 1025), -1));
        assertThrows(IllegalArgumentException.class, () -> new Istft(1023, 256));
        assertThrows(IllegalArgumentException.class, () -> new Istft(1024, 0));
    }

    private static float[] noise(int n, long seed) {
        Random r = new Random(seed);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) (0.3 * r.nextGaussian());
        }
        return y;
    }
}
