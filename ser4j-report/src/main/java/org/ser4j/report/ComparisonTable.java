package org.ser4j.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.ser4j.core.eval.ClassificationReport;

/**
 * The results of an experiment side by side: one row per configuration (architecture "mlp" on corpus "emodb"
 * under protocol "loso", say), each summarised over its folds as mean and sample standard deviation of UA, WA and
 * macro-F1. What {@code ser4j experiment} writes:
 * <ul>
 *   <li>{@value #MARKDOWN}: a markdown table, "UA %" as "63.2 ± 4.1", with the number of folds and a footer
 *       saying how the spread is computed;</li>
 *   <li>{@value #CSV}: one row per configuration, the key columns then {@code folds} and a mean and a std column
 *       per figure, as fractions (std empty with one fold);</li>
 *   <li>{@value #FOLDS}: one row per fold, the key columns then {@code fold,n,ua,wa,macro_f1}.</li>
 * </ul>
 *
 * <p>The standard deviation is the sample one (denominator folds - 1), the usual estimate of the spread across
 * folds; it does not exist for one fold, shown as "–" in markdown and an empty field in CSV.
 *
 * @param keyColumns names of the columns that identify a configuration ("architecture", "corpus", "protocol");
 *                   at least one, distinct, none named like a figure column
 * @param rows       the configurations, in table order; at least one, no two with the same keys
 */
public record ComparisonTable(List<String> keyColumns, List<Row> rows) {

    /** The markdown table. */
    public static final String MARKDOWN = "comparison.md";
    /** One row per configuration. */
    public static final String CSV = "comparison.csv";
    /** One row per fold. */
    public static final String FOLDS = "folds.csv";

    private static final List<String> SUMMARY_COLUMNS = List.of("folds", "ua_mean", "ua_std", "wa_mean", "wa_std",
            "macro_f1_mean", "macro_f1_std");
    private static final List<String> FOLD_COLUMNS = List.of("fold", "n", "ua", "wa", "macro_f1");
    /** Decimals of the fractions in the CSV files. */
    private static final int CSV_DECIMALS = 6;

    /**
     * The figures of one fold.
     *
     * @param name    the fold: the held-out speaker, "fold 3", ...
     * @param n       clips evaluated in the fold, at least 0
     * @param ua      unweighted accuracy, in [0, 1]
     * @param wa      weighted accuracy, in [0, 1]
     * @param macroF1 macro-F1, in [0, 1]
     */
    public record Fold(String name, long n, double ua, double wa, double macroF1) {
        public Fold {
            Objects.requireNonNull(name, "name");
            if (n < 0) {
                throw new IllegalArgumentException("fold '" + name + "': n must be >= 0, found " + n);
            }
            check(name, "UA", ua);
            check(name, "WA", wa);
            check(name, "macro-F1", macroF1);
        }

        private static void check(String fold, String what, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("fold '" + fold + "': " + what + " must lie in [0, 1], found "
                        + value);
            }
        }

