package org.ser4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ser4j.data.Clip;
import org.ser4j.data.CorpusScanner;
import org.ser4j.data.Dataset;

/**
 * The report over all of {@code ../shared/corpora}, as {@code ser4j data scan} labels it, written to
 * {@code target/corpus-report} (or the folder in system property {@code ser4j.report.out}) so a person can
 * look at it.
 */
@Tag("corpus")
class CorpusReportTest {

    @Test
    void wholeCorporaReportWithNineExamples() throws Exception {
        String dir = System.getProperty("ser4j.shared");
        Path corpora = dir == null ? null : Path.of(dir, "corpora");
        assumeTrue(corpora != null && Files.isDirectory(corpora), "../shared/corpora not present");
        long t0 = System.nanoTime();
        Dataset dataset = CorpusScanner.defaults().scan(corpora).dataset();
        long t1 = System.nanoTime();
        DatasetReport report = DatasetReport.defaults();
        List<Clip> examples = report.defaultExamples(dataset);
        Path out = Path.of(System.getProperty("ser4j.report.out", "target/corpus-report"));
        ReportResult result = report.write(dataset, examples, out);
        long t2 = System.nanoTime();
        System.out.printf("corpus report: %d clips, %d unrecognised; scan %.2f s; report %.2f s (%d examples, %d files)"
                + " -> %s%n", dataset.size(), dataset.unrecognised().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                result.examples().size(), result.files().size(), result.index().toAbsolutePath());
        assertEquals(5843, dataset.size());
        assertEquals(9, examples.size(), "all nine emotions occur in these corpora");
        assertTrue(result.failures().isEmpty(), result.failures().toString());
    }
}
