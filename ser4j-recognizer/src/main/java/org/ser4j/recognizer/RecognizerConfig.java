package org.ser4j.recognizer;

/**
 * How an {@link EmotionRecognizer} reads recordings. Immutable; build with {@link #builder()}.
 *
 * @param windowSeconds  the model's window: a recording at most this long with one speech region is classified
 *                       whole; longer speech is cut into windows of this length. Default 4 s, long enough for a
 *                       typical acted utterance (RAVDESS and CREMA-D clips last 2.5 to 4 s) which is what the
 *                       model was trained on.
 * @param hopSeconds     the step between windows inside long speech, at most the window. Default 2 s (half
 *                       overlap), so each moment is heard in two windows.
 * @param minConfidence  the abstention threshold in [0, 1]: an estimate whose top probability is below it is
 *                       labelled {@value EmotionEstimate#UNCERTAIN}. Default 0: never abstain.
 * @param mergeAgreeing  whether neighbouring windows of one speech region with the same label merge into one
 *                       segment (default); without merging, every window is a segment of its own and they overlap
 */
public record RecognizerConfig(double windowSeconds, double hopSeconds, double minConfidence,
        boolean mergeAgreeing) {

    /** Default window length in seconds. */
    public static final double DEFAULT_WINDOW_SECONDS = 4.0;
    /** Default hop in seconds. */
    public static final double DEFAULT_HOP_SECONDS = 2.0;

    public RecognizerConfig {
        if (!(windowSeconds >= 0.5 && windowSeconds <= 60)) {
            throw new IllegalArgumentException("window must lie in [0.5, 60] s, was " + windowSeconds);
        }
        if (!(hopSeconds >= 0.1 && hopSeconds <= windowSeconds)) {
            throw new IllegalArgumentException("hop must lie in [0.1 s, window = " + windowSeconds + " s], was "
                    + hopSeconds);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minimum confidence must lie in [0, 1], was " + minConfidence);
        }
    }

    /** The defaults: 4 s windows every 2 s, no abstention, merging. */
    public static RecognizerConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().optWindowSeconds(windowSeconds).optHopSeconds(hopSeconds)
                .optMinConfidence(minConfidence).optMergeAgreeing(mergeAgreeing);
    }

    /** Builds a {@link RecognizerConfig}; values are checked by {@link #build()}. */
    public static final class Builder {
        private double windowSeconds = DEFAULT_WINDOW_SECONDS;
        private double hopSeconds = DEFAULT_HOP_SECONDS;
        private boolean hopSet;
        private double minConfidence;
        private boolean mergeAgreeing = true;

        private Builder() {
        }

        /** The model's window in seconds; the hop follows at half of it unless set. */
        public Builder optWindowSeconds(double value) {
            windowSeconds = value;
            return this;
        }

        /** The step between windows in seconds. */
        public Builder optHopSeconds(double value) {
            hopSeconds = value;
            hopSet = true;
            return this;
        }

        /** The abstention threshold in [0, 1]. */
        public Builder optMinConfidence(double value) {
            minConfidence = value;
            return this;
        }

        /** Whether agreeing neighbour windows merge. */
        public Builder optMergeAgreeing(boolean value) {
            mergeAgreeing = value;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming the value out of range
         */
        public RecognizerConfig build() {
            double hop = hopSet ? hopSeconds : Math.min(windowSeconds, DEFAULT_HOP_SECONDS * windowSeconds
                    / DEFAULT_WINDOW_SECONDS);
            return new RecognizerConfig(windowSeconds, hop, minConfidence, mergeAgreeing);
        }
    }
}
