package org.ser4j.silero;

import java.util.Objects;
import org.ser4j.core.Ser4jException;

/**
 * The Silero VAD model could not be loaded or fetched. {@link #problem()} says why, so callers can react (offer a
 * download when the file is missing) without parsing messages; the message names the file or address.
 */
public class SileroModelException extends Ser4jException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Problem {
        /** No file at the given path, or a directory there. */
        NOT_FOUND,
        /** The file exists but ONNX Runtime cannot read it as a model. */
        NOT_ONNX,
        /** A valid ONNX model, but without Silero VAD's inputs and outputs. */
        NOT_SILERO,
        /** The download failed: HTTP error, connection failure or a local write error. */
        DOWNLOAD_FAILED,
        /** The downloaded bytes do not have the expected SHA-256. */
        CHECKSUM_MISMATCH
    }

    private final Problem problem;

    public SileroModelException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public SileroModelException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The kind of failure. */
    public Problem problem() {
        return problem;
    }
}
