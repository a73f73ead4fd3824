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
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
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
import java.util.TreeMap;
import org.ser4j.core.Emotion;
import org.ser4j.core.eval.ClassificationReport;
import org.ser4j.core.eval.ConfusionMatrix;
import org.ser4j.model.ModelBundle;
import org.ser4j.model.ModelCard;
import org.ser4j.model.Normalisation;
import org.ser4j.model.Provenance;

/**
 * Trains the {@link Architecture#MLP} on feature vectors with DJL's PyTorch engine and returns a
 * {@link ModelBundle}. Features are standardised with a {@link Normalisation} fitted on the training set only;
 * the optimiser is Adam with a fixed learning rate; the loss is softmax cross-entropy, each sample weighted by
 * its class weight ({@link ClassWeighting}: the weight is folded into the one-hot target, so the loss is
 * {@code -w_i log p_i[y_i]} averaged over the batch). With a validation set it evaluates the unweighted accuracy
 * (UA) after every epoch, keeps the weights of the best epoch and stops after {@code patience} epochs without
 * improvement.
 *
 * <p>Reproducible: the same data, options and thread count give bit-identical weights (the engine's random
 * seed drives initialisation, dropout and shuffling). Instances hold only their configuration and are
 * thread-safe, but the engine is process-wide, so concurrent runs are not reproducible.
 */
public final class MlpTrainer {

    /** The weights format of bundles this trainer writes and {@link BundleClassifier} reads. */
    public static final String WEIGHTS_FORMAT = "djl-pytorch-parameters";

    private final MlpConfig config;
    private final TrainingOptions options;

