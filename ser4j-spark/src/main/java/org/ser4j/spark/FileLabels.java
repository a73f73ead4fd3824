package org.ser4j.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.ser4j.core.Emotion;
import org.ser4j.data.Clip;
import org.ser4j.data.corpus.CorpusLoader;
import org.ser4j.data.corpus.CorpusLoaders;
import org.ser4j.data.corpus.ParseResult;

/**
 * What is known about a file beyond its audio: the features table's corpus, speaker and label columns.
 *
 * @param corpus  the corpus id, null when unknown
 * @param speaker the speaker id (corpus-prefixed, as {@link Clip#speaker()}), null when unknown
 * @param label   the emotion as {@link Emotion#label()}, null when unknown or outside ser4j's vocabulary
 */
record FileLabels(String corpus, String speaker, String label) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Nothing known. */
    static final FileLabels UNKNOWN = new FileLabels(null, null, null);

    /** The loaders, built once per JVM: CREMA-D's reads its demographics table. */
    private static final class Loaders {
        static final List<CorpusLoader> STANDARD = CorpusLoaders.standard();
    }

    /** A clip's labels. */
    static FileLabels of(Clip clip) {
        return new FileLabels(clip.corpus(), clip.speaker(), clip.emotion().map(Emotion::label).orElse(null));
    }

    /**
     * The labels ser4j-data's corpus loaders read from a file's path (its name and folders, never its content), or
     * {@link #UNKNOWN} when no corpus is named like that.
     *
     * @param file a Hadoop path or URI; only its path part is read, so an archive on HDFS parses as on disk
     */
    static FileLabels fromName(String file) {
        Path path = Path.of(AudioSource.pathPart(file));
        return CorpusLoaders.parse(Loaders.STANDARD, path) instanceof ParseResult.Parsed p ? of(p.clip()) : UNKNOWN;
    }
}
