package org.ser4j.core;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ser4j's one emotion vocabulary. Every corpus label maps onto it (or is kept as an extra label when it has no
 * counterpart, e.g. JL-Corpus's "anxious"); models, reports and the API speak only these names.
 */
public enum Emotion {
    /** No particular emotion expressed. */
    NEUTRAL,
    /** Calm (RAVDESS only); often mapped to neutral. */
    CALM,
    /** Happiness, joy. */
    HAPPY,
    /** Sadness. */
    SAD,
    /** Anger. */
    ANGRY,
    /** Fear, anxiety. */
    FEAR,
    /** Disgust. */
    DISGUST,
    /** Surprise (TESS's "pleasant surprise" included). */
    SURPRISE,
    /** Boredom (EmoDB only). */
    BOREDOM;

    /** Common spellings in corpora and users' files, mapped to the vocabulary. */
    private static final Map<String, Emotion> SYNONYMS = Map.ofEntries(
            Map.entry("neutral", NEUTRAL), Map.entry("calm", CALM),
            Map.entry("happy", HAPPY), Map.entry("happiness", HAPPY), Map.entry("joy", HAPPY),
            Map.entry("sad", SAD), Map.entry("sadness", SAD),
            Map.entry("angry", ANGRY), Map.entry("anger", ANGRY),
            Map.entry("fear", FEAR), Map.entry("fearful", FEAR),
            Map.entry("disgust", DISGUST), Map.entry("disgusted", DISGUST),
            Map.entry("surprise", SURPRISE), Map.entry("surprised", SURPRISE),
            Map.entry("boredom", BOREDOM), Map.entry("bored", BOREDOM));

    /** The lower-case name used in files, JSON and on the command line ("angry"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a label: the vocabulary's names and common synonyms ("anger", "happiness", "fearful",
     * "surprised", "bored"), case-insensitive, surrounding blanks ignored.
     *
     * @return the emotion, or empty when the label has no counterpart in the vocabulary
     */
    public static Optional<Emotion> parse(String label) {
        if (label == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(SYNONYMS.get(label.strip().toLowerCase(Locale.ROOT)));
    }
}
