package org.ser4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.core.eval.ClassificationReport;
import org.ser4j.core.eval.ConfusionMatrix;
import org.ser4j.data.manifest.Csv;

class ComparisonTableTest {

    @TempDir
    Path temp;

    private static final List<String> KEYS = List.of("architecture", "corpus", "protocol");

    /** Three folds: UA 0.5, 0.6, 0.7 (mean 0.6, sample std 0.1), WA 0.6 each (std 0), macro-F1 0.4, 0.5, 0.9. */
    private static ComparisonTable.Row mlp() {
        return new ComparisonTable.Row(List.of("mlp", "emodb", "loso"), List.of(
                new ComparisonTable.Fold("03", 50, 0.5, 0.6, 0.4),
                new ComparisonTable.Fold("08", 60, 0.6, 0.6, 0.5),
                new ComparisonTable.Fold("09", 40, 0.7, 0.6, 0.9)));
    }

    /** One fold, keys that need quoting in CSV and escaping in markdown. */
    private static ComparisonTable.Row odd() {
        return new ComparisonTable.Row(List.of("cnn, \"small\"", "a|b", "holdout"), List.of(
                new ComparisonTable.Fold("all", 100, 0.625, 0.75, 0.5)));
    }

    @Test
    void summariesMatchHandComputation() {
        ComparisonTable.Row r = mlp();
        assertEquals(0.6, r.ua().mean(), 1e-12);
        assertEquals(0.1, r.ua().std(), 1e-12, "sample std: sqrt((0.01 + 0 + 0.01) / 2)");
        assertEquals(0.6, r.wa().mean(), 1e-12);
        assertEquals(0.0, r.wa().std(), 1e-12);
        assertEquals(0.6, r.macroF1().mean(), 1e-12);
        // deviations -0.2, -0.1, 0.3: sqrt((0.04 + 0.01 + 0.09) / 2) = sqrt(0.07)
        assertEquals(Math.sqrt(0.07), r.macroF1().std(), 1e-12);
        assertEquals(3, r.ua().count());
        ComparisonTable.Summary one = odd().ua();
        assertEquals(0.625, one.mean());
        assertTrue(Double.isNaN(one.std()), "no spread from one fold");
    }

    @Test
    void summaryAgreesWithTheTextbookFormulaOnRandomValues() {
        Random random = new Random(7);
        double[] xs = new double[37];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = random.nextDouble();
        }
        double sum = 0;
        double squares = 0;
        for (double x : xs) {
            sum += x;
            squares += x * x;
        }
        double mean = sum / xs.length;
        double variance = (squares - xs.length * mean * mean) / (xs.length - 1);
        ComparisonTable.Summary s = ComparisonTable.Summary.of(xs);
        assertEquals(mean, s.mean(), 1e-12);
        assertEquals(Math.sqrt(variance), s.std(), 1e-9);
    }

    @Test
    void foldOfAReportTakesItsFigures() {
        ClassificationReport r = new ConfusionMatrix(List.of("a", "b")).accept("a", "a").accept("a", "b")
                .accept("b", "b").report();
        ComparisonTable.Fold f = ComparisonTable.Fold.of("f1", r);
        assertEquals(new ComparisonTable.Fold("f1", 3, r.ua(), r.wa(), r.macroF1()), f);
    }

    @Test
    void markdownShowsMeanPlusMinusStdAndADashForOneFold() {
        String md = new ComparisonTable(KEYS, List.of(mlp(), odd())).markdown();
        List<String> lines = md.lines().toList();
        assertEquals("| architecture | corpus | protocol | folds | UA % | WA % | macro-F1 % |", lines.get(0));
        assertEquals("|---|---|---|--:|--:|--:|--:|", lines.get(1));
        assertEquals("| mlp | emodb | loso | 3 | 60.0 ± 10.0 | 60.0 ± 0.0 | 60.0 ± 26.5 |", lines.get(2));
        assertEquals("| cnn, \"small\" | a\\|b | holdout | 1 | 62.5 ± – | 75.0 ± – | 50.0 ± – |", lines.get(3));
        assertTrue(md.contains("sample standard deviation (denominator folds − 1)"), md);
    }

    @Test
    void csvFilesHaveOneRowPerConfigurationAndPerFold() throws Exception {
        List<Path> files = new ComparisonTable(KEYS, List.of(mlp(), odd())).write(temp.resolve("exp"));
        assertEquals(List.of(ComparisonTable.MARKDOWN, ComparisonTable.CSV, ComparisonTable.FOLDS),
                files.stream().map(p -> p.getFileName().toString()).toList());
        String csv = Files.readString(files.get(1));
        List<Csv.Row> rows = Csv.read(new StringReader(csv), "comparison.csv");
        assertEquals(List.of("architecture", "corpus", "protocol", "folds", "ua_mean", "ua_std", "wa_mean", "wa_std",
                "macro_f1_mean", "macro_f1_std"), rows.get(0).fields());
        assertEquals(3, rows.size());
        assertEquals(List.of("mlp", "emodb", "loso", "3", "0.6", "0.1", "0.6", "0", "0.6", "0.264575"),
                rows.get(1).fields());
        assertEquals(List.of("cnn, \"small\"", "a|b", "holdout", "1", "0.625", "", "0.75", "", "0.5", ""),
                rows.get(2).fields());
        assertTrue(csv.contains("\n\"cnn, \"\"small\"\"\",a|b,"), "RFC 4180 quoting");

        List<Csv.Row> folds = Csv.read(new StringReader(Files.readString(files.get(2))), "folds.csv");
        assertEquals(List.of("architecture", "corpus", "protocol", "fold", "n", "ua", "wa", "macro_f1"),
                folds.get(0).fields());
        assertEquals(1 + 3 + 1, folds.size());
        assertEquals(List.of("mlp", "emodb", "loso", "08", "60", "0.6", "0.6", "0.5"), folds.get(2).fields());
        assertEquals(Files.readString(files.get(0)), new ComparisonTable(KEYS, List.of(mlp(), odd())).markdown());
    }

    @Test
    void rejectsMalformedTables() {
        assertThrows(IllegalArgumentException.class, () -> new ComparisonTable(List.of(), List.of(mlp())));
        assertThrows(IllegalArgumentException.class, () -> new ComparisonTable(KEYS, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ComparisonTable(List.of("model", "ua"),
                List.of(new ComparisonTable.Row(List.of("x", "y"), mlp().folds()))));
        assertThrows(IllegalArgumentException.class, () -> new ComparisonTable(List.of("a", "a"),
                List.of(new ComparisonTable.Row(List.of("x", "y"), mlp().folds()))));
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> new ComparisonTable(List.of("model"), List.of(mlp())));
        assertTrue(width.getMessage().contains("must have 1 keys"), width.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ComparisonTable(KEYS, List.of(mlp(), mlp())));
        assertThrows(IllegalArgumentException.class, () -> new ComparisonTable.Row(List.of("x"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ComparisonTable.Row(List.of("x"), List.of(
                new ComparisonTable.Fold("f", 1, 0.5, 0.5, 0.5), new ComparisonTable.Fold("f", 1, 0.5, 0.5, 0.5))));
        assertThrows(IllegalArgumentException.class, () -> new ComparisonTable.Fold("f", 1, 1.5, 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new ComparisonTable.Fold("f", -1, 0.5, 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> ComparisonTable.Summary.of(new double[0]));
    }
}
