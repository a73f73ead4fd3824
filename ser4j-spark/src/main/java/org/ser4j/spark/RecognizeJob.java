package org.ser4j.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ser4j.core.Emotion;
import org.ser4j.core.Ser4jException;
import org.ser4j.data.manifest.ManifestException;
import org.ser4j.model.ModelBundles;
import org.ser4j.model.ModelFormatException;
import org.ser4j.recognizer.EmotionEstimate;
import org.ser4j.recognizer.EmotionRecognizer;
import org.ser4j.recognizer.Recognition;
import org.ser4j.recognizer.RecognizerConfig;
import org.ser4j.recognizer.TimelineSegment;
import scala.jdk.javaapi.CollectionConverters;

import static org.apache.spark.sql.functions.col;

/**
 * Recognises the emotion in every audio file of an archive, in parallel on Spark: what {@code ser4j batch
 * recognize} runs.
 *
 * <p>The table ({@link #SCHEMA}) has one row per file, and for a file long enough to get a timeline
 * ({@link Recognition#hasTimeline()}) one more row per segment: {@code file}, {@code segment} (null for the
 * file's own row, 0.. for its segments), {@code start_s} and {@code end_s} (null for the file row),
 * {@code duration_s} (the file's), {@code emotion} ({@link EmotionEstimate#label()}, so "uncertain" below the
 * abstention threshold), {@code confidence}, {@code probabilities} (label to probability) and {@code error}. A
 * file that fails (not audio, damaged, no speech, unreadable) is one row with only {@code file} and
 * {@code error} set: one bad file never fails the job. In CSV the probabilities become one column
 * {@code p_<label>} per model label.
 *
 * <p>Each executor JVM loads the model once, on its first file, and its tasks share it; a model file is read on
 * the driver (from any Hadoop file system) and shipped to the executors as a broadcast. Files are read whole into
 * memory by Spark's {@code binaryFile} source, which cannot read a file of 2 GiB or more: such a file becomes an
 * error row. Decoding then runs from the bytes; recordings up to 3 hours are accepted, as by the
 * {@link EmotionRecognizer}.
 *
 * <pre>{@code
 * RecognizeJob job = RecognizeJob.builder().setInput(BatchInput.of("hdfs:///calls/2024")).build();
 * JobSummary summary = job.run(spark, BatchOutput.parquet("hdfs:///tables/calls-2024"));
 * }</pre>
 */
public final class RecognizeJob {

