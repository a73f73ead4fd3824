package org.ser4j.data.download;

/** Told how far a download has come; called from the downloading thread. */
@FunctionalInterface
public interface DownloadProgress {

    /** Ignores progress. */
    DownloadProgress NONE = (file, done, total) -> { };

    /**
     * {@code done} bytes of {@code file} are on disk (a resumed download starts at what it had).
     *
     * @param total the file's size, or -1 when neither the catalogue nor the server says
     */
    void update(String file, long done, long total);
}
