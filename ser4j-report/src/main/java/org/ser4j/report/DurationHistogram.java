package org.ser4j.report;

import java.util.List;
import org.ser4j.data.Clip;

/**
 * Clip durations binned for the histogram: at most about 60 bins of a round width (0.1, 0.2, 0.25, 0.5, 1, 2 ... s)
 * from the shortest clip to the longest, so no clip falls outside.
 *
 * @param edges   bin edges in seconds, one more than {@code counts}; empty when no duration is known
 * @param counts  clips per bin
 * @param known   clips with a known duration (the sum of {@code counts})
 * @param unknown clips whose duration is unknown, left out of the bins
 * @param min     the shortest known duration (NaN when none is known)
 * @param median  the median known duration (NaN when none is known)
 * @param max     the longest known duration (NaN when none is known)
 */
record DurationHistogram(double[] edges, int[] counts, int known, int unknown, double min, double median,
        double max) {

    private static final int TARGET_BINS = 60;
    /** Bin width when every duration is the same. */
    private static final double SINGLE_VALUE_WIDTH = 0.1;

    static DurationHistogram of(List<Clip> clips) {
        double[] d = clips.stream().filter(c -> c.durationSeconds().isPresent())
                .mapToDouble(c -> c.durationSeconds().getAsDouble()).toArray();
        int unknown = clips.size() - d.length;
        if (d.length == 0) {
            return new DurationHistogram(new double[0], new int[0], 0, unknown, Double.NaN, Double.NaN, Double.NaN);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : d) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double width = max > min ? Ticks.of(min, max, TARGET_BINS + 1).step() : SINGLE_VALUE_WIDTH;
        long first = (long) Math.floor(min / width);
        int bins = (int) ((long) Math.floor(max / width) - first + 1);
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = (first + i) * width;
        }
        int[] counts = new int[bins];
        for (double x : d) {
            // Floating rounding can put a value on the upper edge of the last bin; it belongs to that bin.
            int i = (int) Math.min(bins - 1, Math.max(0, (long) Math.floor(x / width) - first));
            counts[i]++;
        }
        double[] sorted = d.clone();
        java.util.Arrays.sort(sorted);
        double median = (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
        return new DurationHistogram(edges, counts, d.length, unknown, min, median, max);
    }
}