    /**
     * @param config  the network's hyper-parameters
     * @param options how to train
     */
    public MlpTrainer(MlpConfig config, TrainingOptions options) {
        this.config = Objects.requireNonNull(config, "config");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Trains a model.
     *
     * @param labels      the classes, in output order; the training and validation labels index into it
     * @param train       the training set
     * @param validation  an optional validation set (early stopping and best-epoch selection)
     * @param description what the model card records about the features and data
     * @throws IllegalArgumentException if a label index is out of range, dimensions differ, or a class has no
     *                                  training sample while class weighting is on
     */
    public TrainingResult train(List<Emotion> labels, LabelledFeatures train, Optional<LabelledFeatures> validation,
            ModelDescription description) {
        int k = labels.size();
        int d = train.dimensions();
        checkLabels(train, k, "training");
        validation.ifPresent(v -> {
            checkLabels(v, k, "validation");
            if (v.dimensions() != d) {
                throw new IllegalArgumentException("validation vectors have " + v.dimensions()
                        + " values, training vectors " + d);
            }
        });
        Engine engine = DjlEngine.configure();
        Normalisation norm = fit(train);
        float[] weights = classWeights(train.labelsView(), k);
        Map<String, String> hp = new TreeMap<>(config.toHyperParameters());

        engine.setRandomSeed(options.seed());
        List<EpochStats> stats = new ArrayList<>();
        byte[] best = null;
        int bestEpoch = -1;
        double bestUa = Double.NEGATIVE_INFINITY;
        ClassificationReport bestReport = null;
        try (NDManager root = NDManager.newBaseManager(Device.cpu(), engine.getEngineName());
                Model model = Model.newInstance("ser4j-mlp", Device.cpu(), engine.getEngineName())) {
            Block block = Architecture.MLP.build(hp, k);
            model.setBlock(block);
            int n = train.size();
            NDArray x = root.create(norm.apply(train.flat()), new Shape(n, d));
            NDArray targets = root.create(weightedOneHot(train.labelsView(), weights, k), new Shape(n, k));
            ArrayDataset data = new ArrayDataset.Builder().setData(x).optLabels(targets)
                    .setSampling(options.batchSize(), true).build();
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(new WeightedSoftmaxCrossEntropy())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(options.learningRate())).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(cfg)) {
                trainer.initialize(new Shape(1, d));
                int sinceBest = 0;
                for (int e = 0; e < options.epochs(); e++) {
                    long t0 = System.nanoTime();
                    double lossSum = 0;
                    long correct = 0;
                    int batches = 0;
                    for (Batch b : trainer.iterateDataset(data)) {
                        try (b; GradientCollector gc = trainer.newGradientCollector()) {
                            NDList pred = trainer.forward(b.getData(), b.getLabels());
                            NDArray loss = trainer.getLoss().evaluate(b.getLabels(), pred);
                            gc.backward(loss);
                            lossSum += loss.getFloat();
                            correct += pred.singletonOrThrow().argMax(1)
                                    .eq(b.getLabels().singletonOrThrow().argMax(1)).sum().getLong();
                            batches++;
                        }
                        trainer.step();
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
                    stats.add(new EpochStats(e, lossSum / batches, (double) correct / n, ua,
                            (System.nanoTime() - t0) / 1e9));
                    if (options.patience() > 0 && validation.isPresent() && sinceBest >= options.patience()) {
                        break;
                    }
                }
            }
            if (best == null) {
                bestEpoch = stats.size() - 1;
                best = save(block);
            }
        } catch (TranslateException | IOException e) {
            // Both come from DJL's dataset API over in-memory arrays, so they mean an engine failure.
            throw new IllegalStateException("the engine failed while preparing or iterating the training data", e);
        }
        Map<String, Double> metrics = new TreeMap<>();
        if (bestReport != null) {
            metrics.put("validation_ua", bestReport.ua());
            metrics.put("validation_wa", bestReport.wa());
            metrics.put("validation_macro_f1", bestReport.macroF1());
        }
        hp.put("epochs", Integer.toString(options.epochs()));
        hp.put("batch_size", Integer.toString(options.batchSize()));
        hp.put("learning_rate", Float.toString(options.learningRate()));
        hp.put("class_weighting", options.classWeighting().name().toLowerCase(Locale.ROOT));
        hp.put("patience", Integer.toString(options.patience()));
        hp.put("best_epoch", Integer.toString(bestEpoch));
        ModelCard card = new ModelCard(Architecture.MLP.cardName(), hp, description.featureSet(),
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

    /** Mean and population standard deviation per dimension; a constant dimension gets scale 1. */
    static Normalisation fit(LabelledFeatures train) {
        float[][] f = train.features();
        int d = train.dimensions();
        double[] sum = new double[d];
        double[] sq = new double[d];
        for (float[] row : f) {
            for (int j = 0; j < d; j++) {
                sum[j] += row[j];
                sq[j] += (double) row[j] * row[j];
            }
        }
        float[] mean = new float[d];
        float[] scale = new float[d];
        for (int j = 0; j < d; j++) {
            double m = sum[j] / f.length;
            double var = Math.max(0, sq[j] / f.length - m * m);
            mean[j] = (float) m;
            // scikit-learn's StandardScaler leaves constant features unscaled in the same way.
            scale[j] = var > 0 ? (float) Math.sqrt(var) : 1f;
        }
        return new Normalisation(mean, scale);
    }

    private float[] classWeights(int[] y, int k) {
        float[] w = new float[k];
        Arrays.fill(w, 1f);
        if (options.classWeighting() == ClassWeighting.BALANCED) {
            int[] count = new int[k];
            for (int c : y) {
                count[c]++;
            }
            for (int c = 0; c < k; c++) {
                if (count[c] == 0) {
                    throw new IllegalArgumentException("class " + c + " has no training sample; balanced class "
                            + "weighting needs every class");
                }
                w[c] = (float) y.length / (k * count[c]);
            }
        }
        return w;
    }

    private static float[] weightedOneHot(int[] y, float[] w, int k) {
        float[] t = new float[y.length * k];
        for (int i = 0; i < y.length; i++) {
            t[i * k + y[i]] = w[y[i]];
        }
        return t;
    }

    private static ClassificationReport evaluate(Block block, NDManager root, Normalisation norm, LabelledFeatures v,
            List<Emotion> labels) {
        ConfusionMatrix cm = new ConfusionMatrix(labels.stream().map(Emotion::label).toList());
        int[] predicted;
        try (NDManager s = root.newSubManager()) {
            NDArray x = s.create(norm.apply(v.flat()), new Shape(v.size(), v.dimensions()));
            NDArray out = block.forward(new ParameterStore(s, false), new NDList(x), false).singletonOrThrow();
            predicted = out.argMax(1).toType(DataType.INT32, false).toIntArray();
        }
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
        String version = MlpTrainer.class.getPackage().getImplementationVersion();
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
