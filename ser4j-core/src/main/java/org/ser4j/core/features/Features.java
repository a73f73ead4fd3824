package org.ser4j.core.features;

import java.util.Arrays;
import org.ser4j.core.dsp.FloatMatrix;

/**
 * Features of one clip: which set, its shape and its values, row-major (the last dimension varies fastest).
 * Arrays are copied on the way in and on the way out, so an instance is immutable.
 *
 * @param set        the feature set these values belong to
 * @param shape      dimensions, each at least 1 (see {@link FeatureSet} for each set's layout)
 * @param values     {@code product(shape)} values, row-major
 * @param sampleRate sample rate of the analysed signal, Hz
 */
public record Features(FeatureSet set, int[] shape, float[] values, int sampleRate) {

    public Features {
        if (set == null) {
            throw new IllegalArgumentException("feature set must not be null");
        }
        if (shape == null || shape.length == 0) {
            throw new IllegalArgumentException("shape must have at least one dimension");
        }
        if (values == null) {
            throw new IllegalArgumentException("values must not be null");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        long size = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("dimensions must be positive, shape was " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException(values.length + " values do not fill shape " + Arrays.toString(shape));
        }
        shape = shape.clone();
        values = values.clone();
    }

    /** A copy of the shape. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** A copy of the values, row-major. */
    @Override
    public float[] values() {
        return values.clone();
    }

    /** Number of values. */
    public int size() {
        return values.length;
    }

    /** The values of a two-dimensional set as a matrix (a copy); {@link IllegalStateException} for other ranks. */
    public FloatMatrix toMatrix() {
        if (shape.length != 2) {
            throw new IllegalStateException(set + " features have shape " + Arrays.toString(shape)
                    + ", not a matrix");
        }
        return new FloatMatrix(shape[0], shape[1], values.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Features f && set == f.set && sampleRate == f.sampleRate
                && Arrays.equals(shape, f.shape) && Arrays.equals(values, f.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * set.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(values)) + sampleRate;
    }

    @Override
    public String toString() {
        return "Features[" + set + " " + Arrays.toString(shape) + " at " + sampleRate + " Hz]";
    }
}
