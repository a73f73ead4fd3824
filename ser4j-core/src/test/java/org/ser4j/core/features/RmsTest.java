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
        for (int n : new int[] {1, 100, 512, 2049, 7777}) {
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                y[i] = (float) rnd.nextGaussian();
            }
            int pad = 1024;
            float[] p = new float[n + 2 * pad];
            System.arraycopy(y, 0, p, pad, n);
            int frames = 1 + (p.length - 2048) / 512;
            float[] expected = new float[frames];
            for (int t = 0; t < frames; t++) {
                double s = 0;
                for (int i = 0; i < 2048; i++) {
                    s += (double) p[t * 512 + i] * p[t * 512 + i];
                }
                expected[t] = (float) Math.sqrt(s / 2048);
            }
            assertArrayEquals(expected, rms.compute(y), 1e-6f, "n = " + n);
        }
    }
}
