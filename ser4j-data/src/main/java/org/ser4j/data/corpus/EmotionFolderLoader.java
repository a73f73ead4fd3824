package org.ser4j.data.corpus;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.ser4j.core.Emotion;

/**
 * Users' own data laid out one folder per emotion: {@code DIR/<emotion>/*.wav}, or
 * {@code DIR/<emotion>/<speaker>/*.wav} with a speaker level. The emotion folder's name must be one
 * {@link Emotion#parse(String)} knows ("angry", "Anger", "happiness", ...); the clips' corpus is the name of
 * {@code DIR}, their language "und" and their gender unknown.
 *
 * <p>Without a speaker level every clip of {@code DIR} gets the one speaker "DIR:unknown", which makes
 * speaker-grouped splits meaningless (the whole folder is one group); a scan warns about it. A scan offers files
 * to this loader last, so it never takes a file a corpus loader recognises or refuses.
 */
public final class EmotionFolderLoader implements CorpusLoader {

    /** The id this loader reports; its clips are named after their {@code DIR} instead. */
    public static final String ID = "emotion-folders";

    /** The local speaker id of clips without a speaker level. */
    public static final String UNKNOWN_SPEAKER = "unknown";

    /** The corpus of clips whose emotion folder sits at the file-system root. */
    private static final String NO_PARENT = "folders";

    /** The loader. */
    public EmotionFolderLoader() {
    }

    @Override
    public String corpus() {
        return ID;
    }

    @Override
    public String language() {
        return "und";
    }

    @Override
    public ParseResult parse(Path path) {
        Objects.requireNonNull(path, "path");
        if (!AudioFiles.isAudio(path)) {
            return new ParseResult.NotThisCorpus("not an audio file name");
        }
        String parent = AudioFiles.folder(path, 1);
        Optional<Emotion> emotion = Emotion.parse(parent);
        if (emotion.isPresent()) {
            return clip(path, AudioFiles.folder(path, 2), parent, emotion.get(), UNKNOWN_SPEAKER);
        }
        String grandparent = AudioFiles.folder(path, 2);
        emotion = Emotion.parse(grandparent);
        if (emotion.isPresent()) {
            return clip(path, AudioFiles.folder(path, 3), grandparent, emotion.get(), parent);
        }
        return new ParseResult.NotThisCorpus("neither its folder '" + parent + "' nor the one above, '" + grandparent
                + "', names an emotion");
    }

    private ParseResult clip(Path path, String dir, String label, Emotion emotion, String speaker) {
        String corpus = dir.isBlank() ? NO_PARENT : dir.strip();
        return new ClipDraft(path, corpus, language())
                .speaker(speaker)
                .label(label.strip(), Optional.of(emotion))
                .parsed();
    }
}
