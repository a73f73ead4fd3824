package org.ser4j.data.corpus;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.ser4j.core.Emotion;
import org.ser4j.data.Clip;
import org.ser4j.data.Gender;

/** Collects a clip's fields by name while a loader parses, instead of an eleven-argument constructor call. */
final class ClipDraft {
    private final Path path;
    private final String corpus;
    private final String language;
    private String speaker;
    private Gender gender = Gender.UNKNOWN;
    private Optional<Emotion> emotion = Optional.empty();
    private String label;
    private Optional<String> intensity = Optional.empty();
    private Optional<String> textId = Optional.empty();
    private OptionalInt repetition = OptionalInt.empty();

    ClipDraft(Path path, String corpus, String language) {
        this.path = path.toAbsolutePath();
        this.corpus = corpus;
        this.language = language;
    }

    /** The speaker's id within the corpus; the clip gets it prefixed with the corpus ("RAVDESS:07"). */
    ClipDraft speaker(String localId) {
        this.speaker = corpus + ":" + localId;
        return this;
    }

    ClipDraft gender(Gender value) {
        this.gender = value;
        return this;
    }

    /** The corpus's own label and its counterpart in the vocabulary (empty when it has none). */
    ClipDraft label(String corpusLabel, Optional<Emotion> value) {
        this.label = corpusLabel;
        this.emotion = value;
        return this;
    }

    ClipDraft intensity(String value) {
        this.intensity = Optional.of(value);
        return this;
    }

    ClipDraft textId(String value) {
        this.textId = Optional.of(value);
        return this;
    }

    ClipDraft repetition(int value) {
        this.repetition = OptionalInt.of(value);
        return this;
    }

    ParseResult parsed() {
        return new ParseResult.Parsed(new Clip(path, corpus, speaker, gender, language, emotion, label, intensity,
                textId, repetition, OptionalDouble.empty()));
    }
}
