package org.ser4j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.ser4j.core.Ser4jException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code ser4j batch}: listed here so that {@code ser4j --help} shows it, but run by ser4j-spark's application jar,
 * because Spark is never shaded into ser4j.jar. The {@code ./ser4j} launcher sends {@code batch} there; this
 * command only answers when ser4j.jar is started directly.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Recognise, extract features or train over large archives on Apache Spark: "
                + "batch recognize|features|train --input PATH --output DIR [--format parquet|csv] ...",
                "Runs through the ./ser4j launcher (local mode on this machine) or spark-submit on a cluster; "
                        + "see the README's \"Batch on Spark\"."})
final class BatchCommand implements Callable<Integer> {

    @Unmatched
    List<String> arguments;

    @Override
    public Integer call() throws Ser4jException {
        throw new Ser4jException("batch runs on Apache Spark, which ser4j.jar does not contain: run it with the "
                + "./ser4j launcher (it puts ser4j-spark/target/ser4j-spark-app.jar and Spark on the class path), "
                + "or on a cluster with spark-submit --class org.ser4j.spark.BatchMain ser4j-spark-app.jar ...");
    }
}
