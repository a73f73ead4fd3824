package org.ser4j.spark;

import java.util.Objects;

/**
 * Where and how a batch job writes its table.
 *
 * @param dir       the output directory, on any Hadoop file system ("out", "hdfs:///tables/run1", "s3a://b/t")
 * @param format    the file format
 * @param overwrite whether an existing {@code dir} is replaced; without it an existing directory is refused, so
 *                  a mistyped path never deletes a table
 */
public record BatchOutput(String dir, OutputFormat format, boolean overwrite) {

    public BatchOutput {
        if (dir == null || dir.isBlank()) {
            throw new IllegalArgumentException("the output directory must not be blank");
        }
        Objects.requireNonNull(format, "format");
    }

    /** Parquet into {@code dir}, refusing an existing directory. */
    public static BatchOutput parquet(String dir) {
        return new BatchOutput(dir, OutputFormat.PARQUET, false);
    }
}
