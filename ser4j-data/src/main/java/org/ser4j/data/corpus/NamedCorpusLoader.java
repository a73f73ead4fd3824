package org.ser4j.data.corpus;

import java.nio.file.Path;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The part every built-in loader shares: the audio-extension check, the NFC file-name stem, and reasons worded
 * the same way ("named like RAVDESS (MM-VV-EE-II-SS-RR-AA), but ...").
 */
abstract class NamedCorpusLoader implements CorpusLoader {
    private final String corpus;
    private final String language;
    private final String naming;

    /**
     * @param naming the documented naming, shown in reasons ("MM-VV-EE-II-SS-RR-AA")
     */
    NamedCorpusLoader(String corpus, String language, String naming) {
        this.corpus = corpus;
        this.language = language;
        this.naming = naming;
    }

    @Override
    public final String corpus() {
        return corpus;
    }

    @Override
    public final String language() {
        return language;
    }

    @Override
    public final ParseResult parse(Path path) {
        Objects.requireNonNull(path, "path");
        if (!AudioFiles.isAudio(path)) {
            return new ParseResult.NotThisCorpus("not an audio file name: the extension '" + AudioFiles.extension(path)
                    + "' is none of " + new TreeSet<>(AudioFiles.AUDIO_EXTENSIONS));
        }
        return parseName(AudioFiles.stem(path), path);
    }

    /** Parses a file whose extension is audio; {@code stem} is its NFC name without extension. */
    abstract ParseResult parseName(String stem, Path path);

    /** A new clip of this corpus for {@code path}. */
    final ClipDraft draft(Path path) {
        return new ClipDraft(path, corpus, language);
    }

    /** The name has this corpus's shape, but {@code what} is wrong. */
    final ParseResult invalid(String what) {
        return new ParseResult.Invalid("named like " + corpus + " (" + naming + "), but " + what);
    }

    /** The name is not this corpus's. */
    final ParseResult notThisCorpus() {
        return new ParseResult.NotThisCorpus("not named like " + corpus + " (" + naming + ")");
    }
}
