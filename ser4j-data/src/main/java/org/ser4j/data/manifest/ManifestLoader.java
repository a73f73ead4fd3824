package org.ser4j.data.manifest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.ser4j.core.Emotion;
import org.ser4j.data.Clip;
import org.ser4j.data.Dataset;
import org.ser4j.data.Gender;
import org.ser4j.data.LoadResult;

/**
 * Loads a user's CSV manifest (UTF-8, RFC 4180 quoting, a header line first).
 *
 * <p>Columns, by header name (case-insensitive, in any order): {@code path} and {@code emotion} are required;
 * {@code speaker}, {@code gender}, {@code language}, {@code corpus}, {@code intensity}, {@code text_id} and
 * {@code duration_s} are optional (the columns {@link ManifestWriter} writes, so its output loads back); other
 * columns are ignored, with a warning.
 * <ul>
 * <li>{@code path}: the audio file, absolute or relative to the manifest's folder.</li>
 * <li>{@code emotion}: parsed by {@link Emotion#parse(String)}; a value with no counterpart in the vocabulary
 * ("excited") is kept as the clip's label with no emotion. Required on every row.</li>
 * <li>{@code corpus}: default the manifest's file name without extension ({@code my-data.csv} -> "my-data").</li>
 * <li>{@code speaker}: prefixed with the corpus ("my-data:s01") unless it already is. When the column is
 * missing or a cell is empty the clip gets the speaker "CORPUS:unknown": all such clips are one speaker, which
 * makes speaker-grouped splits meaningless, so the result carries a warning.</li>
 * <li>{@code gender}: male/m, female/f, unknown/u or empty.</li>
 * <li>{@code language}: a BCP 47 tag ("en-US"); default "und".</li>
 * <li>{@code duration_s}: seconds, when known; otherwise a scan reads it from the file.</li>
 * </ul>
 * Rows naming a file that does not exist are listed as unrecognised. Malformed content (no such header, a row
 * with too few or too many fields, an empty path or emotion, an unknown gender, a bad language tag or duration)
 * is a {@link ManifestException} listing every problem with its line number.
 */
public final class ManifestLoader {

    /** Column names. */
    static final String PATH = "path";
    static final String CORPUS = "corpus";
    static final String SPEAKER = "speaker";
    static final String GENDER = "gender";
    static final String LANGUAGE = "language";
    static final String EMOTION = "emotion";
    static final String INTENSITY = "intensity";
    static final String TEXT_ID = "text_id";
    static final String DURATION = "duration_s";

    private static final Set<String> KNOWN = Set.of(PATH, CORPUS, SPEAKER, GENDER, LANGUAGE, EMOTION, INTENSITY,
            TEXT_ID, DURATION);

    /** The local speaker id of rows without a speaker. */
    public static final String UNKNOWN_SPEAKER = "unknown";

    private ManifestLoader() {
    }

    /**
     * Reads the manifest. Durations are taken from {@code duration_s} where given; the files are not opened
     * (only checked to exist).
     *
     * @throws ManifestException when the header or a row is malformed (all problems listed with line numbers)
     * @throws IOException       when the manifest cannot be read
     */
    public static LoadResult load(Path manifest) throws IOException, ManifestException {
        Path absolute = manifest.toAbsolutePath();
        try (Reader in = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
            return read(in, absolute);
        }
    }

