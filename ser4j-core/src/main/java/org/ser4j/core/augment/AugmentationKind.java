package org.ser4j.core.augment;

import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import org.ser4j.core.audio.PcmAudio;

/**
 * The transformations an {@link AugmentationPolicy} can apply, each with the one parameter a policy draws
 * for it. Spec strings name them in lower case ({@link #label()}).
 */
public enum AugmentationKind {
    /** White Gaussian noise at a signal-to-noise ratio in dB: {@link Augmentations#noise}. */
    NOISE("snr"),
    /** Delay (positive) or advance (negative) in seconds, zero-filled: {@link Augmentations#shift}. */
    SHIFT("seconds"),
    /** Speed-up factor, librosa's {@code rate}: {@link Augmentations#timeStretch}. */
    STRETCH("rate"),
    /** Pitch shift in semitones: {@link Augmentations#pitchShift}. */
    PITCH("semitones"),
    /** Gain in dB: {@link Augmentations#gain}. */
    GAIN("db");

    private final String parameter;

    AugmentationKind(String parameter) {
        this.parameter = parameter;
    }

    /** The name in spec strings: {@code name()} in lower case, e.g. {@code "noise"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name of the parameter in spec strings, e.g. {@code "snr"} for {@link #NOISE}. */
    public String parameter() {
        return parameter;
    }

    /**
     * The kind whose {@link #label()} is {@code label}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the expected labels if none matches
     */
    public static AugmentationKind parse(String label) {
        if (label != null) {
            String l = label.strip();
            for (AugmentationKind k : values()) {
                if (k.label().equalsIgnoreCase(l)) {
                    return k;
                }
            }
        }
        throw new IllegalArgumentException("unknown augmentation '" + label + "'; expected one of "
                + Arrays.stream(values()).map(AugmentationKind::label).collect(Collectors.joining(", ")));
    }

    /**
     * This transformation of {@code clip} with its parameter set to {@code value} (seconds of shift are
     * rounded to whole samples); {@code rng} supplies the noise and is not used by the other kinds.
     *
     * @throws IllegalArgumentException if {@code value} is out of the primitive's domain
     */
    public PcmAudio apply(PcmAudio clip, double value, RandomGenerator rng) {
        return switch (this) {
            case NOISE -> Augmentations.noise(clip, value, rng);
            case SHIFT -> Augmentations.shift(clip, Augmentations.secondsToSamples(value, clip.sampleRate()));
            case STRETCH -> Augmentations.timeStretch(clip, value);
            case PITCH -> Augmentations.pitchShift(clip, value);
            case GAIN -> Augmentations.gain(clip, value);
        };
    }
}
