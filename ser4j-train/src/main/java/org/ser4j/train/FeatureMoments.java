package org.ser4j.train;

import java.io.Serializable;
import java.util.Arrays;
import org.ser4j.model.Normalisation;

/**
 * Running sums for the standardisation a model applies to its inputs: per normalisation group of an
 * {@link InputLayout} (every dimension of a vector, a channel of a sequence, a mel band of an image), the count,
 * sum and sum of squares of the values seen. An accept/combine accumulator, so that the same code fits a
 * {@link Normalisation} over an array in memory, over a stream of chunks, and over the partitions of a Spark
 * table (it is {@link Serializable} for that).
 *
 * <p>Mutable and not thread-safe: one instance per thread or partition, merged with {@link #combine}.
 */
public final class FeatureMoments implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int[] groupOf;
    private final double[] sum;
    private final double[] sq;
    private final long[] count;
    private long rows;

    /**
     * Empty sums for rows of a layout.
     *
     * @param layout how a row's values fall into normalisation groups
     */
    public FeatureMoments(InputLayout layout) {
        int d = layout.size();
        groupOf = new int[d];
        int groups = 0;
        for (int j = 0; j < d; j++) {
            groupOf[j] = layout.group(j);
            groups = Math.max(groups, groupOf[j] + 1);
        }
        sum = new double[groups];
        sq = new double[groups];
        count = new long[groups];
    }

    /**
     * Adds one row.
     *
     * @return this
     * @throws IllegalArgumentException if the row does not have the layout's size
     */
    public FeatureMoments accept(float[] row) {
        if (row.length != groupOf.length) {
            throw new IllegalArgumentException("expected rows of " + groupOf.length + " values, got " + row.length);
        }
        for (int j = 0; j < row.length; j++) {
            int g = groupOf[j];
            sum[g] += row[j];
            sq[g] += (double) row[j] * row[j];
            count[g]++;
        }
        rows++;
        return this;
    }

    /**
     * Adds another accumulator's sums to these.
     *
     * @return this
     * @throws IllegalArgumentException if the other was made for a different layout
     */
    public FeatureMoments combine(FeatureMoments other) {
        if (!Arrays.equals(groupOf, other.groupOf)) {
            throw new IllegalArgumentException("cannot combine moments of different layouts: " + groupOf.length
                    + " values in " + sum.length + " groups and " + other.groupOf.length + " values in "
                    + other.sum.length + " groups");
        }
        for (int g = 0; g < sum.length; g++) {
            sum[g] += other.sum[g];
            sq[g] += other.sq[g];
            count[g] += other.count[g];
        }
        rows += other.rows;
        return this;
    }

    /** Rows accepted so far, here and in the accumulators combined into this one. */
    public long rows() {
        return rows;
    }

    /**
     * Mean and population standard deviation of each group, expanded to every dimension; a constant group gets
     * scale 1 (as scikit-learn's StandardScaler leaves constant features).
     *
     * @throws IllegalStateException if no row was accepted
     */
    public Normalisation normalisation() {
        if (rows == 0) {
            throw new IllegalStateException("no rows: a normalisation needs at least one");
        }
        int d = groupOf.length;
        float[] mean = new float[d];
        float[] scale = new float[d];
        for (int j = 0; j < d; j++) {
            int g = groupOf[j];
            double m = sum[g] / count[g];
            double var = Math.max(0, sq[g] / count[g] - m * m);
            mean[j] = (float) m;
            scale[j] = var > 0 ? (float) Math.sqrt(var) : 1f;
        }
        return new Normalisation(mean, scale);
    }
}