        /** The figures of {@code report} as fold {@code name}. */
        public static Fold of(String name, ClassificationReport report) {
            return new Fold(name, report.n(), report.ua(), report.wa(), report.macroF1());
        }
    }

    /**
     * Mean and spread of one figure over folds.
     *
     * @param mean  the mean
     * @param std   the sample standard deviation (denominator {@code count - 1}); NaN for one fold
     * @param count the folds
     */
    public record Summary(double mean, double std, int count) {

        /** The summary of {@code values}, at least one. */
        public static Summary of(double[] values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("a summary needs at least one value, found none");
            }
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            double mean = sum / values.length;
            if (values.length == 1) {
                return new Summary(mean, Double.NaN, 1);
            }
            // Two passes: squared deviations from the mean, which stays accurate where sum-of-squares would not.
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            return new Summary(mean, Math.sqrt(squares / (values.length - 1)), values.length);
        }
    }

    /**
     * One configuration and its folds.
     *
     * @param keys  the values of the key columns, in their order
     * @param folds the folds; at least one, names distinct
     */
    public record Row(List<String> keys, List<Fold> folds) {
        public Row {
            keys = List.copyOf(keys);
            folds = List.copyOf(folds);
            if (folds.isEmpty()) {
                throw new IllegalArgumentException("configuration " + keys + " needs at least one fold, found none");
            }
            Set<String> names = new HashSet<>();
            for (Fold f : folds) {
                if (!names.add(f.name())) {
                    throw new IllegalArgumentException("configuration " + keys + " has fold '" + f.name()
                            + "' twice; fold names must be distinct");
                }
            }
        }

        /** UA over the folds. */
        public Summary ua() {
            return summary(Fold::ua);
        }

        /** WA over the folds. */
        public Summary wa() {
            return summary(Fold::wa);
        }

        /** Macro-F1 over the folds. */
        public Summary macroF1() {
            return summary(Fold::macroF1);
        }

        private Summary summary(ToDoubleFunction<Fold> figure) {
            return Summary.of(folds.stream().mapToDouble(figure).toArray());
        }
    }

    public ComparisonTable {
        keyColumns = List.copyOf(keyColumns);
        rows = List.copyOf(rows);
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one key column, found none");
        }
        Set<String> columns = new HashSet<>();
        for (String c : keyColumns) {
            if (c.isBlank() || SUMMARY_COLUMNS.contains(c) || FOLD_COLUMNS.contains(c) || !columns.add(c)) {
                throw new IllegalArgumentException("key column '" + c + "' must be non-blank, distinct and none of "
                        + SUMMARY_COLUMNS + " or " + FOLD_COLUMNS + "; key columns were " + keyColumns);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one configuration, found none");
        }
        Set<List<String>> seen = new HashSet<>();
        for (Row r : rows) {
            if (r.keys().size() != keyColumns.size()) {
                throw new IllegalArgumentException("configuration " + r.keys() + " must have " + keyColumns.size()
                        + " keys " + keyColumns + ", found " + r.keys().size());
            }
            if (!seen.add(r.keys())) {
                throw new IllegalArgumentException("configuration " + r.keys() + " appears twice");
            }
        }
    }

    /**
     * Writes {@value #MARKDOWN}, {@value #CSV} and {@value #FOLDS} into {@code outDir} (created when missing;
     * earlier files replaced).
     *
     * @return the three files, in that order
     */
    public List<Path> write(Path outDir) throws IOException {
        Objects.requireNonNull(outDir, "outDir");
        Files.createDirectories(outDir);
        Path md = outDir.resolve(MARKDOWN);
        Files.writeString(md, markdown(), StandardCharsets.UTF_8);

        List<String> header = new ArrayList<>(keyColumns);
        header.addAll(SUMMARY_COLUMNS);
        List<List<String>> lines = new ArrayList<>();
        for (Row r : rows) {
            List<String> line = new ArrayList<>(r.keys());
            line.add(Integer.toString(r.folds().size()));
            for (Summary s : List.of(r.ua(), r.wa(), r.macroF1())) {
                line.add(CsvFile.number(s.mean(), CSV_DECIMALS));
                line.add(CsvFile.number(s.std(), CSV_DECIMALS));
            }
            lines.add(line);
        }
        Path csv = CsvFile.write(outDir.resolve(CSV), header, lines);

        List<String> foldHeader = new ArrayList<>(keyColumns);
        foldHeader.addAll(FOLD_COLUMNS);
        List<List<String>> foldLines = new ArrayList<>();
        for (Row r : rows) {
            for (Fold f : r.folds()) {
                List<String> line = new ArrayList<>(r.keys());
                line.add(f.name());
                line.add(Long.toString(f.n()));
                line.add(CsvFile.number(f.ua(), CSV_DECIMALS));
                line.add(CsvFile.number(f.wa(), CSV_DECIMALS));
                line.add(CsvFile.number(f.macroF1(), CSV_DECIMALS));
                foldLines.add(line);
            }
        }
        Path folds = CsvFile.write(outDir.resolve(FOLDS), foldHeader, foldLines);
        return List.of(md, csv, folds);
    }

    /** The markdown table with its footer, as {@value #MARKDOWN} holds it. */
    public String markdown() {
        StringBuilder m = new StringBuilder();
        m.append('|');
        keyColumns.forEach(c -> m.append(' ').append(cell(c)).append(" |"));
        m.append(" folds | UA % | WA % | macro-F1 % |\n|");
        keyColumns.forEach(c -> m.append("---|"));
        m.append("--:|--:|--:|--:|\n");
        for (Row r : rows) {
            m.append('|');
            r.keys().forEach(k -> m.append(' ').append(cell(k)).append(" |"));
            m.append(' ').append(r.folds().size()).append(" | ").append(percent(r.ua())).append(" | ")
                    .append(percent(r.wa())).append(" | ").append(percent(r.macroF1())).append(" |\n");
        }
        m.append("\nMean ± sample standard deviation (denominator folds − 1) over the folds, in per cent; ")
                .append("– where there is only one fold. UA: mean recall over the classes; WA: accuracy.\n");
        return m.toString();
    }

    private static String percent(Summary s) {
        String mean = String.format(Locale.ROOT, "%.1f", 100 * s.mean());
        return Double.isNaN(s.std()) ? mean + " ± –" : mean + String.format(Locale.ROOT, " ± %.1f", 100 * s.std());
    }

    /** A table cell: pipes escaped and line breaks flattened, which would otherwise end the cell or the row. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ')
                .replace('\r', ' ');
    }
}
