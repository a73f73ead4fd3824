package org.ser4j.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.Ser4jException;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.core.features.FeatureExtractor;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.core.features.Features;
import org.ser4j.data.manifest.ManifestException;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

/**
 * Extracts one named feature set from every audio file of an archive, in parallel on Spark: what {@code ser4j
 * batch features} runs, and the table that training from a table reads.
 *
 * <p>The table ({@link #SCHEMA}) has one row per file: {@code file}, {@code corpus}, {@code speaker} and
 * {@code label} (from ser4j-data's corpus loaders when the file is named like a corpus's, e.g. EmoDB's
 * {@code 03a01Fa.wav}, or from the manifest that named it; null otherwise; the label as
 * {@link org.ser4j.core.Emotion#label()}), {@code feature_set} (the set's name in lower case),
 * {@code sample_rate}, {@code shape} and {@code values} ({@link Features#shape()} and the row-major
 * {@link Features#values()}), {@code duration_s} and {@code error}. A file that cannot be decoded keeps its
 * labels, set and rate with {@code error} set and null shape, values and duration: one bad file never fails the
 * job. In CSV, {@code shape} and {@code values} become space-separated numbers.
 *
 * <p>Audio is decoded by ser4j-audio's {@link AudioDecoder} to mono at the chosen rate and featurised with
 * {@code FeatureExtractor.of(set, FeatureConfig.defaults())}, exactly as on one machine, so a row equals that
 * extractor's output on the same file. Files are read whole by Spark's {@code binaryFile} source (under 2 GiB
 * each; larger ones become error rows).
 *
 * <pre>{@code
 * FeaturesJob job = FeaturesJob.builder().setInput(BatchInput.of("hdfs:///corpora/EmoDB"))
 *         .optFeatureSet(FeatureSet.FUNCTIONALS).build();
 * job.run(spark, BatchOutput.parquet("hdfs:///features/emodb"));
 * }</pre>
 */
public final class FeaturesJob {

    /** The default rate audio is decoded at before featurising, the default model's. */
    public static final int DEFAULT_SAMPLE_RATE = 16000;

    /** The features table's columns. */
    public static final StructType SCHEMA = new StructType()
            .add("file", DataTypes.StringType, false)
            .add("corpus", DataTypes.StringType, true)
            .add("speaker", DataTypes.StringType, true)
            .add("label", DataTypes.StringType, true)
            .add("feature_set", DataTypes.StringType, false)
            .add("sample_rate", DataTypes.IntegerType, false)
            .add("shape", DataTypes.createArrayType(DataTypes.IntegerType, false), true)
            .add("values", DataTypes.createArrayType(DataTypes.FloatType, false), true)
            .add("duration_s", DataTypes.DoubleType, true)
            .add("error", DataTypes.StringType, true);

    private final BatchInput input;
    private final FeatureSet set;
    private final int sampleRate;

    private FeaturesJob(Builder b) {
        this.input = b.input;
        this.set = b.set;
        this.sampleRate = b.sampleRate;
    }

    /** A builder; the input is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The input. */
    public BatchInput input() {
        return input;
    }

    /** The feature set. */
    public FeatureSet featureSet() {
        return set;
    }

