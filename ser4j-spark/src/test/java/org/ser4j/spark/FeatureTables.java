package org.ser4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Spark sessions and features tables (the features job's schema) of a synthetic separable problem, for tests. */
final class FeatureTables {

    /** Values per row: the seed162 vector. */
    static final int DIMS = 162;
    /** The emotions of the synthetic classes, each with its own centre. */
    static final List<String> CLASSES = List.of("neutral", "sad", "angry", "calm", "boredom");

    static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("file", DataTypes.StringType, false),
            DataTypes.createStructField("corpus", DataTypes.StringType, true),
            DataTypes.createStructField("speaker", DataTypes.StringType, true),
            DataTypes.createStructField("label", DataTypes.StringType, true),
            DataTypes.createStructField("feature_set", DataTypes.StringType, false),
            DataTypes.createStructField("sample_rate", DataTypes.IntegerType, false),
            DataTypes.createStructField("shape", DataTypes.createArrayType(DataTypes.IntegerType), true),
            DataTypes.createStructField("values", DataTypes.createArrayType(DataTypes.FloatType), true),
            DataTypes.createStructField("duration_s", DataTypes.DoubleType, true),
            DataTypes.createStructField("error", DataTypes.StringType, true)));

    private FeatureTables() {
    }

    /** A local session as the batch commands open one: two cores, driver on 127.0.0.1, no UI. */
    static SparkSession session() {
        return SparkSession.builder().master("local[2]").appName("ser4j-spark tests")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    /**
     * A point of class {@code c}: its centre (fixed by {@code c}) plus unit noise; centres differ by several
     * standard deviations in every dimension, calm's lies next to neutral's.
     */
    static Float[] point(int c, Random noise) {
        Random centre = new Random(1000 + (c == 3 ? 0 : c));
        Float[] v = new Float[DIMS];
        for (int j = 0; j < DIMS; j++) {
            v[j] = (float) (10 + j % 5 + 2 * centre.nextGaussian() + 0.5 * noise.nextGaussian());
        }
        return v;
    }

    /**
     * Good rows: for each of {@code speakers} speakers, {@code perClass} rows of each of neutral, sad, angry,
     * calm and boredom; plus {@code broken} rows with an error and {@code broken} rows without a label, whose
     * values (huge) would show in the normalisation if they were used.
     */
    static List<Row> rows(int speakers, int perClass, int broken, long seed) {
        Random r = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < speakers; s++) {
            for (int c = 0; c < CLASSES.size(); c++) {
                for (int i = 0; i < perClass; i++) {
                    rows.add(row("s" + s + "/" + CLASSES.get(c) + i + ".wav", "spk" + s, CLASSES.get(c), point(c, r),
                            null));
                }
            }
        }
        Float[] huge = new Float[DIMS];
        java.util.Arrays.fill(huge, 1000f);
        for (int i = 0; i < broken; i++) {
            rows.add(row("broken" + i + ".wav", "spk0", "angry", null, "cannot decode: truncated file"));
            rows.add(row("unlabelled" + i + ".wav", "spk0", null, huge, null));
        }
        return rows;
    }

    static Row row(String file, String speaker, String label, Float[] values, String error) {
        return RowFactory.create(file, "synthetic", speaker, label, "seed162", 16000,
                values == null ? null : new Integer[] {DIMS}, values, 1.5, error);
    }

    /** Writes rows as a Parquet features table. */
    static void write(SparkSession spark, List<Row> rows, String path) {
        spark.createDataFrame(rows, SCHEMA).repartition(3).write().parquet(path);
    }
}
