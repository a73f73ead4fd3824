package org.ser4j.server;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.recognizer.NoSpeechException;

/**
 * An answer other than 200, as the API's one JSON error shape: {@code {"status":..,"error":..,"message":..}}.
 * {@link #of(Throwable)} is the one place where failures become HTTP statuses.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The message of every 500: the details go to the log, never to the client. */
    static final String INTERNAL_MESSAGE = "internal error; it has been logged";

    private final int status;
    private final String error;

    ApiException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    static ApiException tooLarge(String message) {
        return new ApiException(413, "payload_too_large", message);
    }

    static ApiException busy(String message) {
        return new ApiException(503, "busy", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    static ApiException methodNotAllowed(String message) {
        return new ApiException(405, "method_not_allowed", message);
    }

    static ApiException internal() {
        return new ApiException(500, "internal_error", INTERNAL_MESSAGE);
    }

    /**
     * The answer to a failure: domain exceptions by their kind, a timeout as 503, anything unexpected as 500
     * (the caller logs those: {@link #isInternal()}).
     *
     * @param timeoutSeconds the request timeout, for the message of a timed-out request
     */
    static ApiException of(Throwable failure, double timeoutSeconds) {
        Throwable t = unwrap(failure);
        if (t instanceof ApiException api) {
            return api;
        }
        if (t instanceof NoSpeechException) {
            return new ApiException(422, "no_speech", t.getMessage());
        }
        if (t instanceof AudioDecodeException decode) {
            return switch (decode.problem()) {
                case UNSUPPORTED_FORMAT -> new ApiException(415, "unsupported_media_type", t.getMessage());
                case TOO_LONG -> tooLarge(t.getMessage());
                default -> badRequest("the audio cannot be decoded: " + t.getMessage());
            };
        }
        if (t instanceof TimeoutException || t instanceof CancellationException) {
            return busy(String.format(Locale.ROOT, "the recognition did not finish within %s s and was cancelled;"
                    + " try again later or send a shorter recording", seconds(timeoutSeconds)));
        }
        return internal();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String seconds(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    boolean isInternal() {
        return status == 500;
    }

    /** The JSON body. */
    Map<String, Object> body() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("status", status);
        o.put("error", error);
        o.put("message", getMessage());
        return o;
    }
}
