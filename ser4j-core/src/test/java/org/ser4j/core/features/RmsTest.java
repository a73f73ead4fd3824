package org.ser4j.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ser4j.core.dsp.CentredFrames;

class RmsTest {

    private final Rms rms = new Rms(new CentredFrames(2048, 512));

    @Test
    void constantSignalHasItsLevelInInteriorFramesAndLessWhereZeroPaddingEnters() {
        float[] y = new float[10000];
        Arrays.fill(y, 1f);
        float[] r = rms.compute(y);
        assertEquals(1 + 10000 / 512, r.length);
        for (int t = 2; t < r.length - 2; t++) {
            assertEquals(1f, r[t], 1e-7f, "frame " + t);
        }
        // frame 0 is half zero padding
        assertEquals(Math.sqrt(0.5), r[0], 1e-7);
    }

    @Test
    void silenceHasZeroRms() {
        for (float v : rms.compute(new float[3000])) {
            assertEquals(0f, v);
        }
    }

    @Test
    void sineHasRmsOfAmplitudeOverRootTwo() {
        float[] y = new float[16000];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 16000.0));
        }
        assertEquals(0.5 / Math.sqrt(2), rms.compute(y)[10], 1e-6);
    }

    @Test
    void matchesLiteralZeroPaddedFramingOnNoise() {
        Random rnd = new Random(3);
        int[][] grids = {{2048, 512}, {2000, 300}, {5, 3}, {2047, 512}, {256, 1000}};
        for (int n : new int[] {1, 100, 512, 2049, 7777}) {
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                y[i] = (float) rnd.nextGaussian();
            }
            for (int[] g : grids) {
                assertArrayEquals(naive(y, g[0], g[1]), new Rms(new CentredFrames(g[0], g[1])).compute(y), 1e-6f,
                        "n = " + n + ", grid " + g[0] + "/" + g[1]);
            }
        }
    }

    /** librosa: np.pad with zeros, util.frame, mean of squares per frame, square root. */
    static float[] naive(float[] y, int length, int hop) {
        int pad = length / 2;
        float[] p = new float[y.length + 2 * pad];
        System.arraycopy(y, 0, p, pad, y.length);
        int frames = 1 + (p.length - length) / hop;
        float[] out = new float[frames];
        for (int t = 0; t < frames; t++) {
            double s = 0;
            for (int i = 0; i < length; i++) {
                s += (double) p[t * hop + i] * p[t * hop + i];
            }
            out[t] = (float) Math.sqrt(s / length);
        }
        return out;
    }
}
