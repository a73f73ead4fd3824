package org.ser4j.core.vad;

import static org.ser4j.core.vad.Samples.requireNonNegativeFinite;
import static org.ser4j.core.vad.Samples.requirePositiveFinite;

/**
 * Every parameter of the {@link EnergyVad}. Durations are in seconds and converted to samples at the
 * recording's rate; levels are in dB relative to a full-scale signal (a DC-free signal of mean square 1 is
 * 0 dBFS).
 *
 * <p>Build variants with {@link #builder()} or {@link #toBuilder()}: every setting is optional.
 *
 * @param frameSeconds         analysis frame length (default 0.030, the usual 30 ms speech frame)
 * @param hopSeconds           frame hop, at most the frame length (default 0.010)
 * @param thresholdDb          how far above the noise floor a frame must be to count as speech (default 12)
 * @param absoluteFloorDbfs    level a frame must also exceed to count as speech, so that a near-silent file
 *                             is not all "speech" (default -60). It is a compromise: -50 found no speech
 *                             in 13 of RAVDESS's first 200 clips (quiet takes peaking near -40 dBFS), -60
 *                             in 20 of all 1,440 and -70 in none, but at -70 quiet room noise right after
 *                             digital silence (which drags the adaptive floor down) is heard as speech
 * @param floorRiseDbPerSecond how fast the noise floor may rise when frames get louder (default 2); higher
 *                             follows rising noise sooner but erodes long unbroken speech sooner
 * @param minSpeechSeconds     unbroken speech frames needed to open a region (default 0.25); shorter clicks
 *                             are ignored
 * @param minSilenceSeconds    unbroken silence frames needed to close a region (default 0.30); shorter pauses
 *                             stay inside the region, so regions are never closer than this
 * @param paddingSeconds       added before and after each region, clamped to the recording (default 0.10)
 */
public record VadConfig(
        double frameSeconds,
        double hopSeconds,
        double thresholdDb,
        double absoluteFloorDbfs,
        double floorRiseDbPerSecond,
        double minSpeechSeconds,
        double minSilenceSeconds,
        double paddingSeconds) {

    /** Analysis frame length in seconds. */
    public static final double DEFAULT_FRAME_SECONDS = 0.030;
    /** Frame hop in seconds. */
    public static final double DEFAULT_HOP_SECONDS = 0.010;
    /** Margin above the noise floor, in dB. */
    public static final double DEFAULT_THRESHOLD_DB = 12.0;
    /** Absolute level a speech frame must exceed, in dBFS. */
    public static final double DEFAULT_ABSOLUTE_FLOOR_DBFS = -60.0;
    /** Fastest rise of the noise floor, in dB per second. */
    public static final double DEFAULT_FLOOR_RISE_DB_PER_SECOND = 2.0;
    /** Speech needed to open a region, in seconds. */
    public static final double DEFAULT_MIN_SPEECH_SECONDS = 0.25;
    /** Silence needed to close a region, in seconds. */
    public static final double DEFAULT_MIN_SILENCE_SECONDS = 0.30;
    /** Padding on each side of a region, in seconds. */
    public static final double DEFAULT_PADDING_SECONDS = 0.10;

    private static final VadConfig DEFAULTS = new Builder().build();

    public VadConfig {
        requirePositiveFinite(frameSeconds, "frame length");
        requirePositiveFinite(hopSeconds, "hop");
        if (hopSeconds > frameSeconds) {
            throw new IllegalArgumentException(
                    "hop must be at most the frame length " + frameSeconds + " s, was " + hopSeconds + " s");
        }
        requireNonNegativeFinite(thresholdDb, "threshold");
        if (!Double.isFinite(absoluteFloorDbfs)) {
            throw new IllegalArgumentException("absolute floor must be finite, was " + absoluteFloorDbfs);
        }
        requireNonNegativeFinite(floorRiseDbPerSecond, "floor rise");
        requireNonNegativeFinite(minSpeechSeconds, "minimum speech");
        requireNonNegativeFinite(minSilenceSeconds, "minimum silence");
        requireNonNegativeFinite(paddingSeconds, "padding");
    }

    /** The documented defaults. */
    public static VadConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link VadConfig}; every {@code opt...} setting starts from its documented default. */
    public static final class Builder {
        private double frameSeconds = DEFAULT_FRAME_SECONDS;
        private double hopSeconds = DEFAULT_HOP_SECONDS;
        private double thresholdDb = DEFAULT_THRESHOLD_DB;
        private double absoluteFloorDbfs = DEFAULT_ABSOLUTE_FLOOR_DBFS;
        private double floorRiseDbPerSecond = DEFAULT_FLOOR_RISE_DB_PER_SECOND;
        private double minSpeechSeconds = DEFAULT_MIN_SPEECH_SECONDS;
        private double minSilenceSeconds = DEFAULT_MIN_SILENCE_SECONDS;
        private double paddingSeconds = DEFAULT_PADDING_SECONDS;

        private Builder() {
        }

        private Builder(VadConfig c) {
            frameSeconds = c.frameSeconds;
            hopSeconds = c.hopSeconds;
            thresholdDb = c.thresholdDb;
            absoluteFloorDbfs = c.absoluteFloorDbfs;
            floorRiseDbPerSecond = c.floorRiseDbPerSecond;
            minSpeechSeconds = c.minSpeechSeconds;
            minSilenceSeconds = c.minSilenceSeconds;
            paddingSeconds = c.paddingSeconds;
        }

        /** Sets {@link VadConfig#frameSeconds()}. */
        public Builder optFrameSeconds(double value) {
            frameSeconds = value;
            return this;
        }

        /** Sets {@link VadConfig#hopSeconds()}. */
        public Builder optHopSeconds(double value) {
            hopSeconds = value;
            return this;
        }

        /** Sets {@link VadConfig#thresholdDb()}. */
        public Builder optThresholdDb(double value) {
            thresholdDb = value;
            return this;
        }

        /** Sets {@link VadConfig#absoluteFloorDbfs()}. */
        public Builder optAbsoluteFloorDbfs(double value) {
            absoluteFloorDbfs = value;
            return this;
        }

        /** Sets {@link VadConfig#floorRiseDbPerSecond()}. */
        public Builder optFloorRiseDbPerSecond(double value) {
            floorRiseDbPerSecond = value;
            return this;
        }

        /** Sets {@link VadConfig#minSpeechSeconds()}. */
        public Builder optMinSpeechSeconds(double value) {
            minSpeechSeconds = value;
            return this;
        }

        /** Sets {@link VadConfig#minSilenceSeconds()}. */
        public Builder optMinSilenceSeconds(double value) {
            minSilenceSeconds = value;
            return this;
        }

        /** Sets {@link VadConfig#paddingSeconds()}. */
        public Builder optPaddingSeconds(double value) {
            paddingSeconds = value;
            return this;
        }

        /** The configuration; throws {@link IllegalArgumentException} when a setting is out of range. */
        public VadConfig build() {
            return new VadConfig(frameSeconds, hopSeconds, thresholdDb, absoluteFloorDbfs, floorRiseDbPerSecond,
                    minSpeechSeconds, minSilenceSeconds, paddingSeconds);
        }
    }
}
