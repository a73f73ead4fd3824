package org.ser4j.core.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FastLogTest {

    @Test
    void agreesWithMathLog10AcrossTheNormalFloatRange() {
        Random r = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            float x = (float) Math.pow(10, -37.9 + 76.3 * r.nextDouble());
            assertEquals(Math.log10(x), FastLog.log10(x), 1e-10, "x = " + x);
        }
    }

    @Test
    void exactAtPowersOfTwoAndTenAndAtTheReductionBoundaries() {
        float[] xs = {1f, 2f, 0.5f, 10f, 1e-10f, 0.70710677f, 0.7071068f, 1.4142135f, 1.4142137f, Float.MIN_NORMAL,
            Float.MAX_VALUE};
        for (float x : xs) {
            assertEquals(Math.log10(x), FastLog.log10(x), 1e-10, "x = " + x);
        }
        assertEquals(0.0, FastLog.log10(1f), 0.0);
    }

    @Test
    void specialValuesBehaveAsMathLog10() {
        assertEquals(Double.NEGATIVE_INFINITY, FastLog.log10(0f));
        assertEquals(Math.log10(Float.MIN_VALUE), FastLog.log10(Float.MIN_VALUE), 1e-12);
        assertEquals(Double.NaN, FastLog.log10(-1f));
        assertEquals(Double.POSITIVE_INFINITY, FastLog.log10(Float.POSITIVE_INFINITY));
        assertEquals(Double.NaN, FastLog.log10(Float.NaN));
    }
}
