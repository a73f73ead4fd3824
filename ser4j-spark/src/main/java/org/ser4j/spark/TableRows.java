package org.ser4j.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.core.features.Features;
import org.ser4j.train.InputLayout;

/**
 * Turns a features-table row into the flat row a network reads ({@link InputLayout#toRow}): vectors as they are,
 * sequences cropped or padded to the layout's frames. Serializable so that executors and the driver read rows
 * with the same code (the layout itself is rebuilt from its parts, since it is not).
 *
 * <p>Rows are read by position: {@value #FILE}, {@value #EMOTION}, {@value #VALUES}, {@value #SHAPE}, as
 * {@link #COLUMNS} selects them.
 */
final class TableRows implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Positions of the columns {@link #COLUMNS} selects. */
    static final int FILE = 0;
    static final int EMOTION = 1;
    static final int VALUES = 2;
    static final int SHAPE = 3;
    /** The columns to select, in the order of the positions above ({@code emotion} is the mapped label). */
    static final String[] COLUMNS = {"file", "emotion", "values", "shape"};

    private final FeatureSet set;
    private final int sampleRate;
    private final InputLayout.Kind kind;
    private final int rows;
    private final int cols;

    TableRows(FeatureSet set, int sampleRate, InputLayout layout) {
        this.set = set;
        this.sampleRate = sampleRate;
        this.kind = layout.kind();
        this.rows = layout.rows();
        this.cols = layout.cols();
    }

    InputLayout layout() {
        return new InputLayout(kind, rows, cols);
    }

    /**
     * The network's row for a table row.
     *
     * @throws IllegalArgumentException if the values have a null element or do not have the layout's size or shape
     */
    float[] row(Row r) {
        List<Float> list = r.getList(VALUES);
        float[] v = new float[list.size()];
        for (int i = 0; i < v.length; i++) {
            Float x = list.get(i);
            if (x == null) {
                throw new IllegalArgumentException("the features of " + r.getString(FILE) + " have a null value at "
                        + i + "; expected numbers only");
            }
            v[i] = x;
        }
        if (kind == InputLayout.Kind.VECTOR) {
            if (v.length != rows) {
                throw new IllegalArgumentException("the features of " + r.getString(FILE) + " have " + v.length
                        + " values, the other rows " + rows);
            }
            return v;
        }
        List<Integer> s = r.isNullAt(SHAPE) ? List.of(v.length) : r.getList(SHAPE);
        int[] shape = s.stream().mapToInt(Integer::intValue).toArray();
        try {
            return layout().toRow(new Features(set, shape, v, sampleRate));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the features of " + r.getString(FILE) + ": " + e.getMessage(), e);
        }
    }
}
