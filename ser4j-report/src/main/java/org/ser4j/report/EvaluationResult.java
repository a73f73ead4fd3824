package org.ser4j.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ser4j.core.eval.ClassificationReport;

/**
 * What {@link EvaluationReport#write} wrote.
 *
 * @param page   the page, {@code OUT/}{@value EvaluationReport#PAGE}
 * @param files  every file written, the page last, in the order written
 * @param report the figures the files show
 */
public record EvaluationResult(Path page, List<Path> files, ClassificationReport report) {

    public EvaluationResult {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(report, "report");
        files = List.copyOf(files);
    }
}
