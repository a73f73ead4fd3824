package org.ser4j.silero;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ser4j.core.vad.VadStream;
import org.ser4j.core.vad.VoiceActivityDetector;

/**
 * Silero VAD (v6, MIT licence) run by ONNX Runtime, as a {@link VoiceActivityDetector}. It decides like
 * {@code get_speech_timestamps} of the official Python package, with the settings of a {@link SileroConfig}, but
 * streaming: see {@link #stream(int)}.
 *
 * <p>The model scores chunks of 32 ms (512 samples at 16 kHz, 256 at 8 kHz), each seen with the last 64 (32)
 * samples of the one before. Only 8 and 16 kHz are supported: the caller resamples other rates.
 *
 * <p>Thread-safe: one ONNX Runtime session, which may run concurrently, serves every stream; each stream keeps
 * its own recurrent state. {@link #close()} releases the session; streams must not be used afterwards.
 */
public final class SileroVad implements VoiceActivityDetector, AutoCloseable {

    /** The sample rates the model accepts. */
    public static final List<Integer> SUPPORTED_RATES = List.of(8_000, 16_000);

    /** Names and element types of the model's inputs and outputs, as the Python wrapper feeds and reads them. */
    private static final Map<String, OnnxJavaType> INPUTS =
            Map.of("input", OnnxJavaType.FLOAT, "state", OnnxJavaType.FLOAT, "sr", OnnxJavaType.INT64);
    private static final Map<String, OnnxJavaType> OUTPUTS =
            Map.of("output", OnnxJavaType.FLOAT, "stateN", OnnxJavaType.FLOAT);
    /** Shape of the recurrent state: two LSTM tensors, batch 1, 128 units. */
    private static final long[] STATE_SHAPE = {2, 1, 128};
    private static final int STATE_SIZE = 2 * 128;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final SileroConfig config;
    private final Path model;
    private volatile boolean closed;

    private SileroVad(OrtEnvironment environment, OrtSession session, SileroConfig config, Path model) {
        this.environment = environment;
        this.session = session;
        this.config = config;
        this.model = model;
    }

    /**
     * Loads the model with {@link SileroConfig#defaults()}.
     *
     * @param model the {@code silero_vad.onnx} file, not null (see {@link SileroModels})
     * @return the detector, to be closed
     * @throws SileroModelException if the file is missing, is not ONNX, or is not Silero VAD
     */
    public static SileroVad load(Path model) throws SileroModelException {
        return load(model, SileroConfig.defaults());
    }

    /**
     * Loads the model.
     *
     * @param model  the {@code silero_vad.onnx} file, not null (see {@link SileroModels})
     * @param config the settings, not null
     * @return the detector, to be closed
     * @throws SileroModelException if the file is missing, is not ONNX, or is not Silero VAD
     */
    public static SileroVad load(Path model, SileroConfig config) throws SileroModelException {
        if (model == null) {
            throw new IllegalArgumentException("model path must not be null");
        }
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        if (!Files.isRegularFile(model)) {
            throw new SileroModelException(SileroModelException.Problem.NOT_FOUND, "Silero VAD model "
                    + model.toAbsolutePath() + (Files.exists(model) ? " is not a regular file" : " does not exist")
                    + "; download it with SileroModels.download or point " + SileroModels.PROPERTY + " at it");
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(config.intraOpThreads());
            // One stream runs one chunk at a time, so threads between operators would only wait.
            options.setInterOpNumThreads(1);
            session = environment.createSession(model.toString(), options);
        } catch (OrtException e) {
            throw new SileroModelException(SileroModelException.Problem.NOT_ONNX, "Silero VAD model "
                    + model.toAbsolutePath() + " is not a readable ONNX model: " + e.getMessage(), e);
        }
        try {
            requireSileroSignature(session, model);
        } catch (SileroModelException | RuntimeException e) {
            closeQuietly(session, e);
            throw e;
        }
        return new SileroVad(environment, session, config, model);
    }

