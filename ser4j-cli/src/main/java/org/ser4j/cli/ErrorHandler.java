package org.ser4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.ser4j.core.Ser4jException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become messages and exit codes: a person sees one line saying what is wrong,
 * never a stack trace. Usage errors (exit 2) are picocli's own; everything else that escapes a command is
 * reported here.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    /** A user-caused failure: bad file, bad data, missing model. */
    static final int EXIT_FAILED = 1;
    /** A bug in ser4j: reported with its type so it can be filed. */
    static final int EXIT_INTERNAL = 70;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        cmd.getErr().println("ser4j: " + describe(ex));
        cmd.getErr().flush();
        return isUserError(ex) ? EXIT_FAILED : EXIT_INTERNAL;
    }

    /** Usage errors: the message and where to read more, not the whole usage text (exit 2). */
    static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("ser4j: " + ex.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr())) {
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        cmd.getErr().flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** A one-line, person-readable description of a failure, used for per-file errors too. */
    static String describe(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        if (t instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (t instanceof Ser4jException || t instanceof IOException || t instanceof IllegalArgumentException) {
            String msg = t.getMessage();
            return msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg;
        }
        return "internal error (" + t.getClass().getName() + "): " + t.getMessage()
                + "; please report it with the command line that caused it";
    }

    private static boolean isUserError(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        return t instanceof Ser4jException || t instanceof IOException || t instanceof IllegalArgumentException;
    }
}
