package org.ser4j.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ser4j.core.dsp.CentredFrames;

class ZeroCrossingRateTest {

    private final ZeroCrossingRate zcr = new ZeroCrossingRate(new CentredFrames(2048, 512), 1e-10);

    @Test
    void silenceHasNoCrossings() {
        float[] rate = zcr.compute(new float[5000]);
        assertEquals(1 + 5000 / 512, rate.length);
        for (float r : rate) {
            assertEquals(0f, r);
        }
    }

    @Test
    void alternatingSignalCrossesBetweenEveryPairOfSamples() {
        float[] y = new float[8192];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 2 == 0 ? 1f : -1f;
        }
        float[] rate = zcr.compute(y);
        // interior frames: 2047 pairs in 2048 samples, the first sample of a frame has no predecessor
        for (int t = 2; t < rate.length - 2; t++) {
            assertEquals(2047f / 2048f, rate[t], 1e-7f, "frame " + t);
        }
        // frame 0 covers 1024 edge-padding copies of y[0] and 1024 samples: 1023 crossings
        assertEquals(1023f / 2048f, rate[0], 1e-7f);
    }

    @Test
    void valuesWithinTheThresholdCountAsPositiveZero() {
        float[] y = new float[4096];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 2 == 0 ? 1e-11f : -1e-11f; // below the 1e-10 threshold: all zero
        }
        for (float r : zcr.compute(y)) {
            assertEquals(0f, r);
        }
        float[] negativeZeros = new float[4096];
        Arrays.fill(negativeZeros, 1, 4096, -0.0f);
        for (float r : zcr.compute(negativeZeros)) {
            assertEquals(0f, r, "-0.0 counts as zero, which is positive");
        }
    }

    @Test
    void matchesLiteralEdgePaddedFramingOnNoise() {
        Random r = new Random(42);
        for (int n : new int[] {1, 7, 511, 512, 2047, 2048, 2049, 10000}) {
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                y[i] = (float) r.nextGaussian();
                if (i % 17 == 0) {
                    y[i] = 0f;
                }
            }
            assertArrayEquals(naive(y, 2048, 512, 1e-10f), zcr.compute(y), "n = " + n);
        }
    }

    @Test
    void matchesLiteralFramingOnGridsWhoseHopDoesNotDivideTheFrame() {
        Random r = new Random(9);
        float[] y = new float[5000];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) r.nextGaussian();
        }
        int[][] grids = {{2000, 300}, {5, 3}, {2047, 512}, {1024, 1024}, {256, 1000}};
        for (int[] g : grids) {
            ZeroCrossingRate z = new ZeroCrossingRate(new CentredFrames(g[0], g[1]), 1e-10);
            assertArrayEquals(naive(y, g[0], g[1], 1e-10f), z.compute(y), g[0] + "/" + g[1]);
        }
    }

    @Test
    void shortSignalGivesOneFrame() {
        assertEquals(1, zcr.compute(new float[] {0.5f, -0.5f}).length);
        assertEquals(1f / 2048f, zcr.compute(new float[] {0.5f, -0.5f})[0]);
    }

    /** librosa: np.pad(mode="edge"), util.frame, zero_crossings(pad=False) per frame, mean over the frame. */
    static float[] naive(float[] y, int length, int hop, float threshold) {
        int pad = length / 2;
        float[] p = new float[y.length + 2 * pad];
        for (int i = 0; i < p.length; i++) {
            p[i] = y[Math.min(Math.max(i - pad, 0), y.length - 1)];
        }
        int frames = 1 + (p.length - length) / hop;
        float[] out = new float[frames];
        for (int t = 0; t < frames; t++) {
            int count = 0;
            for (int i = 1; i < length; i++) {
                float a = p[t * hop + i - 1];
                float b = p[t * hop + i];
                a = Math.abs(a) <= threshold ? 0f : a;
                b = Math.abs(b) <= threshold ? 0f : b;
                boolean signA = Float.floatToRawIntBits(a) < 0;
                boolean signB = Float.floatToRawIntBits(b) < 0;
                if (signA != signB) {
                    count++;
                }
            }
            out[t] = (float) count / length;
        }
        return out;
    }
}
