package org.ser4j.core.dsp;

import java.util.Arrays;

/**
 * A dense row-major float matrix. Spectral data is frame-major: one row per frame, one column per bin, band
 * or coefficient, the same orientation as the librosa reference files (librosa itself is bin-major).
 *
 * <p>The array is not copied: a matrix owns the array it is given and callers treat it as read-only.
 *
 * @param rows number of rows (frames)
 * @param cols number of columns (bins, bands, coefficients)
 * @param data {@code rows * cols} values, row after row
 */
public record FloatMatrix(int rows, int cols, float[] data) {

    public FloatMatrix {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("shape must be non-negative, was " + rows + "x" + cols);
        }
        if (data == null || (long) rows * cols != data.length) {
            throw new IllegalArgumentException("data length " + (data == null ? "null" : data.length)
                    + " does not match shape " + rows + "x" + cols);
        }
    }

    /** A zero matrix. */
    public static FloatMatrix zeros(int rows, int cols) {
        return new FloatMatrix(rows, cols, new float[Math.multiplyExact(rows, cols)]);
    }

    /** One element. */
    public float get(int row, int col) {
        return data[row * cols + col];
    }

    /** A copy of one row. */
    public float[] row(int row) {
        return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
    }

    /** The mean of each column over all rows (librosa's {@code np.mean(x, axis=frames)}), in double precision. */
    public double[] columnMeans() {
        double[] sums = new double[cols];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                sums[c] += data[base + c];
            }
        }
        for (int c = 0; c < cols; c++) {
            sums[c] = rows == 0 ? Double.NaN : sums[c] / rows;
        }
        return sums;
    }
}
