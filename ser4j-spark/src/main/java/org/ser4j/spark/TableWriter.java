package org.ser4j.spark;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.function.UnaryOperator;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/** Writes a job's table: refuses an existing output, counts, sorts by file and writes Parquet or CSV. */
final class TableWriter {

    private TableWriter() {
    }

    /**
     * Refuses an existing output directory unless overwriting was asked for; called before any work so that a
     * mistake costs nothing.
     *
     * @throws FileAlreadyExistsException when it exists and {@code overwrite} is off
     */
    static void checkOutput(SparkSession spark, BatchOutput out) throws IOException {
        Path dir = new Path(out.dir());
        FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!out.overwrite() && fs.exists(dir)) {
            throw new FileAlreadyExistsException(out.dir(), null,
                    "the output already exists; choose another or give --overwrite to replace it");
        }
    }

    /**
     * Computes the table once (kept in memory and on local disk while it is counted and written, so no file is
     * decoded twice), writes it sorted by {@code order}, and reports.
     *
     * @param fileRow which rows are a file's own row (the others are its segments)
     * @param csv     turns the table into CSV-compatible columns
     * @param started {@link System#nanoTime()} when the job started
     */
    static JobSummary write(Dataset<Row> table, BatchOutput out, Column fileRow, UnaryOperator<Dataset<Row>> csv,
            long started, Column... order) {
        Dataset<Row> kept = table.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Row counts = kept.agg(count(lit(1)), count(when(fileRow, 1)),
                    count(when(fileRow.and(col("error").isNotNull()), 1))).first();
            Dataset<Row> sorted = kept.orderBy(order);
            // A CSV is for people and spreadsheets: one file, in order.
            Dataset<Row> written = out.format() == OutputFormat.CSV ? csv.apply(sorted).coalesce(1) : sorted;
            written.write().mode(out.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists)
                    .format(out.format() == OutputFormat.CSV ? "csv" : "parquet").option("header", "true")
                    .save(out.dir());
            double seconds = (System.nanoTime() - started) / 1e9;
            return new JobSummary(counts.getLong(0), counts.getLong(1), counts.getLong(2), seconds, out.dir());
        } finally {
            kept.unpersist();
        }
    }
}
