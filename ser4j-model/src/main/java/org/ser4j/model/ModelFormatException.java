package org.ser4j.model;

import org.ser4j.core.Ser4jException;

/** A file is not a usable ser4j model bundle: not one at all, damaged, or from a newer format. */
public final class ModelFormatException extends Ser4jException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
