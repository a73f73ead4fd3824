package org.ser4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.ser4j.core.Emotion;
import org.ser4j.data.Dataset;
import org.ser4j.data.features.DatasetFeaturizer;
import org.ser4j.data.split.Protocol;
import org.ser4j.data.split.SplitPlan;
import org.ser4j.model.ModelBundle;
import org.ser4j.model.ModelBundles;
import org.ser4j.model.ModelCard;
import org.ser4j.model.Provenance;
import org.ser4j.report.ComparisonTable;
import org.ser4j.report.EvaluationReport;
import org.ser4j.train.Architecture;
import org.ser4j.train.FoldRunner;
import org.ser4j.train.TrainingJob;
import org.ser4j.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ser4j train}: features (cached), optional cross-validation under a protocol, then the model trained on
 * all the data, written as one bundle file with its training curves and, after a cross-validation, its
 * evaluation report.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on labelled audio and write it as one bundle file. With --protocol, first "
                + "cross-validate (by speaker unless the protocol is 'random') and record the figures in the "
                + "bundle and the report folder.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingInput input;

    @Mixin
    DatasetOptions datasetOptions;

    @Mixin
    TrainingSetup setup;

    @Mixin
    ProtocolOptions split;

    @Option(names = "--protocol", converter = ProtocolOptions.ProtocolConverter.class,
            completionCandidates = ProtocolOptions.ProtocolNames.class, paramLabel = "NAME",
            description = "Cross-validate first: ${COMPLETION-CANDIDATES}; random is the brief's speaker-dependent "
                    + "split, for comparison only. Default: no cross-validation.")
    Protocol protocol;

    @Option(names = "--recipe", paramLabel = "NAME",
            description = "A named recipe that sets everything not given on the command line: 'default' "
                    + "reproduces ser4j's bundled model from the five corpora (see docs/results.md).")
    String recipe;

    @Option(names = "--note", paramLabel = "KEY=VALUE",
            description = "A note recorded in the bundle's provenance, repeatable, e.g. --note data_licence='CC BY-NC'.")
    Map<String, String> notes = new TreeMap<>();

    @Option(names = "--list-architectures", help = true,
            description = "List the architectures with their default feature set and hyper-parameters, and exit.")
    boolean listArchitectures;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The model bundle to write.")
    Path out;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Where to write training curves and cross-validation reports (default: FILE's name "
                    + "with '-report').")
    Path reportDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (listArchitectures) {
            for (Architecture a : Architecture.values()) {
                stdout.printf(Locale.ROOT, "%-9s features %-13s %s%n", a.cardName(),
                        a.defaultFeatureSet().name().toLowerCase(Locale.ROOT), a.defaults());
            }
            stdout.flush();
            return 0;
        }
        if (recipe != null) {
            Recipes.apply(recipe, spec, setup, datasetOptions, notes);
        }
        if (setup.architecture == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--arch=NAME' (one of "
                    + Architecture.names() + ") or '--recipe'");
        }
        if (input.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing input: give --data DIR or --manifest CSV");
        }
        TrainingJob job = setup.job(String.join(" ", Ser4jCommand.invocation(spec)));
        Dataset dataset = datasetOptions.apply(input.load(err).dataset(), true, err);
        List<Emotion> labels = TrainingJob.labelsOf(dataset);
        if (labels.size() < 2) {
            err.println("ser4j: training needs clips of at least two emotions, found " + labels);
            return ErrorHandler.EXIT_FAILED;
        }
        Progress progress = new Progress(err);
        DatasetFeaturizer.Result features;
        try (Progress.Task task = progress.task("features", dataset.size())) {
            features = job.featurize(dataset, task);
        }
        for (DatasetFeaturizer.Failure f : features.failures()) {
            err.println("ser4j: warning: left out " + f.clip().path() + ": " + f.error());
        }
        err.printf(Locale.ROOT, "ser4j: %d clips, %d classes (%s), %s features, %d augmented copies each, "
                + "%d from cache%n", features.features().size(), labels.size(),
                String.join(",", labels.stream().map(Emotion::label).toList()), job.featureSet().name()
                        .toLowerCase(Locale.ROOT), job.augmentation().copies(), features.cacheHits());
        var byPath = TrainingJob.byPath(features);
        Path reports = reportDir != null ? reportDir : defaultReportDir(out);
        Files.createDirectories(reports);
        Map<String, Double> cvMetrics = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        ObjectNode line = json.createObjectNode();
        if (protocol != null) {
            SplitPlan plan = split.plan(protocol, dataset, setup.seed);
            err.println("ser4j: " + plan.describe().lines().findFirst().orElse(""));
            List<FoldRunner.Outcome> outcomes = job.crossValidate(plan, labels, byPath,
                    foldListener(progress, err, setup.epochs));
            ComparisonTable table = new ComparisonTable(List.of("architecture", "features", "protocol"),
                    List.of(new ComparisonTable.Row(List.of(job.architecture().cardName(),
                            job.featureSet().name().toLowerCase(Locale.ROOT), protocol.cliName()),
                            TrainingReports.folds(outcomes))));
            table.write(reports);
            ComparisonTable.Row row = table.rows().get(0);
            cvMetrics.put("cv_ua_mean", row.ua().mean());
            cvMetrics.put("cv_ua_std", row.ua().std());
            cvMetrics.put("cv_wa_mean", row.wa().mean());
            cvMetrics.put("cv_macro_f1_mean", row.macroF1().mean());
            EvaluationReport.builder().setTitle(job.architecture().cardName() + ", " + plan.protocol().cliName()
                            + " cross-validation (" + outcomes.size() + " folds, test predictions pooled)")
                    .optDescription(plan.speakerIndependent() ? "Speaker-independent: no test speaker was heard in "
                            + "training." : "Speaker-dependent (the brief's random split): for comparison only.")
                    .build().write(labels.stream().map(Emotion::label).toList(),
                            TrainingReports.predictions(outcomes, labels), reports.resolve("cross-validation"));
            ObjectNode cv = line.putObject("cv");
            cv.put("protocol", protocol.cliName());
            cv.put("folds", row.folds().size());
            cv.put("ua_mean", round(row.ua().mean()));
            cv.put("ua_std", round(row.ua().std()));
            cv.put("wa_mean", round(row.wa().mean()));
            cv.put("macro_f1_mean", round(row.macroF1().mean()));
        }
        TrainingResult result = job.trainFinal(dataset, labels, byPath, progress.training("final: ", setup.epochs));
        TrainingReports.curves(result).write(reports);
        ModelBundle bundle = withMetricsAndNotes(result.bundle(), cvMetrics, notes);
        ModelBundles.write(bundle, out);
        line.put("model", out.toString());
        line.put("architecture", job.architecture().cardName());
        line.put("features", job.featureSet().name().toLowerCase(Locale.ROOT));
        line.put("clips", features.features().size());
        line.put("epochs_run", result.epochs().size());
        line.put("best_epoch", result.bestEpoch() + 1);
        Double val = bundle.card().metrics().get("validation_ua");
        if (val != null) {
            line.put("validation_ua", round(val));
        }
        line.put("report", reports.toString());
        stdout.println(json.writeValueAsString(line));
        stdout.flush();
        return 0;
    }

    static TrainingJob.FoldListener foldListener(Progress progress, PrintWriter err, int epochs) {
        return new TrainingJob.FoldListener() {
            @Override
            public org.ser4j.train.TrainingListener forFold(int index) {
                return progress.training("fold " + (index + 1) + ": ", epochs);
            }

            @Override
            public void foldDone(int index, int folds, FoldRunner.Outcome o) {
                o.test().ifPresent(r -> err.printf(Locale.ROOT, "ser4j: fold %d/%d (%s): ua %.3f wa %.3f "
                        + "macro_f1 %.3f on %d clips%n", index + 1, folds, o.fold(), r.ua(), r.wa(), r.macroF1(),
                        o.predictions().size()));
                err.flush();
            }
        };
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static Path defaultReportDir(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path parent = model.toAbsolutePath().getParent();
        return parent.resolve(stem + "-report");
    }

    private static ModelBundle withMetricsAndNotes(ModelBundle b, Map<String, Double> extra, Map<String, String> notes) {
        ModelCard c = b.card();
        Map<String, Double> metrics = new TreeMap<>(c.metrics());
        metrics.putAll(extra);
        Provenance p = c.provenance();
        Map<String, String> details = new TreeMap<>(p.details());
        details.putAll(notes);
        ModelCard card = new ModelCard(c.architecture(), c.hyperParameters(), c.featureSet(), c.featureConfig(),
                c.sampleRate(), c.labels(), c.normalisation(), c.trainingData(), metrics,
                new Provenance(p.ser4jVersion(), p.created(), p.seed(), p.command(), details));
        return new ModelBundle(card, b.weightsFormat(), b.weights());
    }
}
