package org.ser4j.core.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Counts of (true class, predicted class) pairs over a fixed, ordered label set: the accumulator every
 * evaluation metric is computed from. Written as accept/combine so the same code counts in a loop, a parallel
 * stream, or Spark partitions; {@link #report()} turns the counts into figures.
 *
 * <p>Not thread-safe: give each thread its own matrix and {@link #combine} them.
 */
public final class ConfusionMatrix {

    private final List<String> labels;
    /** counts[true][predicted] */
    private final long[][] counts;

    /**
     * @param labels the classes, in the order rows and columns use; distinct, at least two
     */
    public ConfusionMatrix(List<String> labels) {
        this.labels = List.copyOf(labels);
        if (this.labels.size() < 2 || this.labels.stream().distinct().count() != this.labels.size()) {
            throw new IllegalArgumentException("a confusion matrix needs at least two distinct labels, had " + labels);
        }
        this.counts = new long[this.labels.size()][this.labels.size()];
    }

    /** The labels, in row and column order. */
    public List<String> labels() {
        return labels;
    }

    /**
     * Counts one prediction.
     *
     * @throws IllegalArgumentException if an index is outside the label set
     */
    public ConfusionMatrix accept(int trueClass, int predictedClass) {
        Objects.checkIndex(trueClass, labels.size());
        Objects.checkIndex(predictedClass, labels.size());
        counts[trueClass][predictedClass]++;
        return this;
    }

    /** Counts one prediction given by label names. */
    public ConfusionMatrix accept(String trueLabel, String predictedLabel) {
        return accept(index(trueLabel), index(predictedLabel));
    }

    /** Adds another matrix's counts to this one (same labels in the same order). */
    public ConfusionMatrix combine(ConfusionMatrix other) {
        if (!labels.equals(other.labels)) {
            throw new IllegalArgumentException("cannot combine matrices over different labels: " + labels + " and "
                    + other.labels);
        }
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                counts[i][j] += other.counts[i][j];
            }
        }
        return this;
    }

    /** Count of clips of class {@code trueClass} predicted as {@code predictedClass}. */
    public long count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    /** A copy of the counts, rows = true class, columns = predicted class. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** Each row divided by its total (recall on the diagonal); rows with no clip stay zero. */
    public double[][] rowNormalised() {
        double[][] out = new double[counts.length][counts.length];
        for (int i = 0; i < counts.length; i++) {
            long row = Arrays.stream(counts[i]).sum();
            for (int j = 0; j < counts.length; j++) {
                out[i][j] = row == 0 ? 0 : (double) counts[i][j] / row;
            }
        }
        return out;
    }

    /** Total clips counted. */
    public long total() {
        long t = 0;
        for (long[] row : counts) {
            for (long c : row) {
                t += c;
            }
        }
        return t;
    }

    /** The figures: UA, WA, macro-F1 and precision, recall, F1 and support per class. */
    public ClassificationReport report() {
        return ClassificationReport.of(this);
    }

    private int index(String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("unknown label '" + label + "'; expected one of " + labels);
        }
        return i;
    }
}
