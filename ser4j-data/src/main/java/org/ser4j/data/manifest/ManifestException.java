package org.ser4j.data.manifest;

import java.util.List;
import org.ser4j.core.Ser4jException;

/**
 * A manifest that cannot be read: no header with a path and an emotion column, or rows with bad fields. The
 * message lists the problems (up to {@link #MAX_LISTED}), each with its line number; {@link #problems()} has
 * them all.
 */
public final class ManifestException extends Ser4jException {
    private static final long serialVersionUID = 1L;

    /** How many problems the message lists. */
    public static final int MAX_LISTED = 20;

    private final List<String> problems;

    /**
     * @param source   the manifest's name, for the message
     * @param problems one sentence per problem, each starting with "line N:"
     */
    public ManifestException(String source, List<String> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, each starting with "line N:". */
    public List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        StringBuilder sb = new StringBuilder(source).append(": ")
                .append(problems.size() == 1 ? "1 problem" : problems.size() + " problems");
        for (String p : problems.subList(0, Math.min(MAX_LISTED, problems.size()))) {
            sb.append(System.lineSeparator()).append("  ").append(p);
        }
        if (problems.size() > MAX_LISTED) {
            sb.append(System.lineSeparator()).append("  ... and ").append(problems.size() - MAX_LISTED).append(" more");
        }
        return sb.toString();
    }
}
