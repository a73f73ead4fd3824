package org.ser4j.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ser4j.core.Emotion;
import org.ser4j.core.eval.ClassificationReport;
import org.ser4j.core.eval.ConfusionMatrix;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.data.Clip;
import org.ser4j.data.features.DatasetFeaturizer.ClipFeatures;
import org.ser4j.data.split.Fold;
import org.ser4j.model.ModelFormatException;
import org.ser4j.model.TrainingData;

/**
 * Trains and tests one fold of a split plan: the training clips with their augmented copies (augmentation
 * happens on the training side only, after the split), the validation clips as they are for early stopping,
 * then the trained bundle scores the untouched test clips.
 */
public final class FoldRunner {

    private final NetworkTrainer trainer;
    private final FeatureConfig featureConfig;
    private final List<Emotion> labels;
    private final String protocol;
    private final String command;

    /**
     * @param trainer       what to train
     * @param featureConfig the parameters the features were computed with
     * @param labels   the classes, in output order; clips of other emotions are left out
     * @param protocol the split's description, recorded in the model card
     * @param command  the command line, for provenance
     */
    public FoldRunner(NetworkTrainer trainer, FeatureConfig featureConfig, List<Emotion> labels, String protocol,
            String command) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.featureConfig = Objects.requireNonNull(featureConfig, "featureConfig");
        this.labels = List.copyOf(labels);
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.command = Objects.requireNonNull(command, "command");
    }

    /**
     * One test prediction.
     *
     * @param clip          the test clip
     * @param truth         its class index
     * @param probabilities the model's probabilities, in label order
     */
    public record TestPrediction(Clip clip, int truth, float[] probabilities) {
        public TestPrediction {
            probabilities = probabilities.clone();
        }

        @Override
        public float[] probabilities() {
            return probabilities.clone();
        }

        /** The most probable class. */
        public int predicted() {
            int best = 0;
            for (int i = 1; i < probabilities.length; i++) {
                if (probabilities[i] > probabilities[best]) {
                    best = i;
                }
            }
            return best;
        }
    }

    /**
     * What a fold gave.
     *
     * @param fold        the fold's name
     * @param training    the training run (its bundle holds the trained model)
     * @param test        the test report (empty when the fold has no test clip)
     * @param predictions the test predictions, in test-clip order
     */
    public record Outcome(String fold, TrainingResult training, Optional<ClassificationReport> test,
            List<TestPrediction> predictions) {
        public Outcome {
            predictions = List.copyOf(predictions);
        }
    }

    /**
     * Runs the fold.
     *
     * @param fold     the fold
     * @param features features of every clip of the fold, by path (clips without features are left out)
     * @param listener hears about training progress
     * @throws IllegalArgumentException if the fold has no training clip of a class
     */
    public Outcome run(Fold fold, Map<Path, ClipFeatures> features, TrainingListener listener) {
        TrainingResult result = train(fold.name(), fold.train(), fold.validation(), features, listener);
        InputLayout layout = BundleClassifier.layout(result.bundle().card());
        List<TestPrediction> predictions = new ArrayList<>();
        ConfusionMatrix cm = new ConfusionMatrix(labels.stream().map(Emotion::label).toList());
        List<Clip> tests = new ArrayList<>();
        List<float[]> testRows = new ArrayList<>();
        for (Clip c : fold.test()) {
            ClipFeatures f = features.get(c.path());
            int y = index(c);
            if (f != null && y >= 0) {
                tests.add(c);
                testRows.add(layout.toRow(f.original()));
            }
        }
        if (!testRows.isEmpty()) {
            try (BundleClassifier classifier = BundleClassifier.load(result.bundle())) {
                List<float[]> probabilities = classifier.probabilities(testRows);
                for (int i = 0; i < tests.size(); i++) {
                    TestPrediction p = new TestPrediction(tests.get(i), index(tests.get(i)), probabilities.get(i));
                    predictions.add(p);
                    cm.accept(p.truth(), p.predicted());
                }
            } catch (ModelFormatException e) {
                throw new IllegalStateException("a bundle just trained could not be loaded: " + e.getMessage(), e);
            }
        }
        return new Outcome(fold.name(), result, testRows.isEmpty() ? Optional.empty() : Optional.of(cm.report()),
                predictions);
    }

    /**
     * Trains on clips (with their augmented copies) and stops early on the validation clips, if any.
     *
     * @param name       what the model card calls this training set, e.g. a fold's name or "all"
     * @param train      the training clips
     * @param validation the validation clips, possibly none
     * @param features   features of every clip, by path (clips without features are left out)
     * @param listener   hears about training progress
     * @throws IllegalArgumentException if no training clip has one of the labels, or a class has none while
     *                                  class weighting is on
     */
    public TrainingResult train(String name, List<Clip> train, List<Clip> validation,
            Map<Path, ClipFeatures> features, TrainingListener listener) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("no clip has features to train on");
        }
        ClipFeatures first = features.values().iterator().next();
        ModelDescription description = new ModelDescription(first.original().set(), featureConfig,
                first.original().sampleRate(), trainingData(train, name), command);
        InputLayout layout = InputLayout.of(description.featureSet(), description.featureConfig(),
                first.original().size());
        LabelledFeatures trainRows = rows(train, features, layout, true);
        Optional<LabelledFeatures> validationRows = validation.isEmpty() ? Optional.empty()
                : Optional.ofNullable(rowsOrNull(validation, features, layout));
        return trainer.train(labels, trainRows, validationRows, description, listener);
    }

    private int index(Clip c) {
        return c.emotion().map(labels::indexOf).orElse(-1);
    }

    private LabelledFeatures rowsOrNull(List<Clip> clips, Map<Path, ClipFeatures> features, InputLayout layout) {
        List<float[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        collect(clips, features, layout, false, x, y);
        return x.isEmpty() ? null : new LabelledFeatures(x.toArray(float[][]::new),
                y.stream().mapToInt(Integer::intValue).toArray());
    }

    private LabelledFeatures rows(List<Clip> clips, Map<Path, ClipFeatures> features, InputLayout layout,
            boolean augmented) {
        List<float[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        collect(clips, features, layout, augmented, x, y);
        if (x.isEmpty()) {
            throw new IllegalArgumentException("the fold has no training clip of the labels " + labels);
        }
        return new LabelledFeatures(x.toArray(float[][]::new), y.stream().mapToInt(Integer::intValue).toArray());
    }

    private void collect(List<Clip> clips, Map<Path, ClipFeatures> features, InputLayout layout, boolean augmented,
            List<float[]> x, List<Integer> y) {
        for (Clip c : clips) {
            ClipFeatures f = features.get(c.path());
            int label = index(c);
            if (f == null || label < 0) {
                continue;
            }
            x.add(layout.toRow(f.original()));
            y.add(label);
            if (augmented) {
                for (var copy : f.augmented()) {
                    x.add(layout.toRow(copy));
                    y.add(label);
                }
            }
        }
    }

    private TrainingData trainingData(List<Clip> train, String name) {
        Set<String> corpora = new TreeSet<>();
        Set<String> speakers = new HashSet<>();
        Map<Emotion, Integer> perEmotion = new EnumMap<>(Emotion.class);
        int n = 0;
        for (Clip c : train) {
            if (index(c) < 0) {
                continue;
            }
            n++;
            corpora.add(c.corpus());
            speakers.add(c.speaker());
            perEmotion.merge(c.emotion().orElseThrow(), 1, Integer::sum);
        }
        return new TrainingData(List.copyOf(corpora), n, speakers.size(), new HashMap<>(perEmotion),
                protocol + " fold=" + name);
    }
}
