package org.ser4j.core.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DctIITest {

    @Test
    void fullBasisIsOrthonormal() {
        int n = 128;
        DctII dct = new DctII(n, n);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += dct.basis(a, i) * dct.basis(b, i);
                }
                assertEquals(a == b ? 1.0 : 0.0, dot, 1e-12, a + "," + b);
            }
        }
    }

    @Test
    void constantInputHasOnlyACoefficientZero() {
        DctII dct = new DctII(128, 20);
        float[] x = new float[128];
        java.util.Arrays.fill(x, -100f);
        float[] c = dct.apply(new FloatMatrix(1, 128, x)).data();
        assertEquals(-100.0 * Math.sqrt(128), c[0], 1e-3);
        for (int k = 1; k < 20; k++) {
            assertEquals(0.0, c[k], 1e-4, "coefficient " + k);
        }
    }

    @Test
    void matchesScipyOrthoDefinition() {
        int n = 40;
        Random r = new Random(7);
        float[] x = new float[2 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        FloatMatrix out = new DctII(n, 13).apply(new FloatMatrix(2, n, x));
        for (int row = 0; row < 2; row++) {
            for (int k = 0; k < 13; k++) {
                // scipy: y[k] = 2 sum x[n] cos(pi k (2n+1) / 2N), times sqrt(1/4N) for k = 0, sqrt(1/2N) otherwise
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += x[row * n + i] * Math.cos(Math.PI * k * (2 * i + 1) / (2.0 * n));
                }
                double expected = 2 * sum * Math.sqrt(1.0 / ((k == 0 ? 4.0 : 2.0) * n));
                assertEquals(expected, out.get(row, k), 1e-5);
            }
        }
    }

    @Test
    void rejectsMoreCoefficientsThanInputs() {
        assertThrows(IllegalArgumentException.class, () -> new DctII(10, 11));
        assertThrows(IllegalArgumentException.class, () -> new DctII(10, 5).apply(FloatMatrix.zeros(1, 9)));
    }
}
