package org.ser4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ser4j.core.Emotion;
import org.ser4j.core.eval.ConfusionMatrix;
import org.ser4j.data.Clip;
import org.ser4j.data.Dataset;
import org.ser4j.data.features.DatasetFeaturizer;
import org.ser4j.data.features.FeatureCache;
import org.ser4j.model.ModelBundle;
import org.ser4j.model.ModelBundles;
import org.ser4j.model.ModelCard;
import org.ser4j.report.EvaluationReport;
import org.ser4j.report.EvaluationResult;
import org.ser4j.report.Prediction;
import org.ser4j.model.Classifier;
import org.ser4j.model.Classifiers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ser4j eval}: scores a model on labelled audio and writes the classification report, confusion
 * matrices, predictions and a page; prints one JSON line of figures.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a model (the bundled default model unless --model is given) on labelled audio. "
                + "Prints {\"n\":..,\"ua\":..,\"wa\":..,\"macro_f1\":..,\"per_class\":{..}} and writes "
                + "classification_report.txt, confusion PNGs, predictions.csv and report.html to --out.")
final class EvalCommand implements Callable<Integer> {

    private static final int BATCH = 64;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", description = "A model bundle (default: the bundled model).")
    Path model;

    @Mixin
    TrainingInput input;

    @Mixin
    DatasetOptions datasetOptions;

    @Option(names = "--classes", split = ",", paramLabel = "LIST",
            description = "Decide among these classes only (a subset of the model's), e.g. angry,happy,neutral,sad "
                    + "to score a 7-class model on a 4-emotion corpus; clips of other emotions are left out.")
    List<String> classes;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the report.")
    Path out;

    @Option(names = "--cache", paramLabel = "DIR", description = "Features cache (default: the user cache).")
    Path cache;

    @Option(names = "--no-cache", description = "Do not read or write the features cache.")
    boolean noCache;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for decoding and features.")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (input.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing input: give --data DIR or --manifest CSV");
        }
        ModelBundle bundle = model == null ? ModelBundles.readDefault() : ModelBundles.read(model);
        ModelCard card = bundle.card();
        List<Emotion> modelLabels = card.labels();
        List<Emotion> decision = decisionClasses(modelLabels);
        int[] columns = decision.stream().mapToInt(modelLabels::indexOf).toArray();

        Dataset dataset = datasetOptions.apply(input.load(err).dataset(), true, err);
        List<Clip> clips = new ArrayList<>();
        int skipped = 0;
        for (Clip c : dataset.clips()) {
            if (c.emotion().isPresent() && decision.contains(c.emotion().get())) {
                clips.add(c);
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            err.println("ser4j: note: " + skipped + " clips have an emotion outside the decision classes "
                    + decision.stream().map(Emotion::label).toList() + " and are left out");
        }
        if (clips.isEmpty()) {
            err.println("ser4j: no clip to evaluate");
            return ErrorHandler.EXIT_FAILED;
        }
        DatasetFeaturizer.Builder fb = DatasetFeaturizer.builder().setFeatureSet(card.featureSet())
                .optFeatureConfig(card.featureConfig()).optSampleRate(card.sampleRate());
        if (!noCache) {
            fb.optCache(new FeatureCache(cache != null ? cache : FeatureCache.defaultDirectory()));
        }
        if (threads != null) {
            fb.optThreads(threads);
        }
        Progress progress = new Progress(err);
        DatasetFeaturizer.Result features;
        try (Progress.Task task = progress.task("features", clips.size())) {
            features = fb.build().featurize(clips, task);
        }
        for (DatasetFeaturizer.Failure f : features.failures()) {
            err.println("ser4j: warning: left out " + f.clip().path() + ": " + f.error());
        }
        List<String> names = decision.stream().map(Emotion::label).toList();
        ConfusionMatrix cm = new ConfusionMatrix(names);
        List<Prediction> predictions = new ArrayList<>();
        try (Classifier classifier = Classifiers.load(bundle)) {
            List<DatasetFeaturizer.ClipFeatures> all = features.features();
            for (int from = 0; from < all.size(); from += BATCH) {
                List<DatasetFeaturizer.ClipFeatures> batch = all.subList(from, Math.min(all.size(), from + BATCH));
                List<float[]> probabilities = classifier.probabilitiesOfClips(
                        batch.stream().map(DatasetFeaturizer.ClipFeatures::original).toList());
                for (int i = 0; i < batch.size(); i++) {
                    double[] p = restrict(probabilities.get(i), columns);
                    int best = argmax(p);
                    Clip c = batch.get(i).clip();
                    int truth = decision.indexOf(c.emotion().orElseThrow());
                    cm.accept(truth, best);
                    predictions.add(new Prediction(c.path().toString(), names.get(truth), names.get(best), p,
                            Optional.of(c.speaker()), Optional.of(c.corpus())));
                }
            }
        }
        String source = model == null ? "bundled default model" : model.toString();
        EvaluationResult result = EvaluationReport.builder().setTitle("Evaluation of " + card.architecture()
                        + " (" + source + ")")
                .optDescription(decision.size() < modelLabels.size() ? "Decisions restricted to " + names
                        + " (probabilities renormalised over them)." : "All the model's classes.")
                .optDetail("model", source)
                .optDetail("trained on", card.trainingData().corpora() + ", " + card.trainingData().protocol())
                .build().write(cm, predictions, out);
        stdout.println(EvaluationReport.summaryJson(result.report(), predictions.size()));
        stdout.flush();
        return 0;
    }

    private List<Emotion> decisionClasses(List<Emotion> modelLabels) {
        if (classes == null || classes.isEmpty()) {
            return modelLabels;
        }
        List<Emotion> out = new ArrayList<>();
        for (String s : classes) {
            Emotion e = Emotion.parse(s.trim()).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "'" + s.trim() + "' is not an emotion; the model's classes are "
                            + modelLabels.stream().map(Emotion::label).toList()));
            if (!modelLabels.contains(e)) {
                throw new ParameterException(spec.commandLine(), "the model has no class '" + e.label()
                        + "'; its classes are " + modelLabels.stream().map(Emotion::label).toList());
            }
            if (!out.contains(e)) {
                out.add(e);
            }
        }
        if (out.size() < 2) {
            throw new ParameterException(spec.commandLine(), "--classes needs at least two classes");
        }
        return out.stream().sorted().toList();
    }

    /** The probabilities of the chosen columns, renormalised to sum to 1. */
    static double[] restrict(float[] p, int[] columns) {
        double[] out = new double[columns.length];
        double sum = 0;
        for (int i = 0; i < columns.length; i++) {
            out[i] = p[columns[i]];
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = sum > 0 ? Math.min(1, out[i] / sum) : 1.0 / out.length;
        }
        return out;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
