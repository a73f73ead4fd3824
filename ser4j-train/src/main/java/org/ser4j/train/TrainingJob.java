package org.ser4j.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.ser4j.core.Emotion;
import org.ser4j.core.augment.AugmentationPolicy;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.data.Clip;
import org.ser4j.data.Dataset;
import org.ser4j.data.features.DatasetFeaturizer;
import org.ser4j.data.features.DatasetFeaturizer.ClipFeatures;
import org.ser4j.data.features.FeatureCache;
import org.ser4j.data.split.Fold;
import org.ser4j.data.split.Protocol;
import org.ser4j.data.split.Role;
import org.ser4j.data.split.SplitConfig;
import org.ser4j.data.split.SplitPlan;

/**
 * A whole training workflow over a dataset, the library behind {@code ser4j train} and {@code ser4j experiment}:
 * features for every clip (and augmented copies, cached), cross-validation over a {@link SplitPlan}, and a final
 * model trained on all the data with validation speakers held out for early stopping. Immutable; build with
 * {@link #builder()}.
 */
public final class TrainingJob {

    private final Architecture architecture;
    private final Map<String, String> hyperParameters;
    private final FeatureSet featureSet;
    private final FeatureConfig featureConfig;
    private final int sampleRate;
    private final TrainingOptions options;
    private final AugmentationPolicy augmentation;
    private final FeatureCache cache;
    private final int threads;
    private final String command;

    private TrainingJob(Builder b) {
        this.architecture = b.architecture;
        this.hyperParameters = architecture.resolve(b.hyperParameters);
        this.featureSet = b.featureSet == null ? architecture.defaultFeatureSet() : b.featureSet;
        this.featureConfig = b.featureConfig;
        this.sampleRate = b.sampleRate;
        this.options = b.options;
        this.augmentation = b.augmentation;
        this.cache = b.cache;
        this.threads = b.threads;
        this.command = b.command;
    }

    /** A builder; the architecture is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The architecture. */
    public Architecture architecture() {
        return architecture;
    }

    /** Its resolved hyper-parameters. */
    public Map<String, String> hyperParameters() {
        return hyperParameters;
    }

    /** The feature set it reads. */
    public FeatureSet featureSet() {
        return featureSet;
    }

    /** The training options. */
    public TrainingOptions options() {
        return options;
    }

    /** The augmentation of training clips. */
    public AugmentationPolicy augmentation() {
        return augmentation;
    }

    /**
     * Features of every clip and of its augmented copies.
     *
     * @param progress called with the number of clips done, from worker threads
     */
    public DatasetFeaturizer.Result featurize(Dataset dataset, IntConsumer progress) throws InterruptedException {
        DatasetFeaturizer.Builder b = DatasetFeaturizer.builder().setFeatureSet(featureSet)
                .optFeatureConfig(featureConfig).optSampleRate(sampleRate).optThreads(threads);
        if (cache != null) {
            b.optCache(cache);
        }
        return b.build().featurize(dataset.clips(), augmentation, options.seed(), progress);
    }

    /** Features by clip path, as {@link FoldRunner} reads them. */
    public static Map<Path, ClipFeatures> byPath(DatasetFeaturizer.Result result) {
        Map<Path, ClipFeatures> out = new LinkedHashMap<>();
        for (ClipFeatures f : result.features()) {
            out.put(f.clip().path(), f);
        }
        return out;
    }

    /** The emotions present in a dataset, in {@link Emotion} order: the classes a model of it predicts. */
    public static List<Emotion> labelsOf(Dataset dataset) {
        return dataset.clips().stream().flatMap(c -> c.emotion().stream()).distinct().sorted().toList();
    }

    /**
     * Trains and tests every fold of a plan.
     *
     * @param listener hears about each fold's training, with the fold's index
     */
    public List<FoldRunner.Outcome> crossValidate(SplitPlan plan, List<Emotion> labels,
            Map<Path, ClipFeatures> features, FoldListener listener) {
        FoldRunner runner = runner(labels, plan.describe());
        List<FoldRunner.Outcome> out = new ArrayList<>();
        List<Fold> folds = plan.folds();
        for (int i = 0; i < folds.size(); i++) {
            listener.foldStarting(i, folds.size(), folds.get(i));
            FoldRunner.Outcome o = runner.run(folds.get(i), features, listener.forFold(i));
            listener.foldDone(i, folds.size(), o);
            out.add(o);
        }
        return out;
    }

