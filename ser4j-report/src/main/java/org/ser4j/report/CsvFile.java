package org.ser4j.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ser4j.data.manifest.Csv;

/**
 * The CSV files of the evaluation reports, written like ser4j's manifests: UTF-8, fields quoted as RFC 4180
 * requires ({@link Csv#quote}), lines ending in LF, so {@link Csv#read} and every spreadsheet read them back.
 */
final class CsvFile {

    private CsvFile() {
    }

    /**
     * Writes a header and rows to {@code file} (replacing it); returns {@code file}.
     *
     * @throws IllegalArgumentException if a row has not as many fields as the header
     */
    static Path write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).size() != header.size()) {
                throw new IllegalArgumentException("row " + r + " of " + file.getFileName() + " must have "
                        + header.size() + " fields like the header, found " + rows.get(r).size());
            }
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(out, header);
            for (List<String> row : rows) {
                line(out, row);
            }
        }
        return file;
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(Csv.quote(fields.get(i)));
        }
        out.write('\n');
    }

    /**
     * {@code value} rounded half-up to at most {@code decimals} places, trailing zeros dropped and never in
     * exponent form ("0.0005", "1", "0.8333"), or an empty field for NaN (a value that does not exist).
     *
     * @throws IllegalArgumentException for an infinite value, which no report figure can be
     */
    static String number(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "";
        }
        return rounded(value, decimals).toPlainString();
    }

    /** {@code value} rounded half-up to {@code decimals} places, trailing zeros dropped. */
    static BigDecimal rounded(double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("expected a finite number, found " + value);
        }
        BigDecimal r = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        // stripTrailingZeros leaves 0.0000 as 0E-4 and 100 as 1E+2; scale 0 writes both plainly.
        return r.scale() < 0 || r.signum() == 0 ? r.setScale(0, RoundingMode.UNNECESSARY) : r;
    }
}
