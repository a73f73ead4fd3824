package org.ser4j.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ser4j.data.Clip;

/**
 * What {@link DatasetReport#write} wrote.
 *
 * @param index    the page, {@code OUT/index.html}
 * @param files    every file written, the page included, in the order written
 * @param examples the example clips illustrated, in page order
 * @param failures example clips that could not be illustrated (undecodable audio, say), each shown on the page
 *                 with its reason instead of pictures
 */
public record ReportResult(Path index, List<Path> files, List<Clip> examples, List<ExampleFailure> failures) {

    /** An example clip the report could not draw, and why. */
    public record ExampleFailure(Clip clip, String reason) {
        public ExampleFailure {
            Objects.requireNonNull(clip, "clip");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public ReportResult {
        Objects.requireNonNull(index, "index");
        files = List.copyOf(files);
        examples = List.copyOf(examples);
        failures = List.copyOf(failures);
    }
}
