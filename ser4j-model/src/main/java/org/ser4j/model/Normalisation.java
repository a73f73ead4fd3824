package org.ser4j.model;

import java.util.Arrays;

/**
 * Per-feature standardisation learnt on the training data, {@code (x - mean) / scale}, stored with the model so
 * that inference applies exactly what training did.
 *
 * @param mean  one value per feature dimension
 * @param scale one positive value per feature dimension (a standard deviation, floored when it was 0)
 */
public record Normalisation(float[] mean, float[] scale) {

    public Normalisation {
        if (mean == null || scale == null || mean.length != scale.length) {
            throw new IllegalArgumentException("mean and scale must have the same length, were "
                    + (mean == null ? "null" : mean.length) + " and " + (scale == null ? "null" : scale.length));
        }
        for (int i = 0; i < scale.length; i++) {
            if (!(scale[i] > 0) || !Float.isFinite(scale[i]) || !Float.isFinite(mean[i])) {
                throw new IllegalArgumentException("normalisation of dimension " + i + " must have a finite mean "
                        + "and a finite positive scale, was mean " + mean[i] + ", scale " + scale[i]);
            }
        }
        mean = mean.clone();
        scale = scale.clone();
    }

    /** No change: mean 0, scale 1 over {@code dimensions}. */
    public static Normalisation identity(int dimensions) {
        float[] ones = new float[dimensions];
        Arrays.fill(ones, 1f);
        return new Normalisation(new float[dimensions], ones);
    }

    /** Number of feature dimensions. */
    public int dimensions() {
        return mean.length;
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] scale() {
        return scale.clone();
    }

    /**
     * Standardises a row-major {@code rows x dimensions} block into a new array.
     *
     * @throws IllegalArgumentException if the length is not a multiple of {@link #dimensions()}
     */
    public float[] apply(float[] values) {
        int d = mean.length;
        if (d == 0 || values.length % d != 0) {
            throw new IllegalArgumentException("expected a multiple of " + d + " values, got " + values.length);
        }
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            int j = i % d;
            out[i] = (values[i] - mean[j]) / scale[j];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalisation n && Arrays.equals(mean, n.mean) && Arrays.equals(scale, n.scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "Normalisation[" + mean.length + " dimensions]";
    }
}
