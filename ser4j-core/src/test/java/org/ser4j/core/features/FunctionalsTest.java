package org.ser4j.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ser4j.core.dsp.FloatMatrix;

class FunctionalsTest {

    @Test
    void arithmeticSeriesHasKnownStatistics() {
        float[] out = new float[Functionals.COUNT];
        Functionals.summarise(new double[] {5, 1, 4, 2, 3}, new double[] {0.4, 0, 0.3, 0.1, 0.2}, out, 0);
        // mean 3, np.std sqrt(2), np.percentile 10/50/90 of 1..5 = 1.4, 3, 4.6, slope 10 per second
        assertArrayEquals(new float[] {3f, (float) Math.sqrt(2), 1.4f, 3f, 4.6f, 3.2f, 10f}, out, 1e-6f);
    }

    @Test
    void columnsOfAHandMadeMatrixMatchANaiveComputation() {
        float[] data = {
            1.0f, -2.0f,
            4.0f, 0.5f,
            -3.0f, 0.5f,
            2.5f, 8.0f,
            0.0f, -1.0f,
            7.0f, 3.0f,
        };
        FloatMatrix lld = new FloatMatrix(6, 2, data);
        double hop = 0.032;
        float[] got = Functionals.ofColumns(lld, hop);
        assertEquals(2 * Functionals.COUNT, got.length);
        for (int c = 0; c < 2; c++) {
            double[] v = new double[6];
            for (int t = 0; t < 6; t++) {
                v[t] = data[2 * t + c];
            }
            double[] expected = naive(v, hop);
            for (int s = 0; s < Functionals.COUNT; s++) {
                assertEquals(expected[s], got[c * Functionals.COUNT + s], 1e-5,
                        "column " + c + " " + Functionals.NAMES.get(s));
            }
        }
    }

    @Test
    void emptySeriesGivesZerosAndASingleValueHasNoSpreadOrSlope() {
        float[] out = new float[2 * Functionals.COUNT];
        Arrays.fill(out, 9f);
        int at = Functionals.summarise(new double[0], new double[0], out, 0);
        at = Functionals.summarise(new double[] {4}, new double[] {1.5}, out, at);
        assertEquals(out.length, at);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 4, 0, 4, 4, 4, 0, 0}, out);
    }

    /** Textbook formulas, each written out separately from the class under test. */
    private static double[] naive(double[] v, double hop) {
        int n = v.length;
        double mean = Arrays.stream(v).sum() / n;
        double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / n;
        double[] s = v.clone();
        Arrays.sort(s);
        double p10 = linearPercentile(s, 10);
        double p50 = linearPercentile(s, 50);
        double p90 = linearPercentile(s, 90);
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double x = i * hop;
            sx += x;
            sy += v[i];
            sxy += x * v[i];
            sxx += x * x;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return new double[] {mean, Math.sqrt(var), p10, p50, p90, p90 - p10, slope};
    }

    /** numpy's "linear" method: rank {@code p/100 (n-1)} between the neighbouring order statistics. */
    private static double linearPercentile(double[] sorted, double p) {
        double rank = p / 100 * (sorted.length - 1);
        int lo = (int) rank;
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] * (1 - (rank - lo)) + sorted[hi] * (rank - lo);
    }
}
