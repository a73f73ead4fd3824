package org.ser4j.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DeltaTest {

    @Test
    void matchesScipySavgolFilterInInterpMode() {
        double[] x = {3, -1, 4, 1, -5, 9, 2, -6, 5, 3, -5, 8, 9, -7, 9, 3};
        // scipy.signal.savgol_filter(x, 9, 1, deriv=1, mode="interp"), what librosa.feature.delta calls
        double[] expected = {-0.05, -0.05, -0.05, -0.05, -0.05, 0.2, -0.41666666666666666, 0.31666666666666665,
            0.8, -0.41666666666666666, 0.6333333333333335, 0.7, 0.7, 0.7, 0.7, 0.7};
        assertArrayEquals(expected, Delta.of(x), 1e-12);
    }

    @Test
    void lineHasItsSlopeEverywhere() {
        double[] x = new double[12];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2.5 * i - 1;
        }
        double[] expected = new double[12];
        java.util.Arrays.fill(expected, 2.5);
        assertArrayEquals(expected, Delta.of(x), 1e-12);
    }

    @Test
    void seriesShorterThanTheWindowTakeTheSlopeOfTheirFittedLine() {
        assertArrayEquals(new double[] {2, 2, 2}, Delta.of(new double[] {1, 3, 5}), 1e-12);
        // least-squares slope of (0, 0), (1, 1), (2, 0), (3, 3): 0.8
        assertArrayEquals(new double[] {0.8, 0.8, 0.8, 0.8}, Delta.of(new double[] {0, 1, 0, 3}), 1e-12);
        assertArrayEquals(new double[] {0}, Delta.of(new double[] {7}), 0);
    }
}
