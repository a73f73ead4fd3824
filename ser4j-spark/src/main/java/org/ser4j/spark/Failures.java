package org.ser4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.ser4j.core.Ser4jException;

/** One-line, person-readable messages for the error column, worded as the ser4j command words them. */
final class Failures {

    private Failures() {
    }

    /** What went wrong with a file, in one line. */
    static String describe(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (t instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        String msg = t.getMessage();
        if (t instanceof Ser4jException || t instanceof IOException || t instanceof IllegalArgumentException) {
            return oneLine(msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg);
        }
        // A bug in ser4j, but one file's: the row says so and the other files go on.
        return oneLine("internal error (" + t.getClass().getName() + "): " + msg);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
