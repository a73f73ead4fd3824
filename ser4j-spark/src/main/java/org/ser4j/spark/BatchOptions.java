package org.ser4j.spark;

import java.util.List;
import picocli.CommandLine.Option;

/** The options every {@code ser4j batch} job shares: input, output, format, partitions, master. */
final class BatchOptions {

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "Folder, glob, audio file or manifest CSV, on any Hadoop file system (repeatable).")
    List<String> inputs;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output directory.")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
            description = "parquet or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--overwrite", description = "Replace the output directory if it exists.")
    boolean overwrite;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Spread the files over N partitions (default: Spark's split of the listing).")
    int partitions;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark-submit's, else " + BatchSessions.DEFAULT_MASTER + ").")
    String master;

    BatchInput input() {
        return new BatchInput(inputs, partitions);
    }

    BatchOutput output() {
        return new BatchOutput(output, format, overwrite);
    }
}
