package org.ser4j.data.manifest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * RFC 4180 comma-separated values: fields in double quotes may hold commas, line breaks and doubled quotes
 * ({@code ""}); lines end in LF or CRLF; a byte-order mark at the start is skipped. Each record remembers the
 * line it starts on, so errors can name it. Blank lines are skipped.
 */
public final class Csv {

    /** One record and the 1-based line of the file it starts on. */
    public record Row(int line, List<String> fields) {
        public Row {
            fields = List.copyOf(fields);
        }
    }

    private Csv() {
    }

    /**
     * Reads every record.
     *
     * @param source what to name in errors (a file name)
     * @throws ManifestException when a quoted field is not closed, or a closing quote is followed by something
     *                        other than a comma or the end of the line
     */
    public static List<Row> read(Reader reader, String source) throws IOException, ManifestException {
        Objects.requireNonNull(reader, "reader");
        Reader in = reader.markSupported() ? reader : new BufferedReader(reader);
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStarted = false;
        int c = in.read();
        if (c == '\uFEFF') {
            c = in.read();
        }
        for (; c != -1; c = in.read()) {
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                    c = next;
                    if (c == -1) {
                        break;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                    continue;
                }
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                if (fieldStarted || !field.isEmpty() || afterQuote) {
                    fields.add(field.toString());
                    rows.add(new Row(rowLine, fields));
                }
                fields = new ArrayList<>();
                field.setLength(0);
                afterQuote = false;
                fieldStarted = false;
                line++;
                rowLine = line;
            } else if (afterQuote) {
                throw new ManifestException(source, List.of("line " + line + ": unexpected '" + (char) c
                        + "' after a closing quote (a quote inside a quoted field is written \"\")"));
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                fieldStarted = true;
            } else {
                field.append((char) c);
            }
        }
        if (quoted) {
            throw new ManifestException(source, List.of("line " + rowLine
                    + ": a quoted field is not closed before the end of the file"));
        }
        if (fieldStarted || !field.isEmpty() || afterQuote) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, fields));
        }
        return rows;
    }

    /** The field quoted as RFC 4180 requires: in double quotes (inner quotes doubled) when it holds , " CR or LF. */
    public static String quote(String field) {
        Objects.requireNonNull(field, "field");
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
