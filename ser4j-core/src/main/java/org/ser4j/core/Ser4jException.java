package org.ser4j.core;

/**
 * The one checked exception of ser4j: something about the user's input or model file is wrong.
 *
 * <p>Its message is written for a person (what was expected, what was found) and is safe to show as is;
 * the CLI maps it to an exit code and the server to a 4xx response in one place each.
 */
public class Ser4jException extends Exception {
    private static final long serialVersionUID = 1L;

    public Ser4jException(String message) {
        super(message);
    }

    public Ser4jException(String message, Throwable cause) {
        super(message, cause);
    }
}
