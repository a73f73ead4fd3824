package org.ser4j.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.ser4j.core.Emotion;
import org.ser4j.core.eval.ClassificationReport;
import org.ser4j.core.eval.ConfusionMatrix;
import org.ser4j.model.ModelBundle;
import org.ser4j.model.ModelCard;
import org.ser4j.model.Normalisation;
import org.ser4j.model.Provenance;

/**
 * Trains any {@link Architecture} on feature rows with DJL's PyTorch engine and returns a {@link ModelBundle}.
 * Features are standardised with a {@link Normalisation} fitted on the training set only (per
 * {@link InputLayout#group(int) group}); the optimiser is Adam; the loss is softmax cross-entropy, each sample
 * weighted by its class weight ({@link ClassWeighting}: the weight is folded into the one-hot target, so the
 * loss is {@code -w_i log p_i[y_i]} averaged over the batch, and mixup blends the weighted targets). With a
 * validation set it evaluates the unweighted accuracy (UA) after every epoch, keeps the weights of the best
 * epoch and stops after {@code patience} epochs without improvement.
 *
 * <p>Batches are assembled in Java and each lives in its own {@link NDManager} scope, so native memory holds
 * one batch at a time whatever the data's size. Data too big for the heap trains from a {@link TrainingStream}:
 * the Java side then holds one chunk of rows at a time, with a normalisation and class counts the caller
 * computed beforehand (a set in memory is trained as a single chunk by the same loop).
 *
 * <p>Reproducible: the same data, options and thread count give bit-identical weights (the seed drives the
 * engine's initialisation and dropout, and shuffling, mixup and masks here). Instances hold only their
 * configuration and are thread-safe, but the engine is process-wide, so concurrent runs are not reproducible.
 */
public final class NetworkTrainer {

    /** The weights format of bundles this trainer writes and {@link BundleClassifier} reads. */
    public static final String WEIGHTS_FORMAT = "djl-pytorch-parameters";

    private static final int EVAL_BATCH = 256;

    private final Architecture architecture;
    private final Map<String, String> hyperParameters;
    private final TrainingOptions options;

