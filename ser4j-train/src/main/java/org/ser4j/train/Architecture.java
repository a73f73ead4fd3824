package org.ser4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.LSTM;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.model.ModelFormatException;

/**
 * The network architectures ser4j trains, by the name a model card stores. Each builds a DJL {@link Block}
 * that maps flat rows {@code (N, layout.size())} of standardised features to logits {@code (N, classes)},
 * reshaping them itself according to the {@link InputLayout}. Sizes are hyper-parameters with documented
 * defaults; {@link #resolve(Map)} fills in the defaults and rejects unknown keys.
 */
public enum Architecture {

    /**
     * Dense ReLU layers with dropout (not before the logits). {@code hidden} (256,256,64: the brief's network),
     * {@code dropout} 0.3. Any layout: it reads the flat row.
     */
    MLP("mlp", FeatureSet.SEED162, Map.of("hidden", "256,256,64", "dropout", "0.3")) {
        @Override
        Block network(Map<String, String> hp, int classes, InputLayout layout) {
            return denseHead(new SequentialBlock(), HyperParameters.positiveInts(hp, "hidden"),
                    HyperParameters.rate(hp, "dropout"), classes);
        }
    },

    /**
     * The brief's 1-D CNN: per {@code filters} entry a same-padded convolution of width {@code kernel} with
     * ReLU and a max-pool ({@code pool}, stride {@code pool_stride}), then {@code dense} ReLU units, dropout and
     * the logits. Defaults are the brief's Keras model on seed162: filters 256,256,128,64, kernel 5, pool 5
     * stride 2, dense 32, dropout 0.3. Its second variant reads ZCR+RMS frame sequences with filters 512,512,128,
     * pool 6, dense 256, dropout 0.4 ({@code --features zcr_rms --hp filters=512,512,128,pool=6,...}). A
     * vector is read as a one-channel sequence, a sequence with its channels as convolution channels.
     */
    CNN1D("cnn1d", FeatureSet.SEED162, Map.of("filters", "256,256,128,64", "kernel", "5", "pool", "5",
            "pool_stride", "2", "dense", "32", "dropout", "0.3")) {
        @Override
        Block network(Map<String, String> hp, int classes, InputLayout layout) {
            SequentialBlock net = new SequentialBlock().add(channelsFirst(layout));
            convolutions1d(net, hp);
            net.add(Blocks.batchFlattenBlock());
            return denseHead(net, List.of(HyperParameters.positiveInt(hp, "dense")),
                    HyperParameters.rate(hp, "dropout"), classes, true);
        }
    },

    /**
     * The brief's LSTM: one LSTM layer of {@code units} (256) over the sequence, its last output through
     * {@code dense} (64) ReLU units and dropout (0.2) to the logits. A vector is read as D steps of one value,
     * as the brief did with the seed162 vector.
     */
    LSTM_NET("lstm", FeatureSet.SEED162, Map.of("units", "256", "dense", "64", "dropout", "0.2")) {
        @Override
        Block network(Map<String, String> hp, int classes, InputLayout layout) {
            SequentialBlock net = new SequentialBlock().add(stepsFirst(layout));
            net.add(lstm(HyperParameters.positiveInt(hp, "units"))).add(lastStep());
            return denseHead(net, List.of(HyperParameters.positiveInt(hp, "dense")),
                    HyperParameters.rate(hp, "dropout"), classes, true);
        }
    },

