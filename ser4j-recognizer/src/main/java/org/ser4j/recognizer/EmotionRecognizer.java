package org.ser4j.recognizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.Emotion;
import org.ser4j.core.Ser4jException;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.audio.PcmSource;
import org.ser4j.core.dsp.Resampler;
import org.ser4j.core.features.FeatureExtractor;
import org.ser4j.core.vad.EnergyVad;
import org.ser4j.core.vad.VoiceActivityDetector;
import org.ser4j.model.Classifier;
import org.ser4j.model.Classifiers;
import org.ser4j.model.ModelBundle;
import org.ser4j.model.ModelBundles;
import org.ser4j.model.ModelCard;
import org.ser4j.model.ModelFormatException;

/**
 * Recognises the emotion in recorded speech: decodes any supported audio file or stream at any rate, finds the
 * speech, and classifies it with a model bundle (the bundled default model unless told otherwise). A recording
 * up to one window long ({@link RecognizerConfig#windowSeconds()}) gets one answer; a longer one also gets a
 * timeline of segments and a summary, computed as a stream in bounded memory.
 *
 * <pre>{@code
 * try (EmotionRecognizer recognizer = EmotionRecognizer.loadDefault()) {
 *     Recognition result = recognizer.recognize(Path.of("call.mp3"));
 *     System.out.println(result.estimate().label() + " " + result.estimate().confidence());
 *     result.segments().forEach(s -> System.out.println(s.startSeconds() + " " + s.estimate().label()));
 * }
 * }</pre>
 *
 * <p>Thread-safe: one recogniser serves any number of threads at once (each call has its own state; the model
 * engine keeps one predictor per thread where it needs one). Close it when done to release the engine.
 */
public final class EmotionRecognizer implements AutoCloseable {

    /** Samples pushed through the pipeline at a time: 0.25 s at 16 kHz. */
    static final int BLOCK = 4096;

    private final Classifier classifier;
    private final FeatureExtractor extractor;
    private final VoiceActivityDetector vad;
    private final AudioDecoder decoder;
    private final RecognizerConfig config;
    private final int rate;

    private EmotionRecognizer(Builder builder, Classifier classifier) {
        this.classifier = classifier;
        ModelCard card = classifier.card();
        this.rate = card.sampleRate();
        this.extractor = FeatureExtractor.of(card.featureSet(), card.featureConfig());
        this.vad = builder.vad;
        this.config = builder.config;
        this.decoder = AudioDecoder.builder().optTargetSampleRate(rate)
                .optMaxDurationSeconds(builder.maxDurationSeconds).build();
    }

    /**
     * A recogniser on the bundled default model with default settings.
     *
     * @throws ModelFormatException if the bundled model cannot be read (a broken build)
     */
    public static EmotionRecognizer loadDefault() throws ModelFormatException {
        return builder().build();
    }

    /**
     * A recogniser on a model bundle file with default settings.
     *
     * @throws ModelFormatException if the file cannot be read, is not a ser4j model, or no installed engine
     *                              runs it
     */
    public static EmotionRecognizer load(Path model) throws ModelFormatException {
        return builder().optModel(model).build();
    }

    /** A builder: the default model, the energy VAD, {@link RecognizerConfig#defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The model's card: labels, features, metrics, provenance. */
    public ModelCard card() {
        return classifier.card();
    }

    /** The classes the model tells apart, in the order of the probabilities. */
    public List<Emotion> labels() {
        return classifier.labels();
    }

    /** The settings. */
    public RecognizerConfig config() {
        return config;
    }

    /** The rate audio is analysed at: the model's. */
    public int sampleRate() {
        return rate;
    }

    /**
     * Recognises an audio file (WAV, AIFF, FLAC, MP3, Ogg Vorbis, Opus; any rate and channel count).
     *
     * @throws IOException       if the file cannot be read
     * @throws Ser4jException    if it is not audio of a supported format ({@code AudioDecodeException} and its
     *                           subclasses), or holds no speech ({@link NoSpeechException})
     */
    public Recognition recognize(Path file) throws IOException, Ser4jException {
        return recognize(file, segment -> { });
    }