    /**
     * @param architecture    the network
     * @param hyperParameters overrides of its {@link Architecture#defaults() defaults}
     * @param options         how to train
     * @throws IllegalArgumentException if a hyper-parameter is not the architecture's
     */
    public NetworkTrainer(Architecture architecture, Map<String, String> hyperParameters, TrainingOptions options) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        this.hyperParameters = architecture.resolve(hyperParameters);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** {@link #train(List, LabelledFeatures, Optional, ModelDescription, TrainingListener)} without a listener. */
    public TrainingResult train(List<Emotion> labels, LabelledFeatures train, Optional<LabelledFeatures> validation,
            ModelDescription description) {
        return train(labels, train, validation, description, TrainingListener.NONE);
    }

    /**
     * Trains a model on a set held in memory: the normalisation is fitted on it, and it is one chunk of a
     * {@link TrainingSource#inMemory(LabelledFeatures) source} for the epoch loop that
     * {@link #train(List, TrainingStream, Optional, ModelDescription, TrainingListener)} runs.
     *
     * @param labels      the classes, in output order; the training and validation labels index into it
     * @param train       the training set
     * @param validation  an optional validation set (early stopping and best-epoch selection)
     * @param description what the model card records about the features and data
     * @param listener    hears about batches and epochs
     * @throws IllegalArgumentException if a label index is out of range, dimensions differ or do not fit the
     *                                  feature set's layout, or a class has no training sample while class
     *                                  weighting is on
     */
    public TrainingResult train(List<Emotion> labels, LabelledFeatures train, Optional<LabelledFeatures> validation,
            ModelDescription description, TrainingListener listener) {
        InputLayout layout = layout(description, train.dimensions());
        checkLabels(train, labels.size(), "training");
        FeatureMoments moments = new FeatureMoments(layout);
        long[] counts = new long[labels.size()];
        int[] y = train.labelsView();
        float[][] x = train.featuresView();
        for (int i = 0; i < y.length; i++) {
            moments.accept(x[i]);
            counts[y[i]]++;
        }
        TrainingStream stream = new TrainingStream(TrainingSource.inMemory(train), moments.normalisation(), counts);
        return run(labels, stream, layout, validation, description, listener);
    }

    /**
     * Trains a model on data streamed in chunks, holding one chunk (and less than a batch left over from the
     * previous one) at a time; otherwise the same training as the in-memory
     * {@link #train(List, LabelledFeatures, Optional, ModelDescription, TrainingListener)}, which runs this
     * loop over a single chunk.
     *
     * @param labels      the classes, in output order; the class counts and the labels of the chunks and of the
     *                    validation set index into it
     * @param train       the training chunks, their normalisation and class counts
     * @param validation  an optional validation set, held in memory (early stopping and best-epoch selection)
     * @param description what the model card records about the features and data
     * @param listener    hears about batches and epochs
     * @throws IllegalArgumentException if the class counts do not have one count per label, a label index is out
     *                                  of range, dimensions differ from the normalisation's or do not fit the
     *                                  feature set's layout, or a class has no training row while class
     *                                  weighting is on
     * @throws IllegalStateException    if an epoch's chunks do not hold as many rows as the class counts
     */
    public TrainingResult train(List<Emotion> labels, TrainingStream train, Optional<LabelledFeatures> validation,
            ModelDescription description, TrainingListener listener) {
        if (train.classCounts().length != labels.size()) {
            throw new IllegalArgumentException("expected one class count per label (" + labels.size() + "), got "
                    + train.classCounts().length);
        }
        return run(labels, train, layout(description, train.normalisation().dimensions()), validation, description,
                listener);
    }

    private static InputLayout layout(ModelDescription description, int d) {
        InputLayout layout = InputLayout.of(description.featureSet(), description.featureConfig(), d);
        if (layout.size() != d) {
            throw new IllegalArgumentException(description.featureSet() + " rows under this configuration have "
                    + layout.size() + " values, the training rows " + d);
        }
        return layout;
    }

    /** The epoch loop both entry points share. */
    private TrainingResult run(List<Emotion> labels, TrainingStream train, InputLayout layout,
            Optional<LabelledFeatures> validation, ModelDescription description, TrainingListener listener) {
        int k = labels.size();
        int d = layout.size();
        validation.ifPresent(v -> {
            checkLabels(v, k, "validation");
            if (v.dimensions() != d) {
                throw new IllegalArgumentException("validation vectors have " + v.dimensions()
                        + " values, training vectors " + d);
            }
        });
        Engine engine = DjlEngine.configure();
        Normalisation norm = train.normalisation();
        float[] weights = classWeights(train.classCounts(), labels);
        long rows = train.rows();
        int count = BatchMaker.batchCount(rows, options.batchSize());

        engine.setRandomSeed(options.seed());
        SplittableRandom random = new SplittableRandom(options.seed());
        List<EpochStats> stats = new ArrayList<>();
        byte[] best = null;
        int bestEpoch = -1;
        double bestUa = Double.NEGATIVE_INFINITY;
        ClassificationReport bestReport = null;
        // A GPU when the engine has one (a CUDA build of the native library on the class path), else the CPU.
        Device device = engine.defaultDevice();
        try (NDManager root = NDManager.newBaseManager(device, engine.getEngineName());
                Model model = Model.newInstance("ser4j-" + architecture.cardName(), device,
                        engine.getEngineName())) {
            Block block = architecture.build(hyperParameters, k, layout);
            model.setBlock(block);
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(new WeightedSoftmaxCrossEntropy())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(options.learningRate()))
                            .optWeightDecays(options.weightDecay()).build())
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(cfg)) {
                trainer.initialize(new Shape(1, d));
                BatchMaker batches = new BatchMaker(weights, layout, norm, options, random);
                int sinceBest = 0;
                for (int e = 0; e < options.epochs(); e++) {
                    long t0 = System.nanoTime();
                    double lossSum = 0;
                    long correct = 0;
                    long seen = 0;
                    BatchMaker.Epoch epoch = batches.epoch(train.source().chunks(e));
                    for (int b = 0; epoch.hasNext(); b++) {
                        BatchMaker.Batch batch = epoch.next();
                        try (NDManager scope = root.newSubManager();
                                GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray x = scope.create(batch.x(), new Shape(batch.size(), d));
                            NDArray t = scope.create(batch.targets(), new Shape(batch.size(), k));
                            NDList pred = trainer.forward(new NDList(x));
                            NDArray loss = trainer.getLoss().evaluate(new NDList(t), pred);
                            gc.backward(loss);
                            lossSum += loss.getFloat() * batch.size();
                            int[] argmax = pred.singletonOrThrow().argMax(1).toType(DataType.INT32, false)
                                    .toIntArray();
                            for (int i = 0; i < argmax.length; i++) {
                                correct += argmax[i] == batch.labels()[i] ? 1 : 0;
                            }
                            pred.close();
                        }
                        trainer.step();
                        seen += batch.size();
                        listener.batchDone(e, b, count);
                    }
                    if (epoch.rowsRead() != rows) {
                        throw new IllegalStateException("epoch " + e + " delivered " + epoch.rowsRead()
                                + " training rows, the class counts add up to " + rows);
                    }
                    double ua = Double.NaN;
                    if (validation.isPresent()) {
                        ClassificationReport report = evaluate(block, root, norm, validation.get(), labels);
                        ua = report.ua();
                        if (ua > bestUa) {
                            bestUa = ua;
                            bestEpoch = e;
                            bestReport = report;
                            best = save(block);
                            sinceBest = 0;
                        } else {
                            sinceBest++;
                        }
                    }
                    EpochStats s = new EpochStats(e, lossSum / seen, (double) correct / seen, ua,
                            (System.nanoTime() - t0) / 1e9);
                    stats.add(s);
                    listener.epochDone(s);
                    if (options.patience() > 0 && validation.isPresent() && sinceBest >= options.patience()) {
                        break;
                    }
                }
            }
            if (best == null) {
                bestEpoch = stats.size() - 1;
                best = save(block);
            }
        }
        Map<String, Double> metrics = new TreeMap<>();
        if (bestReport != null) {
            metrics.put("validation_ua", bestReport.ua());
            metrics.put("validation_wa", bestReport.wa());
            metrics.put("validation_macro_f1", bestReport.macroF1());
        }
        Map<String, String> hp = new TreeMap<>(hyperParameters);
        hp.put("epochs", Integer.toString(options.epochs()));
        hp.put("batch_size", Integer.toString(options.batchSize()));
        hp.put("learning_rate", Float.toString(options.learningRate()));
        hp.put("weight_decay", Float.toString(options.weightDecay()));
        hp.put("class_weighting", options.classWeighting().name().toLowerCase(Locale.ROOT));
        hp.put("patience", Integer.toString(options.patience()));
        hp.put("mixup_alpha", Float.toString(options.mixupAlpha()));
        hp.put("spec_augment", Integer.toString(options.specAugment()));
        hp.put("best_epoch", Integer.toString(bestEpoch));
        ModelCard card = new ModelCard(architecture.cardName(), hp, description.featureSet(),
                description.featureConfig(), description.sampleRate(), labels, norm, description.trainingData(),
                metrics, provenance(engine, description));
        return new TrainingResult(stats, bestEpoch, new ModelBundle(card, WEIGHTS_FORMAT, best));
    }

    private static void checkLabels(LabelledFeatures set, int k, String what) {
        for (int y : set.labelsView()) {
            if (y < 0 || y >= k) {
                throw new IllegalArgumentException(what + " label index " + y + " is outside the " + k + " labels");
            }
        }
    }

    private float[] classWeights(long[] count, List<Emotion> labels) {
        int k = labels.size();
        long n = Arrays.stream(count).sum();
        float[] w = new float[k];
        Arrays.fill(w, 1f);
        if (options.classWeighting() == ClassWeighting.BALANCED) {
            for (int c = 0; c < k; c++) {
                if (count[c] == 0) {
                    throw new IllegalArgumentException("class '" + labels.get(c).label() + "' has no training sample; balanced class "
                            + "weighting needs every class");
                }
                w[c] = (float) n / (k * count[c]);
            }
        }
        return w;
    }

    /** Predictions of a block for standardised-on-the-fly rows, in batches of {@value #EVAL_BATCH}. */
    static int[] predict(Block block, NDManager root, Normalisation norm, float[][] rows) {
        int d = norm.dimensions();
        int[] out = new int[rows.length];
        for (int from = 0; from < rows.length; from += EVAL_BATCH) {
            int n = Math.min(EVAL_BATCH, rows.length - from);
            float[] flat = new float[n * d];
            for (int i = 0; i < n; i++) {
                System.arraycopy(norm.apply(rows[from + i]), 0, flat, i * d, d);
            }
            try (NDManager s = root.newSubManager()) {
                NDArray x = s.create(flat, new Shape(n, d));
                NDArray logits = block.forward(new ParameterStore(s, false), new NDList(x), false).singletonOrThrow();
                System.arraycopy(logits.argMax(1).toType(DataType.INT32, false).toIntArray(), 0, out, from, n);
            }
        }
        return out;
    }

    private static ClassificationReport evaluate(Block block, NDManager root, Normalisation norm, LabelledFeatures v,
            List<Emotion> labels) {
        ConfusionMatrix cm = new ConfusionMatrix(labels.stream().map(Emotion::label).toList());
        int[] predicted = predict(block, root, norm, v.featuresView());
        int[] y = v.labelsView();
        for (int i = 0; i < y.length; i++) {
            cm.accept(y[i], predicted[i]);
        }
        return cm.report();
    }

    static byte[] save(Block block) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (DataOutputStream dos = new DataOutputStream(bos)) {
            block.saveParameters(dos);
        } catch (IOException e) {
            throw new UncheckedIOException("writing parameters to memory failed", e);
        }
        return bos.toByteArray();
    }

    private Provenance provenance(Engine engine, ModelDescription description) {
        Map<String, String> details = new HashMap<>();
        details.put("engine", engine.getEngineName());
        details.put("engine_version", engine.getVersion());
        details.put("djl_version", Engine.getDjlVersion());
        details.put("threads", String.valueOf(DjlEngine.threads()));
        String version = NetworkTrainer.class.getPackage().getImplementationVersion();
        return new Provenance(version == null ? "dev" : version, Instant.now(), options.seed(), description.command(),
                details);
    }

    /** Softmax cross-entropy against a weighted one-hot target: {@code mean_i(-sum_c t_ic log softmax(z_i)_c)}. */
    private static final class WeightedSoftmaxCrossEntropy extends Loss {
        WeightedSoftmaxCrossEntropy() {
            super("WeightedSoftmaxCrossEntropy");
        }

        @Override
        public NDArray evaluate(NDList target, NDList prediction) {
            NDArray logp = prediction.singletonOrThrow().logSoftmax(-1);
            return logp.mul(target.singletonOrThrow()).sum(new int[] {1}).neg().mean();
        }
    }
}
