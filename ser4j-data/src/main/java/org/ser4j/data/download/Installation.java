package org.ser4j.data.download;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link CorpusInstaller} did.
 *
 * @param corpus the catalogue name
 * @param folder where the corpus is
 * @param status whether this run installed it or found it installed
 * @param clips  how many clips the loaders found in it (as recorded in its marker when already installed)
 */
public record Installation(String corpus, Path folder, Status status, int clips) {

    /** Whether anything was done. */
    public enum Status {
        /** Fetched (or imported), verified, unpacked and moved into place by this run. */
        INSTALLED,
        /** Its marker was there: nothing was done. */
        ALREADY_INSTALLED
    }

    /** Validates the fields. */
    public Installation {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(status, "status");
        if (clips < 0) {
            throw new IllegalArgumentException("clips: expected >= 0, found " + clips);
        }
    }
}
