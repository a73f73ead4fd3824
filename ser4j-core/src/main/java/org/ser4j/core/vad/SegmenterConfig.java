package org.ser4j.core.vad;

import static org.ser4j.core.vad.Samples.requirePositiveFinite;

/**
 * Window length and hop of the {@link Segmenter}.
 *
 * @param windowSeconds length of each segment (default 3.0, about one emotional-speech utterance)
 * @param hopSeconds    step between segment starts, positive and at most the window (default 1.5, i.e. 50 %
 *                      overlap)
 */
public record SegmenterConfig(double windowSeconds, double hopSeconds) {

    /** Segment length in seconds. */
    public static final double DEFAULT_WINDOW_SECONDS = 3.0;
    /** Step between segments in seconds. */
    public static final double DEFAULT_HOP_SECONDS = 1.5;

    private static final SegmenterConfig DEFAULTS = new SegmenterConfig(DEFAULT_WINDOW_SECONDS, DEFAULT_HOP_SECONDS);

    public SegmenterConfig {
        requirePositiveFinite(windowSeconds, "window");
        requirePositiveFinite(hopSeconds, "hop");
        if (hopSeconds > windowSeconds) {
            throw new IllegalArgumentException(
                    "hop must be at most the window " + windowSeconds + " s, was " + hopSeconds + " s");
        }
    }

    /** The documented defaults: 3 s windows every 1.5 s. */
    public static SegmenterConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SegmenterConfig}; both settings start from their defaults. */
    public static final class Builder {
        private double windowSeconds = DEFAULT_WINDOW_SECONDS;
        private double hopSeconds = DEFAULT_HOP_SECONDS;

        private Builder() {
        }

        /** Sets {@link SegmenterConfig#windowSeconds()}. */
        public Builder optWindowSeconds(double value) {
            windowSeconds = value;
            return this;
        }

        /** Sets {@link SegmenterConfig#hopSeconds()}. */
        public Builder optHopSeconds(double value) {
            hopSeconds = value;
            return this;
        }

        /** The configuration; throws {@link IllegalArgumentException} when a setting is out of range. */
        public SegmenterConfig build() {
            return new SegmenterConfig(windowSeconds, hopSeconds);
        }
    }
}
