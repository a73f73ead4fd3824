package org.ser4j.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.ser4j.core.Emotion;

/**
 * One labelled recording of a dataset.
 *
 * @param path            the audio file (absolute)
 * @param corpus          the corpus id ("RAVDESS", "EmoDB", ...; a user's manifest names its own)
 * @param speaker         speaker id, unique across corpora: prefixed with the corpus ("RAVDESS:07")
 * @param gender          the speaker's gender
 * @param language        BCP 47 language tag of the speech ("en-US", "de", "it", ...; "und" when unknown)
 * @param emotion         the label in ser4j's vocabulary, empty when the corpus label has no counterpart
 * @param label           the corpus's own label, always kept ("ps", "excited", "anxious", "W")
 * @param intensity       intensity where the name encodes it ("normal", "strong", "LO", "HI", ...)
 * @param textId          sentence or text id where the name encodes it
 * @param repetition      repetition or take number where the name encodes it
 * @param durationSeconds duration, once known (a scan reads it from the header)
 */
public record Clip(Path path, String corpus, String speaker, Gender gender, String language,
        Optional<Emotion> emotion, String label, Optional<String> intensity, Optional<String> textId,
        OptionalInt repetition, OptionalDouble durationSeconds) {

    public Clip {
        Objects.requireNonNull(path, "path");
        requireText(corpus, "corpus");
        requireText(speaker, "speaker");
        Objects.requireNonNull(gender, "gender");
        requireText(language, "language");
        Objects.requireNonNull(emotion, "emotion");
        requireText(label, "label");
        Objects.requireNonNull(intensity, "intensity");
        Objects.requireNonNull(textId, "textId");
        Objects.requireNonNull(repetition, "repetition");
        Objects.requireNonNull(durationSeconds, "durationSeconds");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** The same clip with its duration known. */
    public Clip withDuration(double seconds) {
        return new Clip(path, corpus, speaker, gender, language, emotion, label, intensity, textId, repetition,
                OptionalDouble.of(seconds));
    }

    /** The same clip with another label in the vocabulary (label mappings such as calm -> neutral). */
    public Clip withEmotion(Optional<Emotion> newEmotion) {
        return new Clip(path, corpus, speaker, gender, language, newEmotion, label, intensity, textId, repetition,
                durationSeconds);
    }
}
