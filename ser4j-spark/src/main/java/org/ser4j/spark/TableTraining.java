package org.ser4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.ser4j.core.Emotion;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.data.Clip;
import org.ser4j.data.Gender;
import org.ser4j.data.LabelMapping;
import org.ser4j.model.ModelBundle;
import org.ser4j.model.ModelCard;
import org.ser4j.model.Provenance;
import org.ser4j.model.TrainingData;
import org.ser4j.train.Architecture;
import org.ser4j.train.FeatureMoments;
import org.ser4j.train.InputLayout;
import org.ser4j.train.LabelledFeatures;
import org.ser4j.train.ModelDescription;
import org.ser4j.train.NetworkTrainer;
import org.ser4j.train.TrainingListener;
import org.ser4j.train.TrainingOptions;
import org.ser4j.train.TrainingResult;
import org.ser4j.train.TrainingSource;
import org.ser4j.train.TrainingStream;

/**
 * Trains a model from a features table (the Parquet the {@code features} job writes) too big for one machine's
 * memory: Spark filters and relabels the rows, computes the normalisation and class counts in a distributed
 * pass, and then streams the training rows to the driver, one chunk at a time and in a new order every epoch,
 * into ser4j's {@link NetworkTrainer#train(List, TrainingStream, Optional, ModelDescription, TrainingListener)
 * streaming trainer}.
 *
 * <p>Rows used: {@code error} null, {@code label} and {@code values} not null, label kept by the
 * {@link LabelMapping} (as {@code ser4j train --map calm=neutral --drop boredom}). When the table names
 * speakers (at least three), a seeded draw of a fraction of them is held out as an in-memory validation set
 * for early stopping and best-epoch selection, so its rows are collected to the driver; pick a fraction that
 * keeps it small.
 *
 * <p>What the driver holds at once: the validation set, one partition of Spark's {@code toLocalIterator} (the
 * epoch's order is cut into partitions of about {@code chunkRows} rows) and one chunk of at most
 * {@code chunkRows} rows with its standardised copy, never the table. Executors hold the training rows
 * persisted (memory, spilling to disk) between epochs.
 *
 * <p>Immutable; build with {@link #builder()}.
 */
public final class TableTraining {

    /** Rows per chunk streamed to the trainer when none is given. */
    public static final int DEFAULT_CHUNK_ROWS = 4096;
    /** Fraction of speakers held out for validation when none is given, as {@code ser4j train} does. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;
    /** The default recipe's MLP ({@code ser4j train --recipe default}): two hidden layers, dropout 0.4. */
    public static final Map<String, String> DEFAULT_MLP = Map.of("hidden", "512,256", "dropout", "0.4");
    /**
     * The default recipe's training settings: 60 epochs and mixup 0.2 (its audio augmentation has no
     * counterpart in a table of features), the other options at their defaults.
     */
    public static final TrainingOptions DEFAULT_OPTIONS = TrainingOptions.builder().optEpochs(60)
            .optMixupAlpha(0.2f).build();
    /** The columns a features table must have. */
    static final List<String> REQUIRED = List.of("file", "label", "feature_set", "sample_rate", "shape", "values",
            "error");

    private final String table;
    private final Architecture architecture;
    private final Map<String, String> hyperParameters;
    private final TrainingOptions options;
    private final LabelMapping mapping;
    private final double validationFraction;
    private final int chunkRows;
    private final FeatureConfig featureConfig;
    private final String command;

    private TableTraining(Builder b) {
        this.table = b.table;
        this.architecture = b.architecture;
        this.hyperParameters = b.hyperParameters != null ? b.hyperParameters
                : architecture == Architecture.MLP ? DEFAULT_MLP : Map.of();
        architecture.resolve(hyperParameters);
        this.options = b.options;
        this.mapping = b.mapping;
        this.validationFraction = b.validationFraction;
        this.chunkRows = b.chunkRows;
        this.featureConfig = b.featureConfig;
        this.command = b.command;
    }

