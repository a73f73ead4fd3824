package org.ser4j.spark;

/** The file format a batch job writes its table in. */
public enum OutputFormat {

    /** Apache Parquet: the table's types as they are (arrays, maps); the default. */
    PARQUET,

    /**
     * CSV with a header line, in one file: maps become one column per key (recognition's {@code p_<label>}),
     * arrays become space-separated numbers (features' {@code shape} and {@code values}).
     */
    CSV
}
