package org.ser4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ser4j.core.augment.AugmentationPolicy;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.data.features.FeatureCache;
import org.ser4j.train.Architecture;
import org.ser4j.train.ClassWeighting;
import org.ser4j.train.TrainingJob;
import org.ser4j.train.TrainingOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options that say what to train and how, shared by {@code train} (and read by {@code experiment}). */
final class TrainingSetup {

    /** Architecture names as typed: mlp, cnn1d, lstm, cnn_lstm, cnn2d. */
    static final class ArchitectureConverter implements ITypeConverter<Architecture> {
        @Override
        public Architecture convert(String value) {
            try {
                return Architecture.forCardName(value.trim());
            } catch (Exception e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The names shown in --help. */
    static final class ArchitectureNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Architecture.values()).map(Architecture::cardName).iterator();
        }
    }

    /** Augmentation specs, validated while parsing so that a typo is a usage error. */
    static final class AugmentationConverter implements ITypeConverter<AugmentationPolicy> {
        @Override
        public AugmentationPolicy convert(String value) {
            try {
                return AugmentationPolicy.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--arch", converter = ArchitectureConverter.class, completionCandidates = ArchitectureNames.class,
            paramLabel = "NAME", description = "Network: ${COMPLETION-CANDIDATES}.")
    Architecture architecture;

    @Option(names = "--features", paramLabel = "SET", completionCandidates = AnalysisOptions.SetNames.class,
            description = "Feature set (default: the architecture's: seed162 for mlp, cnn1d, lstm and cnn_lstm as "
                    + "in the brief, logmel_image for cnn2d).")
    FeatureSet featureSet;

    @Option(names = "--hp", paramLabel = "KEY=VALUE",
            description = "Hyper-parameter override, repeatable: --hp hidden=512,256 --hp dropout=0.4. "
                    + "Each architecture's keys and defaults are listed by 'ser4j train --list-architectures'.")
    Map<String, String> hyperParameters = new LinkedHashMap<>();

    @Option(names = "--feature-param", paramLabel = "KEY=VALUE",
            description = "Feature parameter by librosa's name, repeatable: n_fft, hop_length, n_mels, n_mfcc, fmin, "
                    + "fmax, top_db, frame_length, frame_hop, image_frames (default: librosa's defaults).")
    Map<String, String> featureParameters = new LinkedHashMap<>();

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs (default: ${DEFAULT-VALUE}).",
            defaultValue = "50")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64",
            description = "Samples per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "0.001",
            description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--weight-decay", paramLabel = "X", defaultValue = "0",
            description = "Adam's weight decay (default: ${DEFAULT-VALUE}).")
    float weightDecay;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "10",
            description = "Stop after N epochs without a better validation UA; 0 never stops early "
                    + "(default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of everything random; the same command gives the same model (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(names = "--class-weighting", paramLabel = "W", defaultValue = "balanced",
            description = "balanced (loss weights n/(k*n_c)) or none (default: ${DEFAULT-VALUE}).")
    ClassWeighting classWeighting;

    @Option(names = "--augment", paramLabel = "SPEC", defaultValue = "none", converter = AugmentationConverter.class,
            description = "Augmented copies of each training clip (never of validation or test clips): none, brief "
                    + "(the brief's noise copy and stretch+pitch copy), or recipes such as "
                    + "'noise:snr=10..30;stretch:0.8..1.25,pitch:-2..2;gain:-6..6' (default: ${DEFAULT-VALUE}).")
    AugmentationPolicy augmentation;

    @Option(names = "--mixup", paramLabel = "ALPHA", defaultValue = "0",
            description = "Mixup with Beta(ALPHA, ALPHA) weights; 0 is off (default: ${DEFAULT-VALUE}).")
    float mixup;

    @Option(names = "--spec-augment", paramLabel = "N", defaultValue = "0",
            description = "Time and frequency masks per sample for sequence and image inputs; 0 is off "
                    + "(default: ${DEFAULT-VALUE}).")
    int specAugment;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Features cache (default: $XDG_CACHE_HOME/ser4j/features or ~/.cache/ser4j/features).")
    Path cache;

    @Option(names = "--no-cache", description = "Compute features without reading or writing the cache.")
    boolean noCache;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for decoding and features (default: the available processors).")
    Integer threads;

    /** The training options. */
    TrainingOptions options() {
        return TrainingOptions.builder().optEpochs(epochs).optBatchSize(batchSize).optLearningRate(learningRate)
                .optWeightDecay(weightDecay).optPatience(patience).optSeed(seed).optClassWeighting(classWeighting)
                .optMixupAlpha(mixup).optSpecAugment(specAugment).build();
    }

    /** The job these options describe. */
    TrainingJob job(String command) {
        Map<String, String> hp = new LinkedHashMap<>();
        hyperParameters.forEach((k, v) -> hp.put(k.trim(), v.trim()));
        TrainingJob.Builder b = TrainingJob.builder().setArchitecture(architecture).optHyperParameters(hp)
                .optFeatureSet(featureSet).optFeatureConfig(FeatureParameters.config(featureParameters))
                .optTrainingOptions(options()).optAugmentation(augmentation)
                .optCommand(command);
        if (!noCache) {
            b.optCache(new FeatureCache(cache != null ? cache : FeatureCache.defaultDirectory()));
        }
        if (threads != null) {
            b.optThreads(threads);
        }
        return b.build();
    }
}
