package org.ser4j.spark;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ser4j.core.features.FeatureSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ser4j batch features}: a {@link FeaturesJob}. */
@Command(name = "features", description = "Extract a feature set from every audio file; one row per file.")
final class FeaturesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BatchOptions options;

    @Option(names = "--set", paramLabel = "NAME", defaultValue = "functionals",
            description = "Feature set: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FeatureSet set;

    @Option(names = "--sr", paramLabel = "HZ", defaultValue = "" + FeaturesJob.DEFAULT_SAMPLE_RATE,
            description = "Decode at this rate (default: ${DEFAULT-VALUE}).")
    int sampleRate;

    @Override
    public Integer call() throws Exception {
        FeaturesJob job = FeaturesJob.builder().setInput(options.input()).optFeatureSet(set)
                .optSampleRate(sampleRate).build();
        BatchOutput out = options.output();
        try (SparkSession spark = BatchSessions.open(options.master, "ser4j batch features")) {
            return BatchMain.report(spec, job.run(spark, out));
        }
    }
}
