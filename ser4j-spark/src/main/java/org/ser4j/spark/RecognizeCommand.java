package org.ser4j.spark;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ser4j.recognizer.RecognizerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ser4j batch recognize}: a {@link RecognizeJob}. */
@Command(name = "recognize", description = "Recognise the emotion in every audio file; one row per file and "
        + "segment.")
final class RecognizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BatchOptions options;

    @Option(names = "--model", paramLabel = "FILE", description = "Model bundle (default: the bundled model).")
    String model;

    @Option(names = "--min-confidence", paramLabel = "P", defaultValue = "0",
            description = "Label estimates below this probability 'uncertain' (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Override
    public Integer call() throws Exception {
        RecognizeJob.Builder b = RecognizeJob.builder().setInput(options.input())
                .optConfig(RecognizerConfig.builder().optMinConfidence(minConfidence).build());
        if (model != null) {
            b.optModel(model);
        }
        RecognizeJob job = b.build();
        BatchOutput out = options.output();
        try (SparkSession spark = BatchSessions.open(options.master, "ser4j batch recognize")) {
            return BatchMain.report(spec, job.run(spark, out));
        }
    }
}