    /** The recognition table's columns. */
    public static final StructType SCHEMA = new StructType()
            .add("file", DataTypes.StringType, false)
            .add("segment", DataTypes.IntegerType, true)
            .add("start_s", DataTypes.DoubleType, true)
            .add("end_s", DataTypes.DoubleType, true)
            .add("duration_s", DataTypes.DoubleType, true)
            .add("emotion", DataTypes.StringType, true)
            .add("confidence", DataTypes.DoubleType, true)
            .add("probabilities", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), true)
            .add("error", DataTypes.StringType, true);

    private final BatchInput input;
    private final String model;
    private final RecognizerConfig config;

    private RecognizeJob(Builder b) {
        this.input = b.input;
        this.model = b.model;
        this.config = b.config;
    }

    /** A builder; the input is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The input. */
    public BatchInput input() {
        return input;
    }

    /** The recogniser's settings. */
    public RecognizerConfig config() {
        return config;
    }

    /**
     * The recognition table, not yet computed and in no particular order ({@link #run} sorts it by file).
     *
     * @throws java.nio.file.NoSuchFileException when an input names nothing
     * @throws ModelFormatException              when the model cannot be read or is not a ser4j model
     * @throws ManifestException                 when a manifest is malformed
     * @throws IllegalArgumentException          when the input holds no audio
     * @throws IOException                       when a file system fails
     */
    public Dataset<Row> table(SparkSession spark) throws IOException, Ser4jException {
        return prepare(spark).table;
    }

    /**
     * Recognises every file and writes the table sorted by file and segment.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the output exists and overwriting was not asked for
     * @throws IOException                               when an input names nothing or a file system fails
     * @throws Ser4jException                            when the model or a manifest cannot be read
     */
    public JobSummary run(SparkSession spark, BatchOutput out) throws IOException, Ser4jException {
        long started = System.nanoTime();
        TableWriter.checkOutput(spark, out);
        Prepared p = prepare(spark);
        List<String> labels = p.labels;
        return TableWriter.write(p.table, out, col("segment").isNull(), t -> probabilityColumns(t, labels), started,
                col("file"), col("segment").asc_nulls_first());
    }

    /** The table with {@code probabilities} spread into one {@code p_<label>} column per label, for CSV. */
    static Dataset<Row> probabilityColumns(Dataset<Row> table, List<String> labels) {
        List<Column> columns = new ArrayList<>();
        for (String name : table.columns()) {
            if (name.equals("probabilities")) {
                for (String label : labels) {
                    columns.add(col("probabilities").getItem(label).as("p_" + label));
                }
            } else {
                columns.add(col(name));
            }
        }
        return table.select(columns.toArray(Column[]::new));
    }

    private record Prepared(Dataset<Row> table, List<String> labels) {
    }

    private Prepared prepare(SparkSession spark) throws IOException, Ser4jException {
        RecognizerSource source = source(spark);
        // The driver builds one too: it checks the model before any task runs, gives the labels for CSV, and in
        // local mode is the very recogniser the tasks use.
        List<String> labels = source.recognizer().labels().stream().map(Emotion::label).toList();
        AudioSource.Files files = AudioSource.read(spark, input);
        Dataset<Row> table = files.files().mapPartitions(new RecognizePartition(source), Encoders.row(SCHEMA));
        return new Prepared(table, labels);
    }

    private RecognizerSource source(SparkSession spark) throws IOException, ModelFormatException {
        if (model == null) {
            return RecognizerSource.of("default", "the bundled default model", null, config);
        }
        Path path = new Path(model);
        byte[] bytes;
        try (InputStream in = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(path)) {
            bytes = in.readAllBytes();
        }
        // Read here first, so that a wrong file is one clear message before the job rather than a failed task.
        ModelBundles.read(new ByteArrayInputStream(bytes), model);
        Broadcast<byte[]> shipped = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes);
        return RecognizerSource.of(model + "#" + sha256(bytes), model, shipped, config);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Recognises the files of one partition with this JVM's recogniser. */
    private static final class RecognizePartition implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final RecognizerSource source;

        RecognizePartition(RecognizerSource source) {
            this.source = source;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> files) {
            EmotionRecognizer recognizer = source.recognizer();
            return new FlatIterator<>(files, file -> rows(recognizer, file));
        }

        private static List<Row> rows(EmotionRecognizer recognizer, Row input) {
            String file = input.getString(0);
            String problem = input.getString(2);
            if (problem != null) {
                return List.of(error(file, problem));
            }
            Recognition r;
            try {
                r = recognizer.recognize(new ByteArrayInputStream((byte[]) input.get(1)));
            } catch (IOException | Ser4jException | RuntimeException e) {
                return List.of(error(file, Failures.describe(e)));
            }
            List<Row> rows = new ArrayList<>(1 + r.segments().size());
            double duration = r.durationSeconds();
            rows.add(row(file, null, null, null, duration, r.estimate()));
            int i = 0;
            for (TimelineSegment s : r.segments()) {
                rows.add(row(file, i++, s.startSeconds(), s.endSeconds(), duration, s.estimate()));
            }
            return rows;
        }

        private static Row row(String file, Integer segment, Double start, Double end, double duration,
                EmotionEstimate e) {
            Map<String, Double> p = new LinkedHashMap<>();
            e.probabilities().forEach((emotion, value) -> p.put(emotion.label(), value));
            return RowFactory.create(file, segment, start, end, duration, e.label(), e.confidence(),
                    CollectionConverters.asScala(p), null);
        }

        private static Row error(String file, String message) {
            return RowFactory.create(file, null, null, null, null, null, null, null, message);
        }
    }

    /** Builds a {@link RecognizeJob}. */
    public static final class Builder {
        private BatchInput input;
        private String model;
        private RecognizerConfig config = RecognizerConfig.defaults();

        private Builder() {
        }

        /** The files to recognise (required). */
        public Builder setInput(BatchInput value) {
            this.input = Objects.requireNonNull(value, "input");
            return this;
        }

        /** A model bundle on any Hadoop file system instead of the bundled default model. */
        public Builder optModel(String path) {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("the model path must not be blank");
            }
            this.model = path;
            return this;
        }

        /** Window, hop, abstention threshold and merging; {@link RecognizerConfig#defaults()} otherwise. */
        public Builder optConfig(RecognizerConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /**
         * The job.
         *
         * @throws IllegalStateException when no input was set
         */
        public RecognizeJob build() {
            if (input == null) {
                throw new IllegalStateException("setInput is required");
            }
            return new RecognizeJob(this);
        }
    }
}
