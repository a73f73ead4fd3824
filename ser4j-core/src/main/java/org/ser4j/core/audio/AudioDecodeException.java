package org.ser4j.core.audio;

import java.util.Objects;
import org.ser4j.core.Ser4jException;

/**
 * Audio could not be decoded: the bytes are not a supported format, or they are but are damaged.
 *
 * <p>{@link #problem()} says which, so callers can map it without parsing messages (the server answers
 * 415 for {@link Problem#UNSUPPORTED_FORMAT} and 400 for the rest).
 */
public class AudioDecodeException extends Ser4jException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Problem {
        /** The content is not one of the supported formats (see {@link UnsupportedFormatException}). */
        UNSUPPORTED_FORMAT,
        /** A supported container, but an encoding inside it that ser4j does not decode (e.g. A-law WAV). */
        UNSUPPORTED_ENCODING,
        /** Zero bytes, or a valid header with no audio at all. */
        EMPTY,
        /** The data ends before the header or a frame says it should. */
        TRUNCATED,
        /** Header or frame fields that cannot be true (zero rate, zero channels, negative sizes, ...). */
        MALFORMED,
        /** The audio is longer than the configured limit. */
        TOO_LONG
    }

    private final Problem problem;

    public AudioDecodeException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public AudioDecodeException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The kind of failure. */
    public Problem problem() {
        return problem;
    }
}