    /** The rate audio is decoded at. */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * The features table, not yet computed and in no particular order ({@link #run} sorts it by file).
     *
     * @throws java.nio.file.NoSuchFileException when an input names nothing
     * @throws ManifestException                 when a manifest is malformed
     * @throws IllegalArgumentException          when the input holds no audio
     * @throws IOException                       when a file system fails
     */
    public Dataset<Row> table(SparkSession spark) throws IOException, ManifestException {
        AudioSource.Files files = AudioSource.read(spark, input);
        Broadcast<Map<String, FileLabels>> labels = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(new HashMap<>(files.manifestLabels()));
        return files.files().mapPartitions(new FeaturesPartition(set, sampleRate, labels), Encoders.row(SCHEMA));
    }

    /**
     * Featurises every file and writes the table sorted by file.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the output exists and overwriting was not asked for
     * @throws IOException                               when an input names nothing or a file system fails
     * @throws ManifestException                         when a manifest is malformed
     */
    public JobSummary run(SparkSession spark, BatchOutput out) throws IOException, ManifestException {
        long started = System.nanoTime();
        TableWriter.checkOutput(spark, out);
        return TableWriter.write(table(spark), out, lit(true), FeaturesJob::textArrays, started, col("file"));
    }

    /** The table with {@code shape} and {@code values} as space-separated numbers, for CSV. */
    static Dataset<Row> textArrays(Dataset<Row> table) {
        Column[] columns = new Column[table.columns().length];
        for (int i = 0; i < columns.length; i++) {
            String name = table.columns()[i];
            columns[i] = name.equals("shape") || name.equals("values")
                    ? concat_ws(" ", col(name).cast("array<string>")).as(name) : col(name);
        }
        return table.select(columns);
    }

    /** Featurises the files of one partition. */
    private static final class FeaturesPartition implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final FeatureSet set;
        private final int sampleRate;
        private final Broadcast<Map<String, FileLabels>> manifestLabels;

        FeaturesPartition(FeatureSet set, int sampleRate, Broadcast<Map<String, FileLabels>> manifestLabels) {
            this.set = set;
            this.sampleRate = sampleRate;
            this.manifestLabels = manifestLabels;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> files) {
            // One decoder and extractor per task: cheap to build, and no thread shares them.
            AudioDecoder decoder = AudioDecoder.builder().optTargetSampleRate(sampleRate).build();
            FeatureExtractor extractor = FeatureExtractor.of(set, FeatureConfig.defaults());
            Map<String, FileLabels> manifest = manifestLabels.value();
            String setName = set.name().toLowerCase(Locale.ROOT);
            return new FlatIterator<>(files, input -> {
                String file = input.getString(0);
                FileLabels l = manifest.getOrDefault(AudioSource.pathPart(file), null);
                if (l == null) {
                    l = FileLabels.fromName(file);
                }
                String problem = input.getString(2);
                if (problem == null) {
                    try {
                        PcmAudio audio = decoder.decode(new ByteArrayInputStream((byte[]) input.get(1)));
                        Features f = extractor.extract(audio);
                        return List.of(RowFactory.create(file, l.corpus(), l.speaker(), l.label(), setName,
                                sampleRate, f.shape(), f.values(), audio.durationSeconds(), null));
                    } catch (IOException | Ser4jException | RuntimeException e) {
                        problem = Failures.describe(e);
                    }
                }
                return List.of(RowFactory.create(file, l.corpus(), l.speaker(), l.label(), setName, sampleRate,
                        null, null, null, problem));
            });
        }
    }

    /** Builds a {@link FeaturesJob}. */
    public static final class Builder {
        private BatchInput input;
        private FeatureSet set = FeatureSet.FUNCTIONALS;
        private int sampleRate = DEFAULT_SAMPLE_RATE;

        private Builder() {
        }

        /** The files to featurise (required). */
        public Builder setInput(BatchInput value) {
            this.input = Objects.requireNonNull(value, "input");
            return this;
        }

        /** The feature set; {@link FeatureSet#FUNCTIONALS} (the default model's) unless set. */
        public Builder optFeatureSet(FeatureSet value) {
            this.set = Objects.requireNonNull(value, "set");
            return this;
        }

        /** The rate audio is decoded at, in Hz, positive; {@value #DEFAULT_SAMPLE_RATE} unless set. */
        public Builder optSampleRate(int hz) {
            if (hz <= 0) {
                throw new IllegalArgumentException("the sample rate must be positive, was " + hz + " Hz");
            }
            this.sampleRate = hz;
            return this;
        }

        /**
         * The job.
         *
         * @throws IllegalStateException when no input was set
         */
        public FeaturesJob build() {
            if (input == null) {
                throw new IllegalStateException("setInput is required");
            }
            return new FeaturesJob(this);
        }
    }
}
