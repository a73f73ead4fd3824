package org.ser4j.data.split;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.ser4j.data.Clip;

/**
 * The folds of one protocol on one dataset, with everything needed to repeat it: protocol, seed and parameters.
 * A plan that says it is speaker-independent is checked to be so when built: no speaker of any fold is on two of
 * its sides.
 *
 * @param protocol           the protocol
 * @param seed               the seed of its random choices
 * @param parameters         the parameters that shaped it ("folds" -> "5", "validationFraction" -> "0.1"), in
 *                           a stable order
 * @param speakerIndependent whether no speaker crosses train, validation and test in any fold; false only for
 *                           {@link Protocol#RANDOM}
 * @param folds              the folds
 * @param excluded           clips left out of every fold as duplicates of kept clips, sorted by path
 */
public record SplitPlan(Protocol protocol, long seed, Map<String, String> parameters, boolean speakerIndependent,
        List<Fold> folds, List<Clip> excluded) {

    /** The header line of {@link #writeCsv(Appendable)}. */
    public static final String CSV_HEADER = "path,fold,role";

    public SplitPlan {
        Objects.requireNonNull(protocol, "protocol");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        folds = List.copyOf(folds);
        excluded = Splits.sorted(excluded);
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("a split plan needs at least one fold");
        }
        if (speakerIndependent != protocol.speakerIndependent()) {
            throw new IllegalArgumentException(protocol + " is " + (protocol.speakerIndependent() ? "" : "not ")
                    + "speaker-independent");
        }
        if (speakerIndependent) {
            for (Fold f : folds) {
                requireDisjoint(f, Role.TRAIN, Role.TEST);
                requireDisjoint(f, Role.TRAIN, Role.VALIDATION);
                requireDisjoint(f, Role.VALIDATION, Role.TEST);
            }
        }
    }

    private static void requireDisjoint(Fold fold, Role a, Role b) {
        Set<String> both = new TreeSet<>(fold.speakers(a));
        both.retainAll(fold.speakers(b));
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("speakers " + both + " are in both " + a.label() + " and "
                    + b.label() + " of fold " + fold.name());
        }
    }

    /**
     * One line for reports and logs, e.g. {@code "speaker-kfold seed=42 folds=5 validationFraction=0.1: 5 folds,
     * speaker-independent"}; for {@link Protocol#RANDOM} it ends with {@code "speaker-dependent: for comparison
     * with the brief only"}.
     */
    @Override
    public String toString() {
        StringJoiner s = new StringJoiner(" ");
        s.add(protocol.cliName()).add("seed=" + seed);
        parameters.forEach((k, v) -> s.add(k + "=" + v));
        return s + ": " + folds.size() + (folds.size() == 1 ? " fold, " : " folds, ")
                + (speakerIndependent ? "speaker-independent" : "speaker-dependent: for comparison with the brief only");
    }

    /**
     * {@link #toString()}, then one line per fold with its clips and speakers per role, then the excluded
     * duplicates, e.g. {@code "fold-1: train 1021 clips / 17 speakers, validation 130 / 2, test 289 / 5"}.
     */
    public String describe() {
        StringBuilder out = new StringBuilder(toString()).append('\n');
        for (Fold f : folds) {
            out.append("  ").append(f.name()).append(": ");
            StringJoiner parts = new StringJoiner(", ");
            for (Role r : List.of(Role.TRAIN, Role.VALIDATION, Role.TEST)) {
                parts.add(r.label() + " " + f.clips(r).size() + " clips / " + f.speakers(r).size() + " speakers");
            }
            out.append(parts).append('\n');
        }
        if (!excluded.isEmpty()) {
            out.append("  excluded as duplicates: ").append(excluded.size()).append(" clips\n");
        }
        return out.toString();
    }

    /**
     * Writes the plan as CSV: the header {@value #CSV_HEADER}, then one row per clip and fold ({@code role} one of
     * train, validation, test), folds in order, each role in that order and clips by path; then one row per
     * excluded duplicate with an empty fold and role {@code excluded}. Paths as the clips hold them (absolute);
     * fields quoted as RFC 4180 says when they hold a comma, quote or line break. Lines end with '\n'.
     */
    public void writeCsv(Appendable out) throws IOException {
        writeCsv(out, null);
    }

    /**
     * As {@link #writeCsv(Appendable)}, with each path written relative to {@code baseDir} (e.g. the folder
     * that was scanned), so the plan can be used on another machine.
     *
     * @throws IllegalArgumentException when a clip's path is not under {@code baseDir}
     */
    public void writeCsv(Appendable out, Path baseDir) throws IOException {
        out.append(CSV_HEADER).append('\n');
        for (Fold f : folds) {
            for (Role r : List.of(Role.TRAIN, Role.VALIDATION, Role.TEST)) {
                for (Clip c : f.clips(r)) {
                    row(out, c, baseDir, f.name(), r);
                }
            }
        }
        for (Clip c : excluded) {
            row(out, c, baseDir, "", Role.EXCLUDED);
        }
    }

    /** Writes {@link #writeCsv(Appendable)} to a UTF-8 file. */
    public void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsv(w);
        }
    }

    private static void row(Appendable out, Clip clip, Path baseDir, String fold, Role role) throws IOException {
        Path p = clip.path();
        if (baseDir != null) {
            if (!p.startsWith(baseDir)) {
                throw new IllegalArgumentException(p + " is not under " + baseDir);
            }
            p = baseDir.relativize(p);
        }
        // '/' on every system, so a plan written on Windows reads the same elsewhere.
        String path = p.toString().replace(p.getFileSystem().getSeparator(), "/");
        out.append(csvField(path)).append(',').append(csvField(fold)).append(',').append(role.label()).append('\n');
    }

    static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** The CSV of {@link #writeCsv(Appendable)} as a string. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        try {
            writeCsv(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }
}
