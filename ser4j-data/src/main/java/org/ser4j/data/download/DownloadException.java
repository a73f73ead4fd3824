package org.ser4j.data.download;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import org.ser4j.core.Ser4jException;

/**
 * Why fetching, checking or installing a corpus failed, as a message for a person and a {@link Problem} for code
 * (and tests) that must tell the failures apart.
 */
public final class DownloadException extends Ser4jException {
    private static final long serialVersionUID = 1L;

    /** The kinds of failure. */
    public enum Problem {
        /** The catalogue has no corpus of that name. */
        UNKNOWN_CORPUS,
        /** The corpus needs a registration or a request: it cannot be downloaded, only imported. */
        NOT_PUBLIC,
        /** The catalogue is missing or malformed. */
        CATALOGUE,
        /** The server could not be reached, or the connection failed more often than the retries allow. */
        NETWORK,
        /** The server answered with an error status. */
        HTTP,
        /** A file's SHA-256 or MD5 is not the catalogue's. */
        CHECKSUM,
        /** A file's size is not the catalogue's. */
        SIZE,
        /** An archive entry would land outside the target folder, or is a link or a device. */
        UNSAFE_ARCHIVE,
        /** An archive is not a readable zip or tar.gz. */
        CORRUPT_ARCHIVE,
        /** The disk is full. */
        DISK_FULL,
        /** The unpacked files are not laid out as the corpus's loader expects (no clip found). */
        LAYOUT,
        /** The target folder exists but was not installed by ser4j: it is never overwritten. */
        TARGET_EXISTS
    }

    private final Problem problem;

    /** A failure of the given kind. */
    public DownloadException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** A failure of the given kind with its cause. */
    public DownloadException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** What kind of failure this is. */
    public Problem problem() {
        return problem;
    }

    /** True when {@code e} says the disk is full (the JDK has no dedicated exception for it). */
    static boolean isDiskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains("no space left on device")) {
                return true;
            }
        }
        return false;
    }

    /** {@code e} as {@link Problem#DISK_FULL} when it says so, otherwise rethrown as is. */
    static IOException orDiskFull(IOException e, String writing) throws DownloadException {
        if (isDiskFull(e)) {
            throw new DownloadException(Problem.DISK_FULL, "no space left on the disk while writing " + writing
                    + ": free some space and run the command again (finished downloads are kept)", e);
        }
        return e;
    }
}
