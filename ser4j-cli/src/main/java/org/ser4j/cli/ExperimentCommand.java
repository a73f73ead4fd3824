package org.ser4j.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ser4j.core.Emotion;
import org.ser4j.core.augment.AugmentationPolicy;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.data.Clip;
import org.ser4j.data.Dataset;
import org.ser4j.data.LabelMapping;
import org.ser4j.data.features.DatasetFeaturizer;
import org.ser4j.data.features.FeatureCache;
import org.ser4j.data.split.Fold;
import org.ser4j.data.split.Protocol;
import org.ser4j.data.split.SplitConfig;
import org.ser4j.data.split.SplitPlan;
import org.ser4j.report.ComparisonTable;
import org.ser4j.report.EvaluationReport;
import org.ser4j.train.Architecture;
import org.ser4j.train.FoldRunner;
import org.ser4j.train.SpeakerNormalisation;
import org.ser4j.train.TrainingJob;
import org.ser4j.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ser4j experiment CONFIG}: several runs (architectures, or one architecture's ablations) on several
 * datasets, each under its own protocol, and one comparison table of UA, WA and macro-F1 (mean ± std over
 * folds), like the brief's accuracy table but by speaker.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run the runs x datasets of a JSON experiment file and write comparison.md, comparison.csv, "
                + "folds.csv and one pooled report per row to --out. See docs/experiments/*.json for examples.")