    /**
     * Recognises an audio file, handing each timeline segment to {@code onSegment} as soon as it is final: for an
     * hour-long recording the first segments arrive after seconds, not at the end.
     *
     * @throws IOException    if the file cannot be read
     * @throws Ser4jException if it is not audio of a supported format, or holds no speech
     */
    public Recognition recognize(Path file, Consumer<TimelineSegment> onSegment) throws IOException,
            Ser4jException {
        Objects.requireNonNull(file, "file");
        try (PcmSource source = decoder.openMono(file)) {
            return recognize(source, onSegment);
        }
    }

    /**
     * Recognises audio read from a stream (any supported format, detected from its bytes). The stream is read
     * to its end but not closed.
     *
     * @throws IOException    if the stream fails
     * @throws Ser4jException if it is not audio of a supported format, or holds no speech
     */
    public Recognition recognize(InputStream in) throws IOException, Ser4jException {
        return recognize(in, segment -> { });
    }

    /**
     * Recognises audio read from a stream, handing over timeline segments as they are final.
     *
     * @throws IOException    if the stream fails
     * @throws Ser4jException if it is not audio of a supported format, or holds no speech
     */
    public Recognition recognize(InputStream in, Consumer<TimelineSegment> onSegment) throws IOException,
            Ser4jException {
        Objects.requireNonNull(in, "in");
        PcmSource source = decoder.openMono(in);
        return recognize(source, onSegment);
    }

    /**
     * Recognises mono samples.
     *
     * @param pcm        samples in [-1, 1], not null
     * @param sampleRate their rate; resampled to the model's when different
     * @throws NoSpeechException if no speech is found
     */
    public Recognition recognize(float[] pcm, int sampleRate) throws NoSpeechException {
        if (pcm == null) {
            throw new IllegalArgumentException("pcm must not be null");
        }
        if (pcm.length == 0) {
            throw new IllegalArgumentException("pcm must hold at least one sample");
        }
        float[] samples = sampleRate == rate ? pcm : Resampler.resample(pcm, sampleRate, rate);
        Timeline timeline = timeline(segment -> { }, config);
        for (int at = 0; at < samples.length; at += BLOCK) {
            timeline.accept(samples, at, Math.min(BLOCK, samples.length - at));
        }
        return timeline.finish();
    }

    /**
     * Recognises a mono source at the model's rate ({@link #sampleRate()}) or any other (resampled), handing over
     * timeline segments as they are final. The source is read to its end, not closed.
     *
     * @throws IOException    if reading fails
     * @throws Ser4jException if the audio turns out damaged part-way, or holds no speech
     * @throws IllegalArgumentException if the source is not mono
     */
    public Recognition recognize(PcmSource source, Consumer<TimelineSegment> onSegment) throws IOException,
            Ser4jException {
        return recognize(source, config.minConfidence(), onSegment);
    }

