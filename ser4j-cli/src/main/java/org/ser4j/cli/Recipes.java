package org.ser4j.cli;

import java.util.Locale;
import java.util.Map;
import org.ser4j.core.augment.AugmentationPolicy;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.train.Architecture;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Named training recipes: every setting of a published model, so that one command reproduces it. A recipe
 * fills in only what the command line did not set.
 */
final class Recipes {

    /** The recipe of ser4j's bundled default model; docs/results.md says how it was chosen. */
    static final String DEFAULT = "default";

    private Recipes() {
    }

    /** What the default model's provenance says about the licences of its training data. */
    static final String DATA_LICENCE = "trained on research corpora: RAVDESS (CC BY-NC-SA 4.0), SAVEE (research use "
            + "only), TESS (CC BY-NC-ND 4.0), EmoDB (free for research), EMOVO (non-commercial, with acknowledgement); "
            + "use it within those licences";

    static void apply(String name, CommandSpec spec, TrainingSetup setup, DatasetOptions data,
            Map<String, String> notes) {
        if (!DEFAULT.equals(name.toLowerCase(Locale.ROOT))) {
            throw new ParameterException(spec.commandLine(), "unknown recipe '" + name + "'; known: " + DEFAULT);
        }
        ParseResult pr = spec.commandLine().getParseResult();
        if (!pr.hasMatchedOption("--arch")) {
            setup.architecture = Architecture.MLP;
        }
        if (!pr.hasMatchedOption("--features")) {
            setup.featureSet = FeatureSet.FUNCTIONALS;
        }
        if (!pr.hasMatchedOption("--hp")) {
            setup.hyperParameters.putAll(Map.of("hidden", "512,256", "dropout", "0.4"));
        }
        if (!pr.hasMatchedOption("--epochs")) {
            setup.epochs = 60;
        }
        if (!pr.hasMatchedOption("--augment")) {
            setup.augmentation = AugmentationPolicy.BRIEF;
        }
        if (!pr.hasMatchedOption("--mixup")) {
            setup.mixup = 0.2f;
        }
        notes.putIfAbsent("data_licence", DATA_LICENCE);
        // Seven classes: calm is a mild neutral (RAVDESS), boredom exists in EmoDB only.
        if (!pr.hasMatchedOption("--map")) {
            data.map = "calm=neutral";
        }
        if (!pr.hasMatchedOption("--drop")) {
            data.drop = "boredom";
        }
    }
}