    /**
     * Trains the model to ship on all clips, holding out about a tenth of the speakers (a stratified draw: one
     * of ten speaker folds) for early stopping; with fewer than three speakers there is no validation set and
     * training runs all epochs.
     */
    public TrainingResult trainFinal(Dataset dataset, List<Emotion> labels, Map<Path, ClipFeatures> features,
            TrainingListener listener) {
        long speakers = dataset.clips().stream().map(Clip::speaker).distinct().count();
        List<Clip> train = dataset.clips();
        List<Clip> validation = List.of();
        String protocol = "all data";
        if (speakers >= 3) {
            SplitConfig config = SplitConfig.builder().optSeed(options.seed())
                    .optFolds((int) Math.min(10, speakers)).optValidationFraction(0).build();
            Fold f = Protocol.SPEAKER_KFOLD.splitter(config).split(dataset).folds().get(0);
            train = f.train();
            validation = f.test();
            protocol = "all data; validation speakers " + f.speakers(Role.TEST).size()
                    + " of " + speakers + " (first of " + config.folds() + " stratified speaker folds, seed "
                    + options.seed() + ")";
        }
        return runner(labels, protocol).train("all", train, validation, features, listener);
    }

    private FoldRunner runner(List<Emotion> labels, String protocol) {
        String aug = augmentation.copies() == 0 ? "" : " augmentation=" + augmentation.spec();
        return new FoldRunner(new NetworkTrainer(architecture, hyperParameters, options), featureConfig, labels,
                protocol + aug, command);
    }

    /** Hears about a cross-validation's folds. */
    public interface FoldListener {
        /** A fold is about to train. */
        default void foldStarting(int index, int folds, Fold fold) {
        }

        /** The listener for the training of fold {@code index}. */
        default TrainingListener forFold(int index) {
            return TrainingListener.NONE;
        }

        /** A fold finished. */
        default void foldDone(int index, int folds, FoldRunner.Outcome outcome) {
        }
    }

    /** Builds a {@link TrainingJob}. */
    public static final class Builder {
        private Architecture architecture;
        private Map<String, String> hyperParameters = Map.of();
        private FeatureSet featureSet;
        private FeatureConfig featureConfig = FeatureConfig.defaults();
        private int sampleRate = 16000;
        private TrainingOptions options = TrainingOptions.DEFAULTS;
        private AugmentationPolicy augmentation = AugmentationPolicy.NONE;
        private FeatureCache cache;
        private int threads = Runtime.getRuntime().availableProcessors();
        private String command = "api";

        private Builder() {
        }

        /** The network (required). */
        public Builder setArchitecture(Architecture value) {
            architecture = Objects.requireNonNull(value, "architecture");
            return this;
        }

        /** Overrides of the architecture's hyper-parameters; default none. */
        public Builder optHyperParameters(Map<String, String> value) {
            hyperParameters = Map.copyOf(value);
            return this;
        }

        /** The feature set; default the architecture's {@link Architecture#defaultFeatureSet()}. */
        public Builder optFeatureSet(FeatureSet value) {
            featureSet = value;
            return this;
        }

        /** The feature parameters; default librosa's ({@link FeatureConfig#defaults()}). */
        public Builder optFeatureConfig(FeatureConfig value) {
            featureConfig = Objects.requireNonNull(value, "featureConfig");
            return this;
        }

        /** The analysis rate; default 16,000 Hz. */
        public Builder optSampleRate(int hz) {
            sampleRate = hz;
            return this;
        }

        /** How to train; default {@link TrainingOptions#DEFAULTS}. */
        public Builder optTrainingOptions(TrainingOptions value) {
            options = Objects.requireNonNull(value, "options");
            return this;
        }

        /** Augmentation of training clips; default none. */
        public Builder optAugmentation(AugmentationPolicy value) {
            augmentation = Objects.requireNonNull(value, "augmentation");
            return this;
        }

        /** A features cache; default none. */
        public Builder optCache(FeatureCache value) {
            cache = value;
            return this;
        }

        /** Threads for feature extraction; default the available processors. */
        public Builder optThreads(int value) {
            threads = value;
            return this;
        }

        /** The command line, recorded in provenance. */
        public Builder optCommand(String value) {
            command = Objects.requireNonNull(value, "command");
            return this;
        }

        /**
         * The job.
         *
         * @throws IllegalArgumentException if the architecture is missing or a hyper-parameter is not its own
         */
        public TrainingJob build() {
            if (architecture == null) {
                throw new IllegalArgumentException("an architecture is required");
            }
            return new TrainingJob(this);
        }
    }
}
