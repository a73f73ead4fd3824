package org.ser4j.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.ser4j.data.LabelMapping;
import org.ser4j.model.ModelBundles;
import org.ser4j.model.ModelFormatException;
import org.ser4j.train.Architecture;
import org.ser4j.train.EpochStats;
import org.ser4j.train.TrainingListener;
import org.ser4j.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ser4j batch train}: trains a model from a features table with {@link TableTraining} and writes its
 * bundle. Prints one line per epoch on stderr and, at the end, a one-line JSON summary on stdout:
 * {@code {"rows":..,"classes":..,"epochs":..,"validation_ua":..,"seconds":..,"model":".."}}. User errors (no
 * table, not a features table, bad mapping) are thrown as {@link IOException} or
 * {@link IllegalArgumentException} for the batch command line's handler to print as one line.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model from a features table (Parquet from `ser4j batch features`) too big for one "
                + "machine's memory: Spark computes the statistics and streams the rows to the trainer.")
public final class TrainCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "DIR", description = "The features table (any Hadoop path).")
    String table;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The model bundle to write (any Hadoop path; overwritten).")
    String out;

    @Option(names = "--arch", paramLabel = "NAME", defaultValue = "mlp",
            description = "Architecture: mlp, cnn1d, lstm, cnn_lstm or cnn2d; default ${DEFAULT-VALUE}, with the "
                    + "default recipe's hidden 512,256 and dropout 0.4.")
    String arch;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs; default 60 (the default recipe's).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Samples per step; default 64.")
    Integer batchSize;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam's learning rate; default 0.001.")
    Float learningRate;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the split, initialisation and order; default 42.")
    Integer seed;

    @Option(names = "--map", paramLabel = "LIST", description = "Label mappings FROM=TO, e.g. calm=neutral.")
    String map;

    @Option(names = "--drop", paramLabel = "LIST", description = "Drop these emotions, e.g. boredom.")
    String drop;

    @Option(names = "--validation-fraction", paramLabel = "F",
            defaultValue = "" + TableTraining.DEFAULT_VALIDATION_FRACTION,
            description = "Fraction of speakers held out for early stopping (0 for none); default ${DEFAULT-VALUE}.")
    double validationFraction;

    @Option(names = "--chunk-rows", paramLabel = "N", defaultValue = "" + TableTraining.DEFAULT_CHUNK_ROWS,
            description = "Rows the driver takes from Spark at a time; default ${DEFAULT-VALUE}.")
    int chunkRows;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master; default spark-submit's, else local[*].")
    String master;

    @Override
    public Integer call() throws IOException {
        TableTraining job = job();
        long t0 = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        TableTraining.Result result;
        try (SparkSession spark = BatchSessions.open(master, "ser4j batch train")) {
            result = job.train(spark, new TrainingListener() {
                @Override
                public void epochDone(EpochStats s) {
                    err.printf("epoch %d: loss %.4f, training accuracy %.3f%s%n", s.epoch() + 1, s.loss(),
                            s.trainAccuracy(), Double.isNaN(s.validationUa()) ? ""
                                    : String.format(", validation UA %.3f", s.validationUa()));
                    err.flush();
                }
            });
            Path path = new Path(out);
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (OutputStream o = fs.create(path, true)) {
                ModelBundles.write(result.training().bundle(), o);
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(summary(result, (System.nanoTime() - t0) / 1e9, out));
        stdout.flush();
        return 0;
    }

    private TableTraining job() {
        try {
            TrainingOptions.Builder o = TableTraining.DEFAULT_OPTIONS.toBuilder();
            if (epochs != null) {
                o.optEpochs(epochs);
            }
            if (batchSize != null) {
                o.optBatchSize(batchSize);
            }
            if (learningRate != null) {
                o.optLearningRate(learningRate);
            }
            if (seed != null) {
                o.optSeed(seed);
            }
            LabelMapping.Builder m = LabelMapping.builder();
            if (map != null) {
                m.map(map);
            }
            if (drop != null) {
                m.drop(drop);
            }
            return TableTraining.builder().setTable(table).optArchitecture(Architecture.forCardName(arch))
                    .optTrainingOptions(o.build()).optLabelMapping(m.build())
                    .optValidationFraction(validationFraction).optChunkRows(chunkRows)
                    .optCommand(String.join(" ", spec.commandLine().getParseResult().originalArgs())
                            .transform(args -> "ser4j batch train " + args))
                    .build();
        } catch (IllegalArgumentException | ModelFormatException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The one-line JSON summary. */
    static String summary(TableTraining.Result r, double seconds, String model) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rows", r.trainingRows());
        s.put("validation_rows", r.validationRows());
        s.put("skipped_rows", r.skippedRows());
        s.put("classes", r.labels().size());
        s.put("labels", r.labels().stream().map(e -> e.label()).toList());
        s.put("epochs", r.training().epochs().size());
        s.put("best_epoch", r.training().bestEpoch() + 1);
        s.put("validation_ua", r.validationUa().isPresent() ? r.validationUa().getAsDouble() : null);
        s.put("seconds", Math.round(seconds * 10) / 10.0);
        s.put("model", model);
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of numbers and strings always serialises", e);
        }
    }
}
