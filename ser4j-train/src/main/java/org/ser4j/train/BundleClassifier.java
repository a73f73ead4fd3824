package org.ser4j.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ser4j.core.Emotion;
import org.ser4j.core.features.Features;
import org.ser4j.model.Classifier;
import org.ser4j.model.ModelBundle;
import org.ser4j.model.ModelCard;
import org.ser4j.model.ModelFormatException;
import org.ser4j.model.Normalisation;

/**
 * Runs a trained {@link ModelBundle} (weights format {@value NetworkTrainer#WEIGHTS_FORMAT}): rebuilds the network
 * its card names, loads the weights, standardises features with the card's normalisation and answers class
 * probabilities in the card's label order.
 *
 * <p>Usually reached through {@link org.ser4j.model.Classifiers#load} ({@link DjlClassifierProvider}), which
 * leaves MLPs over feature vectors to ser4j-model's pure-Java engine.
 *
 * <p>Thread-safe: every thread gets its own DJL {@link Predictor} (predictors are not thread-safe), and all of
 * them are closed with the classifier. Close it when done: the weights live in native memory.
 */
public final class BundleClassifier implements Classifier {

    private final ModelCard card;
    private final Model model;
    private final Normalisation normalisation;
    private final InputLayout layout;
    private final List<Predictor<float[], float[]>> predictors = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Predictor<float[], float[]>> predictor;
    private volatile boolean closed;

    private BundleClassifier(ModelCard card, Model model) {
        this.card = card;
        this.model = model;
        this.normalisation = card.normalisation();
        this.layout = layout(card);
        Translator<float[], float[]> translator = new ProbabilityTranslator(normalisation);
        this.predictor = ThreadLocal.withInitial(() -> {
            Predictor<float[], float[]> p = model.newPredictor(translator);
            predictors.add(p);
            return p;
        });
    }

    /**
     * Loads a bundle.
     *
     * @throws ModelFormatException if the weights format or the architecture is not one this ser4j runs, or the
     *                              weights do not fit the network the card describes
     */
    public static BundleClassifier load(ModelBundle bundle) throws ModelFormatException {
        if (!NetworkTrainer.WEIGHTS_FORMAT.equals(bundle.weightsFormat())) {
            throw new ModelFormatException("the model's weights are in format '" + bundle.weightsFormat()
                    + "'; this classifier reads '" + NetworkTrainer.WEIGHTS_FORMAT + "'");
        }
        ModelCard card = bundle.card();
        Architecture architecture = Architecture.forCardName(card.architecture());
        Engine engine = DjlEngine.configure();
        Block block;
        try {
            block = architecture.build(card.hyperParameters(), card.labels().size(), layout(card));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the model card's hyper-parameters are invalid: " + e.getMessage(), e);
        }
        Model model = Model.newInstance("ser4j-" + architecture.cardName(), engine.defaultDevice(),
                engine.getEngineName());
        try {
            model.setBlock(block);
            // Initialise first: a block that was only loaded has no input description (djl-offline.md, pitfall 2).
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, card.normalisation().dimensions()));
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bundle.weights()))) {
                block.loadParameters(model.getNDManager(), in);
            }
            return new BundleClassifier(card, model);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelFormatException("the model's weights do not fit the " + architecture.cardName()
                    + " network its card describes: " + e.getMessage(), e);
        }
    }

    /** How the model reads its input. */
    static InputLayout layout(ModelCard card) {
        return InputLayout.of(card.featureSet(), card.featureConfig(), card.normalisation().dimensions());
    }

    /** The card of the loaded model. */
    @Override
    public ModelCard card() {
        return card;
    }

    /** The classes, in the order of {@link #probabilities(float[])}. */
    @Override
    public List<Emotion> labels() {
        return card.labels();
    }

    /**
     * Class probabilities for one raw (not yet standardised) feature vector.
     *
     * @return one probability per label, in {@link #labels()} order, summing to 1
     * @throws IllegalArgumentException if the vector's length is not the model's
     * @throws IllegalStateException    if the classifier is closed or the engine fails
     */
    public float[] probabilities(float[] features) {
        if (closed) {
            throw new IllegalStateException("the classifier is closed");
        }
        if (features.length != normalisation.dimensions()) {
            throw new IllegalArgumentException("the model reads " + normalisation.dimensions()
                    + " feature values, got " + features.length);
        }
        try {
            return predictor.get().predict(features);
        } catch (TranslateException e) {
            throw new IllegalStateException("the engine failed to run the model: " + e.getMessage(), e);
        }
    }

    /**
     * Class probabilities for one clip's features: sequences are cropped or padded to the model's frames as in
     * training ({@link InputLayout#toRow(Features)}).
     *
     * @throws IllegalArgumentException if the features are not the set or shape the model reads
     */
    @Override
    public float[] probabilities(Features features) {
        return probabilities(row(features));
    }

    /**
     * Class probabilities for many clips' features at once (one engine call, faster than one by one).
     *
     * @throws IllegalArgumentException if some features are not the set or shape the model reads
     */
    @Override
    public List<float[]> probabilitiesOfClips(List<Features> features) {
        return probabilities(features.stream().map(this::row).toList());
    }

    private float[] row(Features features) {
        if (features.set() != card.featureSet()) {
            throw new IllegalArgumentException("the model reads " + card.featureSet() + " features, got "
                    + features.set());
        }
        return layout.toRow(features);
    }

    /**
     * Class probabilities for many raw feature rows at once (one engine call per batch, faster than one by one).
     *
     * @throws IllegalArgumentException if a row's length is not the model's
     */
    public List<float[]> probabilities(List<float[]> rows) {
        if (closed) {
            throw new IllegalStateException("the classifier is closed");
        }
        for (float[] r : rows) {
            if (r.length != normalisation.dimensions()) {
                throw new IllegalArgumentException("the model reads " + normalisation.dimensions()
                        + " feature values, got " + r.length);
            }
        }
        try {
            return predictor.get().batchPredict(rows);
        } catch (TranslateException e) {
            throw new IllegalStateException("the engine failed to run the model: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        predictors.forEach(Predictor::close);
        predictors.clear();
        model.close();
    }

    /** Standardised vector in, softmax of the logits out. */
    private record ProbabilityTranslator(Normalisation normalisation) implements Translator<float[], float[]> {
        @Override
        public NDList processInput(TranslatorContext ctx, float[] input) {
            return new NDList(ctx.getNDManager().create(normalisation.apply(input)));
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList list) {
            return list.singletonOrThrow().softmax(-1).toFloatArray();
        }

        @Override
        public Batchifier getBatchifier() {
            return Batchifier.STACK;
        }
    }
}