    /**
     * As {@link #recognize(PcmSource, Consumer)} with another abstention threshold for this call only (a server
     * shares one recogniser among requests that each choose their own): the timeline is cut, merged and
     * summarised with that threshold, exactly as a recogniser built with it would.
     *
     * @param minConfidence the threshold in [0, 1]; 0 never abstains
     * @throws IOException    if reading fails
     * @throws Ser4jException if the audio turns out damaged part-way, or holds no speech
     * @throws IllegalArgumentException if the source is not mono or the threshold is out of range
     */
    public Recognition recognize(PcmSource source, double minConfidence, Consumer<TimelineSegment> onSegment)
            throws IOException, Ser4jException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(onSegment, "onSegment");
        if (source.info().channels() != 1) {
            throw new IllegalArgumentException("the source must be mono, has " + source.info().channels()
                    + " channels");
        }
        int sourceRate = source.info().sampleRate();
        Resampler.Stream resampler = sourceRate == rate ? null : new Resampler.Stream(sourceRate, rate);
        RecognizerConfig callConfig = minConfidence == config.minConfidence() ? config
                : config.toBuilder().optMinConfidence(minConfidence).build();
        Timeline timeline = timeline(onSegment, callConfig);
        float[] block = new float[BLOCK];
        int n;
        while ((n = source.read(block, BLOCK)) >= 0) {
            if (resampler == null) {
                timeline.accept(block, 0, n);
            } else {
                float[] out = resampler.process(block, 0, n);
                timeline.accept(out, 0, out.length);
            }
        }
        if (resampler != null) {
            float[] tail = resampler.flush();
            timeline.accept(tail, 0, tail.length);
        }
        return timeline.finish();
    }

    /**
     * The model's answer on a clip as it is: no voice activity detection, no windows.
     *
     * @param clip mono audio at any rate (resampled to the model's), at least one analysis frame long
     */
    public EmotionEstimate classify(PcmAudio clip) {
        PcmAudio audio = clip.sampleRate() == rate ? clip : Resampler.resample(clip, rate);
        return EmotionEstimate.of(labels(), score(audio.samples()), config.minConfidence());
    }

    /**
     * A live session: push blocks of a never-ending mono stream at {@code inputRate} (a microphone) and receive
     * one {@link LiveResult} per hop, each about the last {@code windowSeconds}.
     *
     * @param inputRate     the rate of the samples pushed; resampled to the model's
     * @param windowSeconds the audio each result is about, in [0.5, 60]
     * @param hopSeconds    the time between results, in (0, window]
     */
    public LiveSession live(int inputRate, double windowSeconds, double hopSeconds) {
        return new LiveSession(this, inputRate, windowSeconds, hopSeconds);
    }

    VoiceActivityDetector vad() {
        return vad;
    }

    /** Class probabilities of samples at the model's rate. */
    double[] score(float[] samples) {
        float[] p = classifier.probabilities(extractor.extract(new PcmAudio(samples, rate)));
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i];
        }
        return out;
    }

    private Timeline timeline(Consumer<TimelineSegment> onSegment, RecognizerConfig with) {
        return new Timeline(rate, labels(), with, this::score, vad.stream(rate), onSegment);
    }

    /** Releases the model engine. */
    @Override
    public void close() {
        classifier.close();
    }

    /** Builds an {@link EmotionRecognizer}. */
    public static final class Builder {
        private Path model;
        private ModelBundle bundle;
        private RecognizerConfig config = RecognizerConfig.defaults();
        private VoiceActivityDetector vad = new EnergyVad();
        private double maxDurationSeconds = AudioDecoder.DEFAULT_MAX_DURATION_SECONDS;

        private Builder() {
        }

        /** A model bundle file instead of the bundled default model. */
        public Builder optModel(Path file) {
            this.model = Objects.requireNonNull(file, "file");
            this.bundle = null;
            return this;
        }

        /** A model bundle already read instead of the bundled default model. */
        public Builder optBundle(ModelBundle value) {
            this.bundle = Objects.requireNonNull(value, "bundle");
            this.model = null;
            return this;
        }

        /** Window, hop, abstention threshold and merging. */
        public Builder optConfig(RecognizerConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** The voice-activity detector ({@link EnergyVad} by default; Silero VAD from ser4j-silero). */
        public Builder optVoiceActivityDetector(VoiceActivityDetector value) {
            this.vad = Objects.requireNonNull(value, "vad");
            return this;
        }

        /** The longest recording accepted, in seconds (3 hours by default); longer ones are refused. */
        public Builder optMaxDurationSeconds(double seconds) {
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("maximum duration must be positive, was " + seconds);
            }
            this.maxDurationSeconds = seconds;
            return this;
        }

        /**
         * The recogniser.
         *
         * @throws ModelFormatException if the model is not a ser4j model or no installed engine runs it
         */
        public EmotionRecognizer build() throws ModelFormatException {
            ModelBundle chosen;
            try {
                chosen = bundle != null ? bundle : model != null ? ModelBundles.read(model)
                        : ModelBundles.readDefault();
            } catch (IOException e) {
                throw new ModelFormatException("cannot read the model " + (model != null ? model : "(bundled)")
                        + ": " + e.getMessage(), e);
            }
            return new EmotionRecognizer(this, Classifiers.load(chosen));
        }
    }
}