    /** As {@link #load(Path)}, reading from {@code in}; {@code manifest} names it and anchors relative paths. */
    public static LoadResult read(Reader in, Path manifest) throws IOException, ManifestException {
        Path absolute = manifest.toAbsolutePath();
        String source = absolute.getFileName().toString();
        List<Csv.Row> rows = Csv.read(in, source);
        if (rows.isEmpty()) {
            throw new ManifestException(source, List.of("line 1: the manifest is empty; expected a header such as "
                    + "path,emotion,speaker"));
        }
        Csv.Row headerRow = rows.get(0);
        Map<String, Integer> columns = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        TreeSet<String> ignored = new TreeSet<>();
        for (int i = 0; i < headerRow.fields().size(); i++) {
            String name = headerRow.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (columns.putIfAbsent(name, i) != null) {
                problems.add("line " + headerRow.line() + ": the column '" + name + "' appears twice");
            }
            if (!KNOWN.contains(name)) {
                ignored.add(name);
            }
        }
        for (String required : List.of(PATH, EMOTION)) {
            if (!columns.containsKey(required)) {
                problems.add("line " + headerRow.line() + ": the header has no '" + required + "' column (found "
                        + headerRow.fields() + "); a manifest starts with a header such as path,emotion,speaker");
            }
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(source, problems);
        }
        if (!ignored.isEmpty()) {
            warnings.add(source + ": ignored unknown columns " + ignored);
        }
        String defaultCorpus = stem(source);
        Path folder = absolute.getParent();
        List<Clip> clips = new ArrayList<>();
        List<Dataset.Unrecognised> missing = new ArrayList<>();
        int withoutSpeaker = 0;
        for (Csv.Row row : rows.subList(1, rows.size())) {
            RowReader r = new RowReader(row, columns, headerRow.fields().size(), problems);
            if (!r.complete()) {
                continue;
            }
            int problemsBefore = problems.size();
            String pathText = r.required(PATH);
            String emotionText = r.required(EMOTION);
            String corpus = r.optional(CORPUS).orElse(defaultCorpus);
            Optional<String> speakerText = r.optional(SPEAKER);
            Gender gender = r.gender();
            String language = r.language();
            OptionalDouble duration = r.duration();
            if (problems.size() > problemsBefore) {
                continue;
            }
            if (speakerText.isEmpty()) {
                withoutSpeaker++;
            }
            String local = speakerText.orElse(UNKNOWN_SPEAKER);
            String speaker = local.startsWith(corpus + ":") ? local : corpus + ":" + local;
            Path path;
            try {
                path = folder.resolve(pathText).normalize();
            } catch (InvalidPathException e) {
                problems.add("line " + row.line() + ": the path '" + pathText + "' is not a valid path: " + e.getReason());
                continue;
            }
            if (!Files.isRegularFile(path)) {
                missing.add(new Dataset.Unrecognised(path, source + " line " + row.line() + ": no such file"));
                continue;
            }
            clips.add(new Clip(path, corpus, speaker, gender, language, Emotion.parse(emotionText), emotionText,
                    r.optional(INTENSITY), r.optional(TEXT_ID), OptionalInt.empty(), duration));
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(source, problems);
        }
        if (withoutSpeaker > 0) {
            warnings.add(source + ": " + withoutSpeaker + " of " + (rows.size() - 1) + " rows name no speaker; they"
                    + " count as one speaker per corpus (\"CORPUS:" + UNKNOWN_SPEAKER + "\"), so"
                    + " speaker-grouped splits and leave-one-speaker-out are meaningless for them");
        }
        clips.sort(Comparator.comparing(Clip::path));
        return new LoadResult(new Dataset(clips, missing), warnings);
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot <= 0 ? fileName : fileName.substring(0, dot);
        return stem.isBlank() ? "manifest" : stem;
    }

    /**
     * Reads one row's cells. A bad cell adds a "line N: ..." problem and yields a placeholder; the caller drops
     * the row when problems were added.
     */
    private static final class RowReader {
        private final Csv.Row row;
        private final Map<String, Integer> columns;
        private final List<String> problems;
        private final boolean complete;

        RowReader(Csv.Row row, Map<String, Integer> columns, int width, List<String> problems) {
            this.row = row;
            this.columns = columns;
            this.problems = problems;
            this.complete = row.fields().size() == width;
            if (!complete) {
                problems.add("line " + row.line() + ": " + row.fields().size() + " fields, but the header has "
                        + width + " (quote fields that contain commas)");
            }
        }

        boolean complete() {
            return complete;
        }

        Optional<String> optional(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                return Optional.empty();
            }
            String value = row.fields().get(i).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        String required(String column) {
            Optional<String> value = optional(column);
            if (value.isEmpty()) {
                problems.add("line " + row.line() + ": the " + column + " is empty");
                return "";
            }
            return value.get();
        }

        Gender gender() {
            String value = optional(GENDER).orElse("unknown");
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "male", "m" -> Gender.MALE;
                case "female", "f" -> Gender.FEMALE;
                case "unknown", "u" -> Gender.UNKNOWN;
                default -> {
                    problems.add("line " + row.line() + ": gender '" + value
                            + "' is none of male, m, female, f, unknown, u or empty");
                    yield Gender.UNKNOWN;
                }
            };
        }

        String language() {
            Optional<String> value = optional(LANGUAGE);
            if (value.isEmpty()) {
                return "und";
            }
            String tag = Locale.forLanguageTag(value.get()).toLanguageTag();
            if (tag.equals("und") && !value.get().equalsIgnoreCase("und")) {
                problems.add("line " + row.line() + ": language '" + value.get()
                        + "' is not a BCP 47 tag such as en-US or de (use '-', not '_')");
                return "und";
            }
            return tag;
        }

        OptionalDouble duration() {
            Optional<String> value = optional(DURATION);
            if (value.isEmpty()) {
                return OptionalDouble.empty();
            }
            try {
                double seconds = Double.parseDouble(value.get());
                if (Double.isFinite(seconds) && seconds >= 0) {
                    return OptionalDouble.of(seconds);
                }
            } catch (NumberFormatException e) {
                // reported below, like a negative or infinite value
            }
            problems.add("line " + row.line() + ": duration_s '" + value.get() + "' is not a number of seconds >= 0");
            return OptionalDouble.empty();
        }
    }
}