    private static void requireSileroSignature(OrtSession session, Path model) throws SileroModelException {
        Map<String, String> inputs;
        Map<String, String> outputs;
        try {
            inputs = describe(session.getInputInfo());
            outputs = describe(session.getOutputInfo());
        } catch (OrtException e) {
            throw new SileroModelException(SileroModelException.Problem.NOT_ONNX, "Silero VAD model "
                    + model.toAbsolutePath() + ": cannot read its inputs and outputs: " + e.getMessage(), e);
        }
        if (!matches(inputs, INPUTS) || !matches(outputs, OUTPUTS)) {
            throw new SileroModelException(SileroModelException.Problem.NOT_SILERO, "ONNX model "
                    + model.toAbsolutePath() + " is not Silero VAD: expected inputs " + new TreeMap<>(INPUTS)
                    + " and outputs " + new TreeMap<>(OUTPUTS) + ", found inputs " + inputs + " and outputs "
                    + outputs);
        }
    }

    /** Name to tensor element type (or the kind of a non-tensor value), sorted for the message. */
    private static Map<String, String> describe(Map<String, NodeInfo> nodes) {
        Map<String, String> described = new TreeMap<>();
        nodes.forEach((name, node) -> described.put(name, node.getInfo() instanceof TensorInfo tensor
                ? tensor.type.name() : node.getInfo().getClass().getSimpleName()));
        return described;
    }

    private static boolean matches(Map<String, String> found, Map<String, OnnxJavaType> expected) {
        return found.size() == expected.size() && expected.entrySet().stream()
                .allMatch(e -> e.getValue().name().equals(found.get(e.getKey())));
    }

    private static void closeQuietly(OrtSession session, Exception pending) {
        try {
            session.close();
        } catch (OrtException | RuntimeException e) {
            pending.addSuppressed(e);
        }
    }

    /** Samples per chunk the model scores at {@code sampleRate}: 32 ms. */
    static int chunkSamples(int sampleRate) {
        return sampleRate / 1000 * 32;
    }

    /** Samples of the previous chunk the model sees before each chunk: 4 ms. */
    static int contextSamples(int sampleRate) {
        return sampleRate / 1000 * 4;
    }

    /** The settings of this detector. */
    public SileroConfig config() {
        return config;
    }

    /** The model file this detector was loaded from. */
    public Path model() {
        return model;
    }

    /**
     * A streaming detection of a recording at {@code sampleRate}. A region is returned once no later audio can
     * change it: with the defaults, about 0.13 s after its speech ends. Memory stays bounded by one chunk.
     *
     * @param sampleRate 8000 or 16000
     * @return a new stream
     * @throws IllegalArgumentException for any other rate
     * @throws IllegalStateException    after {@link #close()}
     */
    @Override
    public VadStream stream(int sampleRate) {
        if (!SUPPORTED_RATES.contains(sampleRate)) {
            throw new IllegalArgumentException("Silero VAD works at " + SUPPORTED_RATES + " Hz, was " + sampleRate
                    + " Hz: resample first");
        }
        requireOpen();
        return new SileroVadStream(config, sampleRate, new OnnxScorer(sampleRate));
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("Silero VAD of " + model + " is closed");
        }
    }

    /** Releases the ONNX Runtime session; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("could not release the Silero VAD session of " + model, e);
        }
    }

    /** The model with one stream's recurrent state. */
    private final class OnnxScorer implements ChunkScorer {
        private final long sampleRate;
        private final float[] state = new float[STATE_SIZE];

        OnnxScorer(int sampleRate) {
            this.sampleRate = sampleRate;
        }

        @Override
        public float score(float[] window) {
            requireOpen();
            try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(window),
                        new long[] {1, window.length});
                 OnnxTensor stateIn = OnnxTensor.createTensor(environment, FloatBuffer.wrap(state), STATE_SHAPE);
                 OnnxTensor rate = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[] {sampleRate}),
                        new long[0]);
                 OrtSession.Result result = session.run(Map.of("input", input, "state", stateIn, "sr", rate))) {
                float probability = ((OnnxTensor) result.get("output").orElseThrow()).getFloatBuffer().get(0);
                ((OnnxTensor) result.get("stateN").orElseThrow()).getFloatBuffer().get(state);
                return probability;
            } catch (OrtException e) {
                throw new IllegalStateException("Silero VAD model " + model + " failed on a chunk: "
                        + e.getMessage(), e);
            }
        }
    }
}