    /** A builder; the table is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What a training from a table did.
     *
     * @param training           the epochs and the model, whose card names the table and Spark in its provenance
     * @param labels             the classes, in the model's output order
     * @param trainingRows       rows trained on (each epoch)
     * @param validationRows     rows of the held-out speakers (0 without validation)
     * @param validationSpeakers speakers held out (0 without validation)
     * @param skippedRows        table rows not used: errors, no label or features, labels mapped out or dropped
     */
    public record Result(TrainingResult training, List<Emotion> labels, long trainingRows, long validationRows,
            int validationSpeakers, long skippedRows) {

        public Result {
            Objects.requireNonNull(training, "training");
            labels = List.copyOf(labels);
        }

        /** The best epoch's validation UA; empty without validation. */
        public OptionalDouble validationUa() {
            Double ua = training.bundle().card().metrics().get("validation_ua");
            return ua == null ? OptionalDouble.empty() : OptionalDouble.of(ua);
        }
    }

    /**
     * Trains a model from the table.
     *
     * @param spark    the session to read the table with
     * @param listener hears about the batches and epochs
     * @throws NoSuchFileException      if there is no table at the path
     * @throws IOException              if the table cannot be read
     * @throws IllegalArgumentException if the table lacks a column of the features table, mixes feature sets or
     *                                  rates, has rows of different lengths, or leaves fewer than two classes
     */
    public Result train(SparkSession spark, TrainingListener listener) throws IOException {
        Path path = new Path(table);
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(path)) {
            throw new NoSuchFileException(table, null, "no features table there");
        }
        Dataset<Row> all = spark.read().parquet(table);
        List<String> missing = REQUIRED.stream().filter(c -> !List.of(all.columns()).contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(table + " is not a features table: it lacks the columns " + missing
                    + "; expected those of the features job: " + REQUIRED + " (and speaker, corpus)");
        }
        boolean hasSpeakers = List.of(all.columns()).contains("speaker");
        boolean hasCorpora = List.of(all.columns()).contains("corpus");
        long tableRows = all.count();
        Dataset<Row> good = all.filter(col("error").isNull().and(col("label").isNotNull())
                .and(col("values").isNotNull()));
        Map<String, Emotion> relabel = relabelling(good);
        if (relabel.isEmpty()) {
            throw new IllegalArgumentException(table + " has no usable row: every row has an error, no label, or a "
                    + "label the mapping drops (" + mapping + ")");
        }
        Column emotion = null;
        for (Map.Entry<String, Emotion> e : relabel.entrySet()) {
            Column is = col("label").equalTo(e.getKey());
            emotion = emotion == null ? when(is, e.getValue().label()) : emotion.when(is, e.getValue().label());
        }
        Dataset<Row> labelled = good.withColumn("emotion", emotion).filter(col("emotion").isNotNull());

        List<Row> kinds = labelled.select("feature_set", "sample_rate").distinct().collectAsList();
        if (kinds.size() != 1) {
            throw new IllegalArgumentException(table + " mixes feature sets or sample rates " + kinds
                    + "; a model reads one set at one rate");
        }
        FeatureSet set = featureSet(kinds.get(0).getString(0));
        int sampleRate = kinds.get(0).getInt(1);