    /**
     * The CNN+LSTM the brief deployed: the 1-D convolution stack ({@code filters} 64,128, kernel 5, pool 4
     * stride 2) shortens the sequence, an LSTM of {@code units} (128) reads it, and its last output goes through
     * {@code dense} (64) units and dropout (0.3) to the logits.
     */
    CNN_LSTM("cnn_lstm", FeatureSet.SEED162, Map.of("filters", "64,128", "kernel", "5", "pool", "4",
            "pool_stride", "2", "units", "128", "dense", "64", "dropout", "0.3")) {
        @Override
        Block network(Map<String, String> hp, int classes, InputLayout layout) {
            SequentialBlock net = new SequentialBlock().add(channelsFirst(layout));
            convolutions1d(net, hp);
            net.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().transpose(0, 2, 1)), "steps_first"));
            net.add(lstm(HyperParameters.positiveInt(hp, "units"))).add(lastStep());
            return denseHead(net, List.of(HyperParameters.positiveInt(hp, "dense")),
                    HyperParameters.rate(hp, "dropout"), classes, true);
        }
    },

    /**
     * The brief's 2-D CNN on the log-mel image: per {@code filters} entry a same-padded {@code kernel} x
     * {@code kernel} convolution, batch normalisation, ReLU and a 2x2 max-pool; then {@code dense} (256) units,
     * dropout (0.4) and the logits. The brief used filters 512,512,128 ({@code --hp filters=512,512,128}); the
     * default 32,64,128 trains about 50 times faster on a CPU and is what docs/results.md reports.
     */
    CNN2D("cnn2d", FeatureSet.LOGMEL_IMAGE, Map.of("filters", "32,64,128", "kernel", "5", "dense", "256",
            "dropout", "0.4")) {
        @Override
        Block network(Map<String, String> hp, int classes, InputLayout layout) {
            int h = layout.kind() == InputLayout.Kind.SEQUENCE ? layout.cols() : layout.rows();
            int w = layout.kind() == InputLayout.Kind.SEQUENCE ? layout.rows() : layout.cols();
            boolean transpose = layout.kind() == InputLayout.Kind.SEQUENCE;
            SequentialBlock net = new SequentialBlock().add(new LambdaBlock(x -> {
                NDArray a = x.singletonOrThrow();
                a = transpose ? a.reshape(-1, w, h).transpose(0, 2, 1) : a;
                return new NDList(a.reshape(-1, 1, h, w));
            }, "image"));
            int k = HyperParameters.positiveInt(hp, "kernel");
            for (int f : HyperParameters.positiveInts(hp, "filters")) {
                net.add(Conv2d.builder().setFilters(f).setKernelShape(new Shape(k, k))
                                .optPadding(new Shape(k / 2, k / 2)).build())
                        .add(BatchNorm.builder().build())
                        .add(Activation::relu)
                        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            }
            net.add(Blocks.batchFlattenBlock());
            return denseHead(net, List.of(HyperParameters.positiveInt(hp, "dense")),
                    HyperParameters.rate(hp, "dropout"), classes, true);
        }
    };

    private final String cardName;
    private final FeatureSet defaultFeatureSet;
    private final Map<String, String> defaults;

    Architecture(String cardName, FeatureSet defaultFeatureSet, Map<String, String> defaults) {
        this.cardName = cardName;
        this.defaultFeatureSet = defaultFeatureSet;
        this.defaults = Map.copyOf(defaults);
    }

    /** The name in model cards and on the command line, e.g. "cnn1d". */
    public String cardName() {
        return cardName;
    }

    /** The feature set this architecture reads unless told otherwise (the brief's choice). */
    public FeatureSet defaultFeatureSet() {
        return defaultFeatureSet;
    }

    /** Its hyper-parameters' defaults, sorted by key. */
    public Map<String, String> defaults() {
        return new TreeMap<>(defaults);
    }

    /**
     * The defaults overridden by {@code overrides}.
     *
     * @throws IllegalArgumentException if a key is not one of this architecture's
     */
    public Map<String, String> resolve(Map<String, String> overrides) {
        Map<String, String> out = new TreeMap<>(defaults);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!defaults.containsKey(e.getKey())) {
                throw new IllegalArgumentException("'" + e.getKey() + "' is not a hyper-parameter of " + cardName
                        + "; it has " + String.join(", ", new TreeMap<>(defaults).keySet()));
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /**
     * Builds an uninitialised block; keys that are not this architecture's (a card also records training
     * settings) are ignored.
     *
     * @param hyperParameters the architecture's hyper-parameters as a model card stores them
     * @param classes         number of outputs
     * @param layout          how the flat input row is to be read
     * @throws IllegalArgumentException if a hyper-parameter is missing or invalid
     */
    public Block build(Map<String, String> hyperParameters, int classes, InputLayout layout) {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least two classes, had " + classes);
        }
        return network(hyperParameters, classes, layout);
    }

    abstract Block network(Map<String, String> hp, int classes, InputLayout layout);

    /**
     * The architecture with this name.
     *
     * @throws ModelFormatException if no architecture has that name
     */
    public static Architecture forCardName(String name) throws ModelFormatException {
        for (Architecture a : values()) {
            if (a.cardName.equals(name.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new ModelFormatException("the model's architecture '" + name + "' is not one this ser4j can run; known: "
                + names());
    }

    /** All names, comma-separated, for messages and help. */
    public static String names() {
        return Arrays.stream(values()).map(Architecture::cardName).collect(Collectors.joining(", "));
    }

    private static Block denseHead(SequentialBlock net, List<Integer> hidden, float dropout, int classes) {
        return denseHead(net, hidden, dropout, classes, false);
    }

    /**
     * Dense ReLU layers, then the logits. Dropout follows every hidden layer but the last one unless
     * {@code dropoutLast}: the MLP keeps its bottleneck intact, the convolutional heads (Keras models of the brief)
     * put dropout right before the output.
     */
    private static Block denseHead(SequentialBlock net, List<Integer> hidden, float dropout, int classes,
            boolean dropoutLast) {
        for (int i = 0; i < hidden.size(); i++) {
            net.add(Linear.builder().setUnits(hidden.get(i)).build()).add(Activation::relu);
            if (dropout > 0 && (dropoutLast || i < hidden.size() - 1)) {
                net.add(Dropout.builder().optRate(dropout).build());
            }
        }
        return net.add(Linear.builder().setUnits(classes).build());
    }

    /** Same-padded 1-D convolutions, each with ReLU and a max-pool that roughly halves the length. */
    private static void convolutions1d(SequentialBlock net, Map<String, String> hp) {
        int k = HyperParameters.positiveInt(hp, "kernel");
        int pool = HyperParameters.positiveInt(hp, "pool");
        int stride = HyperParameters.positiveInt(hp, "pool_stride");
        for (int f : HyperParameters.positiveInts(hp, "filters")) {
            net.add(Conv1d.builder().setFilters(f).setKernelShape(new Shape(k)).optPadding(new Shape(k / 2)).build())
                    .add(Activation::relu)
                    .add(Pool.maxPool1dBlock(new Shape(pool), new Shape(stride), new Shape(pool / 2)));
        }
    }

    /** Flat rows to {@code (N, channels, steps)}. */
    private static Block channelsFirst(InputLayout layout) {
        int c = layout.sequenceChannels();
        int l = layout.sequenceLength();
        boolean frameMajor = layout.kind() == InputLayout.Kind.SEQUENCE;
        return new LambdaBlock(x -> {
            NDArray a = x.singletonOrThrow();
            return new NDList(frameMajor ? a.reshape(-1, l, c).transpose(0, 2, 1) : a.reshape(-1, c, l));
        }, "channels_first");
    }

    /** Flat rows to {@code (N, steps, channels)}. */
    private static Block stepsFirst(InputLayout layout) {
        int c = layout.sequenceChannels();
        int l = layout.sequenceLength();
        boolean frameMajor = layout.kind() == InputLayout.Kind.SEQUENCE;
        return new LambdaBlock(x -> {
            NDArray a = x.singletonOrThrow();
            return new NDList(frameMajor ? a.reshape(-1, l, c) : a.reshape(-1, c, l).transpose(0, 2, 1));
        }, "steps_first");
    }

    private static Block lstm(int units) {
        return LSTM.builder().setStateSize(units).setNumLayers(1).optBatchFirst(true).optReturnState(false).build();
    }

    private static Block lastStep() {
        return new LambdaBlock(x -> new NDList(x.singletonOrThrow().get(":, -1, :")), "last_step");
    }
}
