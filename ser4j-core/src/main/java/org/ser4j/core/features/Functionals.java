package org.ser4j.core.features;

import java.util.Arrays;
import java.util.List;
import org.ser4j.core.dsp.FloatMatrix;

/**
 * The statistics that summarise one low-level descriptor over a clip, in the order of {@link #NAMES}: mean,
 * population standard deviation ({@code np.std}, ddof 0), the 10th, 50th and 90th percentiles with numpy's
 * default linear interpolation ({@code np.percentile}), the range between the 10th and 90th percentiles (robust
 * to a stray frame, unlike max - min), and the least-squares slope against time in units per second.
 *
 * <p>An empty series (F0 of a clip with no voiced frame) gives zeros throughout; a single value has zero spread
 * and zero slope.
 */
final class Functionals {

    /** Statistic names, the suffix of each dimension name ({@code "mfcc3_delta.p90"}). */
    static final List<String> NAMES = List.of("mean", "std", "p10", "p50", "p90", "range", "slope");

    /** Statistics per series. */
    static final int COUNT = NAMES.size();

    private Functionals() {
    }

    /**
     * Writes the {@link #COUNT} statistics of {@code values} into {@code out} from {@code at}.
     *
     * @param values  the series (not modified)
     * @param seconds the time of each value, seconds; same length
     * @return the index after the last value written
     */
    static int summarise(double[] values, double[] seconds, float[] out, int at) {
        int n = values.length;
        if (seconds.length != n) {
            throw new IllegalArgumentException(n + " values need as many times, had " + seconds.length);
        }
        if (n == 0) {
            Arrays.fill(out, at, at + COUNT, 0f);
            return at + COUNT;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double p10 = percentile(sorted, 0.10);
        double p90 = percentile(sorted, 0.90);
        out[at] = (float) mean;
        out[at + 1] = (float) Math.sqrt(squares / n);
        out[at + 2] = (float) p10;
        out[at + 3] = (float) percentile(sorted, 0.50);
        out[at + 4] = (float) p90;
        out[at + 5] = (float) (p90 - p10);
        out[at + 6] = (float) slope(values, seconds, mean);
        return at + COUNT;
    }

    /**
     * The statistics of every column of a frame-major descriptor matrix with frames {@code secondsPerFrame}
     * apart, column after column: {@code cols * COUNT} values.
     */
    static float[] ofColumns(FloatMatrix lld, double secondsPerFrame) {
        int frames = lld.rows();
        double[] seconds = new double[frames];
        for (int t = 0; t < frames; t++) {
            seconds[t] = t * secondsPerFrame;
        }
        float[] out = new float[lld.cols() * COUNT];
        double[] column = new double[frames];
        for (int c = 0; c < lld.cols(); c++) {
            for (int t = 0; t < frames; t++) {
                column[t] = lld.get(t, c);
            }
            summarise(column, seconds, out, c * COUNT);
        }
        return out;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** numpy's default ("linear") percentile of ascending values: interpolate at position {@code q (n - 1)}. */
    private static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** Least-squares slope of values against seconds; 0 when the times do not vary. */
    private static double slope(double[] values, double[] seconds, double meanValue) {
        double meanTime = mean(seconds);
        double num = 0;
        double den = 0;
        for (int i = 0; i < values.length; i++) {
            double dt = seconds[i] - meanTime;
            num += dt * (values[i] - meanValue);
            den += dt * dt;
        }
        return den > 0 ? num / den : 0.0;
    }
}
