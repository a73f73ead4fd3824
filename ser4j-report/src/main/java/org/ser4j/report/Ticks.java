package org.ser4j.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Nice" axis ticks (steps of 1, 2, 2.5 or 5 times a power of ten) for the axes ser4j draws itself, so they
 * read like XChart's.
 *
 * @param step   distance between ticks
 * @param values the tick positions inside the range, ascending
 */
record Ticks(double step, List<Double> values) {

    private static final double[] MANTISSAS = {1, 2, 2.5, 5, 10};

    /** At most about {@code maxTicks} ticks covering {@code [lo, hi]}. */
    static Ticks of(double lo, double hi, int maxTicks) {
        if (!(hi > lo) || maxTicks < 2) {
            throw new IllegalArgumentException("need lo < hi and maxTicks >= 2, got [" + lo + ", " + hi + "], "
                    + maxTicks);
        }
        double raw = (hi - lo) / (maxTicks - 1);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * 10;
        for (double m : MANTISSAS) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        return withStep(lo, hi, step);
    }

    /** Ticks every {@code step} inside {@code [lo, hi]}. */
    static Ticks withStep(double lo, double hi, double step) {
        List<Double> values = new ArrayList<>();
        double eps = step * 1e-9;
        for (long k = (long) Math.ceil((lo - eps) / step); k * step <= hi + eps; k++) {
            values.add(k * step);
        }
        return new Ticks(step, List.copyOf(values));
    }

    /** A tick value written with as many decimals as the step needs ("0.25", "1.5", "2000"). */
    String format(double value) {
        int decimals = 0;
        double s = step;
        while (decimals < 6 && Math.abs(s - Math.rint(s)) > 1e-9 * Math.max(1, Math.abs(s))) {
            s *= 10;
            decimals++;
        }
        double shown = Math.abs(value) < step * 1e-9 ? 0 : value;
        return String.format(Locale.ROOT, "%." + decimals + "f", shown);
    }
}