final class ExperimentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The experiment file (JSON).")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the results.")
    Path out;

    @Option(names = "--only", split = ",", paramLabel = "LIST", description = "Run only these runs (by name).")
    List<String> only;

    @Option(names = "--datasets", split = ",", paramLabel = "LIST", description = "Use only these datasets (by name).")
    List<String> onlyDatasets;

    /** A dataset of the experiment: some corpora of the data, split by one protocol. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record DatasetSpec(@JsonProperty(value = "name", required = true) String name,
            @JsonProperty("corpora") List<String> corpora,
            @JsonProperty(value = "protocol", required = true) String protocol,
            @JsonProperty("folds") Integer folds,
            @JsonProperty("validation_fraction") Double validationFraction,
            @JsonProperty("test_fraction") Double testFraction,
            @JsonProperty("train_extra") List<String> trainExtra) {
    }

    /** One configuration to train; absent fields take {@code ser4j train}'s defaults. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record RunSpec(@JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "arch", required = true) String arch,
            @JsonProperty("features") String features,
            @JsonProperty("feature_params") Map<String, String> featureParams,
            @JsonProperty("hp") Map<String, String> hp,
            @JsonProperty("epochs") Integer epochs,
            @JsonProperty("batch_size") Integer batchSize,
            @JsonProperty("lr") Float lr,
            @JsonProperty("weight_decay") Float weightDecay,
            @JsonProperty("patience") Integer patience,
            @JsonProperty("augment") String augment,
            @JsonProperty("mixup") Float mixup,
            @JsonProperty("spec_augment") Integer specAugment,
            @JsonProperty("speaker_normalisation") Boolean speakerNormalisation) {
    }

    /** The whole file. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record ExperimentSpec(@JsonProperty("title") String title,
            @JsonProperty(value = "data", required = true) List<String> data,
            @JsonProperty("map") String map,
            @JsonProperty("drop") String drop,
            @JsonProperty("seed") Integer seed,
            @JsonProperty("threads") Integer threads,
            @JsonProperty("cache") String cache,
            @JsonProperty(value = "datasets", required = true) List<DatasetSpec> datasets,
            @JsonProperty(value = "runs", required = true) List<RunSpec> runs) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExperimentSpec experiment = read(config);
        Path base = config.toAbsolutePath().getParent();
        int seed = experiment.seed() == null ? 42 : experiment.seed();
        List<Path> data = experiment.data().stream().map(d -> base.resolve(d).normalize()).toList();
        Dataset all = DatasetInput.scan(data, null, err).dataset();
        LabelMapping.Builder mapping = LabelMapping.builder();
        if (experiment.map() != null) {
            mapping.map(experiment.map());
        }
        if (experiment.drop() != null) {
            mapping.drop(experiment.drop());
        }
        all = mapping.build().apply(all).dataset();
        FeatureCache cache = new FeatureCache(experiment.cache() == null ? FeatureCache.defaultDirectory()
                : base.resolve(experiment.cache()));
        Progress progress = new Progress(err);
        List<ComparisonTable.Row> rows = new ArrayList<>();
        Files.createDirectories(out);
        for (DatasetSpec ds : experiment.datasets()) {
            if (onlyDatasets != null && !onlyDatasets.contains(ds.name())) {
                continue;
            }
            Dataset dataset = ds.corpora() == null ? all : Dataset.of(all.clips().stream()
                    .filter(c -> ds.corpora().stream().anyMatch(k -> k.equalsIgnoreCase(c.corpus()))).toList());
            if (dataset.size() == 0) {
                throw new IllegalArgumentException("dataset '" + ds.name() + "' has no clip (corpora "
                        + ds.corpora() + " in " + data + ")");
            }
            Protocol protocol = Protocol.parse(ds.protocol());
            SplitConfig.Builder sc = SplitConfig.builder().optSeed(seed);
            if (ds.folds() != null) {
                sc.optFolds(ds.folds());
            }
            if (ds.validationFraction() != null) {
                sc.optValidationFraction(ds.validationFraction());
            }
            if (ds.testFraction() != null) {
                sc.optTestFraction(ds.testFraction());
            }
            SplitPlan plan = protocol.splitter(sc.build()).split(dataset);
            List<Emotion> labels = TrainingJob.labelsOf(dataset);
            Dataset featurized = dataset;
            if (ds.trainExtra() != null) {
                // Other corpora join every fold's training side: still speaker-independent (no speaker is in two
                // corpora), and only clips of this dataset's classes.
                List<Clip> extra = all.clips().stream()
                        .filter(c -> ds.trainExtra().stream().anyMatch(k -> k.equalsIgnoreCase(c.corpus())))
                        .filter(c -> c.emotion().isPresent() && labels.contains(c.emotion().get())).toList();
                plan = withExtraTraining(plan, extra);
                List<Clip> both = new ArrayList<>(dataset.clips());
                both.addAll(extra);
                featurized = Dataset.of(both);
            }
            for (RunSpec run : experiment.runs()) {
                if (only != null && !only.contains(run.name())) {
                    continue;
                }
                TrainingJob job = job(run, seed, cache, experiment.threads());
                err.printf(Locale.ROOT, "ser4j: %s on %s (%s, %d folds)%n", run.name(), ds.name(), protocol.cliName(),
                        plan.folds().size());
                DatasetFeaturizer.Result features;
                try (Progress.Task task = progress.task("features " + ds.name(), featurized.size())) {
                    features = job.featurize(featurized, task);
                }
                long t0 = System.nanoTime();
                var byPath = TrainingJob.byPath(features);
                if (Boolean.TRUE.equals(run.speakerNormalisation())) {
                    byPath = SpeakerNormalisation.apply(byPath);
                }
                List<FoldRunner.Outcome> outcomes = job.crossValidate(plan, labels, byPath,
                        TrainCommand.foldListener(progress, err, job.options().epochs()));
                ComparisonTable.Row row = new ComparisonTable.Row(List.of(ds.name(), protocol.cliName(), run.name()),
                        TrainingReports.folds(outcomes));
                rows.add(row);
                double std = row.ua().std();
                err.printf(Locale.ROOT, "ser4j: %s on %s: ua %.3f ± %s in %.0f s%n", run.name(), ds.name(),
                        row.ua().mean(), Double.isNaN(std) ? "–" : String.format(Locale.ROOT, "%.3f", std),
                        (System.nanoTime() - t0) / 1e9);
                EvaluationReport.builder().setTitle(run.name() + " on " + ds.name() + ", " + protocol.cliName()
                                + " (test predictions of all folds pooled)")
                        .optDetail("plan", plan.describe().lines().findFirst().orElse(""))
                        .build().write(labels.stream().map(Emotion::label).toList(),
                                TrainingReports.predictions(outcomes, labels),
                                out.resolve("reports").resolve(ds.name() + "-" + run.name()));
                // Written after every row, so that a long experiment can be read while it runs.
                new ComparisonTable(List.of("dataset", "protocol", "run"), rows).write(out);
            }
        }
        ComparisonTable table = new ComparisonTable(List.of("dataset", "protocol", "run"), rows);
        table.write(out);
        stdout.println(table.markdown());
        stdout.flush();
        return 0;
    }

    private static SplitPlan withExtraTraining(SplitPlan plan, List<Clip> extra) {
        List<Fold> folds = new ArrayList<>();
        for (Fold f : plan.folds()) {
            List<Clip> train = new ArrayList<>(f.train());
            train.addAll(extra);
            folds.add(new Fold(f.name(), train, f.validation(), f.test()));
        }
        Map<String, String> params = new LinkedHashMap<>(plan.parameters());
        params.put("trainExtraClips", Integer.toString(extra.size()));
        return new SplitPlan(plan.protocol(), plan.seed(), params, plan.speakerIndependent(), folds, plan.excluded());
    }

    private static ExperimentSpec read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try {
            return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .readValue(file.toFile(), ExperimentSpec.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException("invalid experiment file " + file + ": " + describe(e), e);
        } catch (IOException e) {
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")" : "";
            throw new IllegalArgumentException("experiment file " + file + " is not valid JSON" + where, e);
        }
    }

    /** Jackson's message without its Java class names, with the JSON path of the problem. */
    private static String describe(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        String msg = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u
                ? "unknown field '" + u.getPropertyName() + "'"
                : e.getOriginalMessage().replaceAll(" \\(start marker at .*$", "")
                        .replaceAll(" \\((class|index) [^)]*\\)", "").replaceAll("\\s*\\n.*", "");
        return msg + (path.length() == 0 ? "" : " at " + path);
    }

    private static TrainingJob job(RunSpec r, int seed, FeatureCache cache, Integer threads) throws Exception {
        TrainingOptions.Builder o = TrainingOptions.builder().optSeed(seed);
        if (r.epochs() != null) {
            o.optEpochs(r.epochs());
        }
        if (r.batchSize() != null) {
            o.optBatchSize(r.batchSize());
        }
        if (r.lr() != null) {
            o.optLearningRate(r.lr());
        }
        if (r.weightDecay() != null) {
            o.optWeightDecay(r.weightDecay());
        }
        if (r.patience() != null) {
            o.optPatience(r.patience());
        }
        if (r.mixup() != null) {
            o.optMixupAlpha(r.mixup());
        }
        if (r.specAugment() != null) {
            o.optSpecAugment(r.specAugment());
        }
        TrainingJob.Builder b = TrainingJob.builder().setArchitecture(Architecture.forCardName(r.arch()))
                .optHyperParameters(r.hp() == null ? Map.of() : new LinkedHashMap<>(r.hp()))
                .optFeatureConfig(FeatureParameters.config(r.featureParams() == null ? Map.of() : r.featureParams()))
                .optTrainingOptions(o.build()).optCache(cache).optCommand("ser4j experiment run=" + r.name())
                .optAugmentation(r.augment() == null ? AugmentationPolicy.NONE : AugmentationPolicy.parse(r.augment()));
        if (r.features() != null) {
            try {
                b.optFeatureSet(FeatureSet.valueOf(r.features().trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("run '" + r.name() + "': unknown feature set '" + r.features()
                        + "'; known: " + String.join(", ", java.util.Arrays.stream(FeatureSet.values())
                                .map(f -> f.name().toLowerCase(Locale.ROOT)).toList()), e);
            }
        }
        if (threads != null) {
            b.optThreads(threads);
        }
        return b.build();
    }
}