        List<String> heldOut = hasSpeakers ? heldOutSpeakers(labelled) : List.of();
        Column isHeldOut = heldOut.isEmpty() ? lit(false)
                : col("speaker").isNotNull().and(col("speaker").isin(heldOut.toArray()));
        Dataset<Row> training = labelled.filter(not(isHeldOut))
                .select(TableRows.COLUMNS[0], TableRows.COLUMNS[1], TableRows.COLUMNS[2], TableRows.COLUMNS[3])
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Row lengths = training.agg(min(size(col("values"))), max(size(col("values")))).first();
            if (lengths.isNullAt(0)) {
                throw new IllegalArgumentException(table + " has no training row outside the "
                        + heldOut.size() + " validation speakers");
            }
            InputLayout layout = InputLayout.of(set, featureConfig, lengths.getInt(1));
            if (layout.kind() == InputLayout.Kind.VECTOR && lengths.getInt(0) != lengths.getInt(1)) {
                throw new IllegalArgumentException(table + " has " + set.name().toLowerCase(Locale.ROOT)
                        + " rows of " + lengths.getInt(0) + " to " + lengths.getInt(1) + " values; expected one length");
            }
            TableRows reader = new TableRows(set, sampleRate, layout);
            Tally tally = tally(training, reader, layout);
            List<Emotion> labels = tally.counts.keySet().stream().map(l -> Emotion.parse(l).orElseThrow()).sorted()
                    .toList();
            if (labels.size() < 2) {
                throw new IllegalArgumentException(table + " has training rows of " + labels.size()
                        + " class " + labels + " after mapping; a model needs at least two");
            }
            long[] counts = labels.stream().mapToLong(e -> tally.counts.get(e.label())).toArray();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                index.put(labels.get(i).label(), i);
            }
            Optional<LabelledFeatures> validation = heldOut.isEmpty() ? Optional.empty()
                    : collect(labelled.filter(isHeldOut), reader, index);
            long trainingRows = tally.moments.rows();
            TrainingStream stream = new TrainingStream(source(training, reader, index, trainingRows),
                    tally.moments.normalisation(), counts);
            ModelDescription description = new ModelDescription(set, featureConfig, sampleRate,
                    trainingData(labelled.filter(not(isHeldOut)), hasSpeakers, hasCorpora, labels, counts,
                            heldOut.size()), command);
            TrainingResult trained = new NetworkTrainer(architecture, hyperParameters, options).train(labels, stream,
                    validation, description, listener);
            long validationRows = validation.map(LabelledFeatures::size).orElse(0);
            return new Result(withSparkProvenance(trained, spark), labels, trainingRows, validationRows,
                    heldOut.size(), tableRows - trainingRows - validationRows);
        } finally {
            training.unpersist();
        }
    }

    /** Each distinct table label's emotion after the mapping; labels the mapping drops are absent. */
    private Map<String, Emotion> relabelling(Dataset<Row> good) {
        // The mapping works on clips: one stand-in clip per distinct label gets exactly ser4j train's semantics
        // (synonyms, corpus labels, drops after mapping) without a second implementation.
        List<Clip> clips = new ArrayList<>();
        for (Row r : good.select("label").distinct().collectAsList()) {
            String label = r.getString(0);
            if (!label.isBlank()) {
                clips.add(new Clip(java.nio.file.Path.of("label-" + clips.size()), "table", "table", Gender.UNKNOWN,
                        "und", Emotion.parse(label), label, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        OptionalDouble.empty()));
            }
        }
        Map<String, Emotion> out = new TreeMap<>();
        for (Clip c : mapping.apply(org.ser4j.data.Dataset.of(clips)).dataset().clips()) {
            c.emotion().ifPresent(e -> out.put(c.label(), e));
        }
        return out;
    }

    private static FeatureSet featureSet(String name) {
        try {
            return FeatureSet.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown feature set '" + name + "' in the table; expected one of "
                    + List.of(FeatureSet.values()).stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList(), e);
        }
    }

    /** A seeded draw of {@code validationFraction} of the speakers (at least one), when there are three or more. */
    private List<String> heldOutSpeakers(Dataset<Row> labelled) {
        if (validationFraction == 0) {
            return List.of();
        }
        List<String> speakers = new ArrayList<>(labelled.filter(col("speaker").isNotNull()).select("speaker")
                .distinct().collectAsList().stream().map(r -> r.getString(0)).sorted().toList());
        if (speakers.size() < 3) {
            return List.of();
        }
        Collections.shuffle(speakers, new Random(options.seed()));
        int n = (int) Math.max(1, Math.round(validationFraction * speakers.size()));
        return List.copyOf(speakers.subList(0, Math.min(n, speakers.size() - 1)));
    }

    /** Sums for the normalisation and rows per emotion, in one distributed pass over the training rows. */
    private static Tally tally(Dataset<Row> training, TableRows reader, InputLayout layout) {
        return training.javaRDD().treeAggregate(new Tally(layout), (t, r) -> t.accept(r, reader),
                Tally::combine);
    }

    /** An accept/combine accumulator of {@link FeatureMoments} and rows per emotion label. */
    private static final class Tally implements Serializable {
        private static final long serialVersionUID = 1L;
        final FeatureMoments moments;
        final Map<String, Long> counts = new TreeMap<>();

        Tally(InputLayout layout) {
            moments = new FeatureMoments(layout);
        }

        Tally accept(Row r, TableRows reader) {
            moments.accept(reader.row(r));
            counts.merge(r.getString(TableRows.EMOTION), 1L, Long::sum);
            return this;
        }

        Tally combine(Tally other) {
            moments.combine(other.moments);
            other.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
            return this;
        }
    }

    /** The held-out rows, on the driver; rows of a class without training rows are left out. */
    private static Optional<LabelledFeatures> collect(Dataset<Row> rows, TableRows reader, Map<String, Integer> index) {
        List<float[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (Row r : rows.select(TableRows.COLUMNS[0], TableRows.COLUMNS[1], TableRows.COLUMNS[2],
                TableRows.COLUMNS[3]).collectAsList()) {
            Integer c = index.get(r.getString(TableRows.EMOTION));
            if (c != null) {
                x.add(reader.row(r));
                y.add(c);
            }
        }
        return x.isEmpty() ? Optional.empty() : Optional.of(new LabelledFeatures(x.toArray(new float[0][]),
                y.stream().mapToInt(Integer::intValue).toArray()));
    }

    /**
     * Each epoch, the training rows in an order of their own (a seeded hash of the file and the epoch),
     * range-partitioned into about one chunk per partition, so that {@code toLocalIterator} brings one chunk's
     * worth of rows to the driver at a time.
     */
    private TrainingSource source(Dataset<Row> training, TableRows reader, Map<String, Integer> index, long rows) {
        int partitions = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (rows + chunkRows - 1) / chunkRows));
        int seed = options.seed();
        int chunk = chunkRows;
        return epoch -> {
            Column key = hash(col("file"), lit(seed), lit(epoch));
            Iterator<Row> it = training.withColumn("order_key", key).repartitionByRange(partitions, col("order_key"))
                    .sortWithinPartitions("order_key").drop("order_key").toLocalIterator();
            return new Chunks(it, reader, index, chunk);
        };
    }

    /** Rows from Spark's iterator, gathered into chunks of at most {@code size}. */
    private static final class Chunks implements Iterator<LabelledFeatures> {
        private final Iterator<Row> rows;
        private final TableRows reader;
        private final Map<String, Integer> index;
        private final int size;

        Chunks(Iterator<Row> rows, TableRows reader, Map<String, Integer> index, int size) {
            this.rows = rows;
            this.reader = reader;
            this.index = index;
            this.size = size;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public LabelledFeatures next() {
            if (!rows.hasNext()) {
                throw new NoSuchElementException("no more training rows this epoch");
            }
            List<float[]> x = new ArrayList<>(size);
            int[] y = new int[size];
            while (x.size() < size && rows.hasNext()) {
                Row r = rows.next();
                y[x.size()] = index.get(r.getString(TableRows.EMOTION));
                x.add(reader.row(r));
            }
            return new LabelledFeatures(x.toArray(new float[0][]), java.util.Arrays.copyOf(y, x.size()));
        }
    }

    private TrainingData trainingData(Dataset<Row> rows, boolean hasSpeakers, boolean hasCorpora,
            List<Emotion> labels, long[] counts, int heldOut) {
        List<String> corpora = hasCorpora ? rows.filter(col("corpus").isNotNull()).select("corpus").distinct()
                .collectAsList().stream().map(r -> r.getString(0)).sorted().toList() : List.of();
        long speakers = hasSpeakers ? rows.filter(col("speaker").isNotNull()).select("speaker").distinct().count() : 0;
        Map<Emotion, Integer> perEmotion = new EnumMap<>(Emotion.class);
        long total = 0;
        for (int i = 0; i < labels.size(); i++) {
            perEmotion.put(labels.get(i), Math.toIntExact(counts[i]));
            total += counts[i];
        }
        String protocol = "features table " + table + (heldOut == 0 ? "; no validation"
                : "; validation speakers " + heldOut + " of " + (speakers + heldOut) + " (seeded draw, seed "
                        + options.seed() + ")") + (mapping.toString().isEmpty() ? "" : "; " + mapping);
        return new TrainingData(corpora, Math.toIntExact(total), Math.toIntExact(speakers), perEmotion, protocol);
    }

    /** The trained bundle with the table, Spark's version and master added to its provenance. */
    private TrainingResult withSparkProvenance(TrainingResult trained, SparkSession spark) {
        ModelBundle b = trained.bundle();
        ModelCard c = b.card();
        Provenance p = c.provenance();
        Map<String, String> details = new LinkedHashMap<>(p.details());
        details.put("trained_from", "features table " + table + " with Apache Spark");
        details.put("spark_version", spark.version());
        details.put("spark_master", spark.sparkContext().master());
        details.put("chunk_rows", Integer.toString(chunkRows));
        ModelCard card = new ModelCard(c.architecture(), c.hyperParameters(), c.featureSet(), c.featureConfig(),
                c.sampleRate(), c.labels(), c.normalisation(), c.trainingData(), c.metrics(),
                new Provenance(p.ser4jVersion(), p.created(), p.seed(), p.command(), details));
        return new TrainingResult(trained.epochs(), trained.bestEpoch(), new ModelBundle(card, b.weightsFormat(),
                b.weights()));
    }

    /** Builds a {@link TableTraining}. */
    public static final class Builder {
        private String table;
        private Architecture architecture = Architecture.MLP;
        private Map<String, String> hyperParameters;
        private TrainingOptions options = DEFAULT_OPTIONS;
        private LabelMapping mapping = LabelMapping.NONE;
        private double validationFraction = DEFAULT_VALIDATION_FRACTION;
        private int chunkRows = DEFAULT_CHUNK_ROWS;
        private FeatureConfig featureConfig = FeatureConfig.defaults();
        private String command = "TableTraining (API)";

        private Builder() {
        }

        /** The features table: a Parquet path on any Hadoop file system (required). */
        public Builder setTable(String path) {
            table = Objects.requireNonNull(path, "path");
            return this;
        }

        /** The network; default {@link Architecture#MLP}. */
        public Builder optArchitecture(Architecture value) {
            architecture = Objects.requireNonNull(value, "architecture");
            return this;
        }

        /**
         * Overrides of the architecture's hyper-parameters; default {@link #DEFAULT_MLP} for the MLP and the
         * architecture's own defaults for the others.
         */
        public Builder optHyperParameters(Map<String, String> value) {
            hyperParameters = Map.copyOf(value);
            return this;
        }

        /** How to train; default {@link #DEFAULT_OPTIONS}. */
        public Builder optTrainingOptions(TrainingOptions value) {
            options = Objects.requireNonNull(value, "options");
            return this;
        }

        /** Label mappings and drops; default none (rows whose label is not an emotion are dropped). */
        public Builder optLabelMapping(LabelMapping value) {
            mapping = Objects.requireNonNull(value, "mapping");
            return this;
        }

        /** Fraction of speakers held out for validation, in [0, 0.5]; default {@value #DEFAULT_VALIDATION_FRACTION}. */
        public Builder optValidationFraction(double value) {
            validationFraction = value;
            return this;
        }

        /** Rows per chunk streamed to the trainer; default {@value #DEFAULT_CHUNK_ROWS}. */
        public Builder optChunkRows(int value) {
            chunkRows = value;
            return this;
        }

        /**
         * The parameters the features were extracted with, which the table does not record; default librosa's
         * ({@link FeatureConfig#defaults()}), what the features job uses.
         */
        public Builder optFeatureConfig(FeatureConfig value) {
            featureConfig = Objects.requireNonNull(value, "featureConfig");
            return this;
        }

        /** The command line, recorded in provenance. */
        public Builder optCommand(String value) {
            command = Objects.requireNonNull(value, "command");
            return this;
        }

        /**
         * The training.
         *
         * @throws IllegalArgumentException if the table is missing, a hyper-parameter is not the architecture's,
         *                                  the validation fraction is outside [0, 0.5] or the chunk is not positive
         */
        public TableTraining build() {
            if (table == null || table.isBlank()) {
                throw new IllegalArgumentException("a features table path is required");
            }
            if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
                throw new IllegalArgumentException("validation fraction must be in [0, 0.5], was " + validationFraction);
            }
            if (chunkRows <= 0) {
                throw new IllegalArgumentException("chunk rows must be positive, was " + chunkRows);
            }
            return new TableTraining(this);
        }
    }
}
