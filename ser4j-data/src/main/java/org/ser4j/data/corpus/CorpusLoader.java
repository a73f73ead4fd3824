package org.ser4j.data.corpus;

import java.nio.file.Path;

/**
 * Parses the files of one corpus: each implementation knows one corpus's official layout and naming (and the
 * variants common mirrors use) and turns one audio file path into a {@link org.ser4j.data.Clip}.
 *
 * <p>Loaders only read the path (file name and, where the layout needs them, parent folder names), never the
 * file, so they are fast and can be tested on names alone. Implementations are immutable and thread-safe.
 * {@link CorpusLoaders#standard()} lists the built-in ones in the order a scan tries them.
 */
public interface CorpusLoader {

    /** The corpus id given to the clips ("RAVDESS", "CREMA-D", ...), also used as the speaker-id prefix. */
    String corpus();

    /** BCP 47 tag of the corpus's language ("en-US", "de", "fr-CA"; "und" when each clip's folder decides). */
    String language();

    /**
     * Parses one file path. Any audio extension in any case is accepted; the path need not exist.
     *
     * @return the clip (without its duration), or why the file is not one of this corpus's
     */
    ParseResult parse(Path path);
}
