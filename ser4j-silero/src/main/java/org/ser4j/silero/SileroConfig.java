package org.ser4j.silero;

/**
 * Every parameter of the {@link SileroVad}. The decision parameters are those of {@code get_speech_timestamps} in
 * the official Python package ({@code silero_vad/utils_vad.py}), with its defaults; durations are in seconds
 * (Python takes milliseconds) and become samples at the recording's rate exactly as there.
 *
 * <p>Build variants with {@link #builder()} or {@link #toBuilder()}: every setting is optional.
 *
 * @param threshold          speech probability at or above which a chunk opens speech (default 0.5, Python's)
 * @param negThreshold       probability below which a chunk counts as silence inside speech, at most the
 *                           threshold (default {@code max(threshold - 0.15, 0.01)}, Python's; follows the
 *                           threshold unless set)
 * @param minSpeechSeconds   regions closed by silence must be longer than this to be kept (default 0.25)
 * @param minSilenceSeconds  silence that ends a region (default 0.1)
 * @param speechPadSeconds   padding on each side of a region; neighbours closer than twice this share the gap
 *                           (default 0.03)
 * @param maxSpeechSeconds   regions longer than this are cut at their longest pause of more than 98 ms, or
 *                           else just before this length (default: infinite, never cut)
 * @param intraOpThreads     threads ONNX Runtime may use inside one model call (default 1, as the Python
 *                           wrapper; one thread leaves the other cores to the emotion classifier)
 */
public record SileroConfig(
        double threshold,
        double negThreshold,
        double minSpeechSeconds,
        double minSilenceSeconds,
        double speechPadSeconds,
        double maxSpeechSeconds,
        int intraOpThreads) {

    /** Speech probability threshold. */
    public static final double DEFAULT_THRESHOLD = 0.5;
    /** How far below the threshold the default negative threshold lies. */
    public static final double NEG_THRESHOLD_OFFSET = 0.15;
    /** Lowest default negative threshold. */
    public static final double MIN_DEFAULT_NEG_THRESHOLD = 0.01;
    /** Minimum kept speech, in seconds. */
    public static final double DEFAULT_MIN_SPEECH_SECONDS = 0.25;
    /** Silence that ends speech, in seconds. */
    public static final double DEFAULT_MIN_SILENCE_SECONDS = 0.1;
    /** Padding on each side, in seconds. */
    public static final double DEFAULT_SPEECH_PAD_SECONDS = 0.03;
    /** Longest region, in seconds: no limit. */
    public static final double DEFAULT_MAX_SPEECH_SECONDS = Double.POSITIVE_INFINITY;
    /** ONNX Runtime intra-op threads. */
    public static final int DEFAULT_INTRA_OP_THREADS = 1;

    private static final SileroConfig DEFAULTS = new Builder().build();

    public SileroConfig {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        if (!(negThreshold >= 0 && negThreshold <= threshold)) {
            throw new IllegalArgumentException(
                    "negative threshold must be in [0, threshold " + threshold + "], was " + negThreshold);
        }
        requireNonNegativeFinite(minSpeechSeconds, "minimum speech");
        requireNonNegativeFinite(minSilenceSeconds, "minimum silence");
        requireNonNegativeFinite(speechPadSeconds, "speech padding");
        if (!(maxSpeechSeconds > 0)) {
            throw new IllegalArgumentException("maximum speech must be positive (or infinite), was "
                    + maxSpeechSeconds);
        }
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intra-op threads must be at least 1, was " + intraOpThreads);
        }
    }

    private static void requireNonNegativeFinite(double value, String what) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be non-negative and finite seconds, was " + value);
        }
    }

    /** The negative threshold that goes with {@code threshold} unless set: Python's default. */
    public static double defaultNegThreshold(double threshold) {
        return Math.max(threshold - NEG_THRESHOLD_OFFSET, MIN_DEFAULT_NEG_THRESHOLD);
    }

    /** The documented defaults. */
    public static SileroConfig defaults() {
        return DEFAULTS;
    }

    /**
     * The settings for an emotion timeline: Silero's defaults, but pauses shorter than 0.3 s stay inside a region
     * and regions are padded by 0.1 s, as with the energy VAD. Silero's own 0.1 s minimum silence splits acted
     * sentences at their commas (12 EmoDB clips in a row gave 13 regions), and an emotion belongs to the sentence.
     */
    public static SileroConfig utterances() {
        return builder().optMinSilenceSeconds(0.3).optSpeechPadSeconds(0.1).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration; its negative threshold stays as set here. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link SileroConfig}; every {@code opt...} setting starts from its documented default. */
    public static final class Builder {
        private double threshold = DEFAULT_THRESHOLD;
        /** NaN until set, so that it follows the threshold. */
        private double negThreshold = Double.NaN;
        private double minSpeechSeconds = DEFAULT_MIN_SPEECH_SECONDS;
        private double minSilenceSeconds = DEFAULT_MIN_SILENCE_SECONDS;
        private double speechPadSeconds = DEFAULT_SPEECH_PAD_SECONDS;
        private double maxSpeechSeconds = DEFAULT_MAX_SPEECH_SECONDS;
        private int intraOpThreads = DEFAULT_INTRA_OP_THREADS;

        private Builder() {
        }

        private Builder(SileroConfig c) {
            threshold = c.threshold;
            negThreshold = c.negThreshold;
            minSpeechSeconds = c.minSpeechSeconds;
            minSilenceSeconds = c.minSilenceSeconds;
            speechPadSeconds = c.speechPadSeconds;
            maxSpeechSeconds = c.maxSpeechSeconds;
            intraOpThreads = c.intraOpThreads;
        }

        /** Sets {@link SileroConfig#threshold()}. */
        public Builder optThreshold(double value) {
            threshold = value;
            return this;
        }

        /** Sets {@link SileroConfig#negThreshold()}; unset, it is {@link #defaultNegThreshold} of the threshold. */
        public Builder optNegThreshold(double value) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("negative threshold must be a number, was NaN");
            }
            negThreshold = value;
            return this;
        }

        /** Sets {@link SileroConfig#minSpeechSeconds()}. */
        public Builder optMinSpeechSeconds(double value) {
            minSpeechSeconds = value;
            return this;
        }

        /** Sets {@link SileroConfig#minSilenceSeconds()}. */
        public Builder optMinSilenceSeconds(double value) {
            minSilenceSeconds = value;
            return this;
        }

        /** Sets {@link SileroConfig#speechPadSeconds()}. */
        public Builder optSpeechPadSeconds(double value) {
            speechPadSeconds = value;
            return this;
        }

        /** Sets {@link SileroConfig#maxSpeechSeconds()}; {@link Double#POSITIVE_INFINITY} for no limit. */
        public Builder optMaxSpeechSeconds(double value) {
            maxSpeechSeconds = value;
            return this;
        }

        /** Sets {@link SileroConfig#intraOpThreads()}. */
        public Builder optIntraOpThreads(int value) {
            intraOpThreads = value;
            return this;
        }

        /** The configuration; throws {@link IllegalArgumentException} when a setting is out of range. */
        public SileroConfig build() {
            double neg = Double.isNaN(negThreshold) ? defaultNegThreshold(threshold) : negThreshold;
            return new SileroConfig(threshold, neg, minSpeechSeconds, minSilenceSeconds, speechPadSeconds,
                    maxSpeechSeconds, intraOpThreads);
        }
    }
}
