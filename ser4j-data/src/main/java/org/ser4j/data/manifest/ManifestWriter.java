package org.ser4j.data.manifest;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.StreamSupport;
import org.ser4j.data.Clip;

/**
 * Writes the unified manifest: one header line {@value #HEADER}, then one line per clip, UTF-8, fields quoted as
 * RFC 4180 requires (in double quotes when they hold a comma, quote or line break), lines ending in LF.
 * {@link ManifestLoader} reads it back.
 *
 * <ul>
 * <li>{@code emotion}: the vocabulary label ("angry") or, for a clip with no counterpart in the vocabulary,
 * the corpus's own label ("excited"), so that no clip is written unlabelled. The corpus label of clips that do
 * have an emotion ("W", "ps") and the repetition are not written.</li>
 * <li>{@code gender}: male, female or unknown. {@code intensity}, {@code text_id}, {@code duration_s}: empty when
 * unknown; the duration is written exactly (the shortest decimal that reads back as the same double).</li>
 * <li>{@code path}: see {@link PathStyle}.</li>
 * </ul>
 */
public final class ManifestWriter {

    /** The header line. */
    public static final String HEADER = "path,corpus,speaker,gender,language,emotion,intensity,text_id,duration_s";

    /** How paths are written. */
    public enum PathStyle {
        /** Absolute paths, as the clips hold them. */
        ABSOLUTE,
        /**
         * Relative to the manifest's folder, with {@code /} separators, so that the manifest and the audio can be
         * moved together (falls back to absolute for a clip on another file-system root).
         */
        RELATIVE
    }

    private ManifestWriter() {
    }

    /** Writes {@code clips}, in the order given, to the file {@code manifest} (replacing it). */
    public static void write(List<Clip> clips, Path manifest, PathStyle style) throws IOException {
        Objects.requireNonNull(style, "style");
        Path absolute = manifest.toAbsolutePath();
        try (Writer out = Files.newBufferedWriter(absolute, StandardCharsets.UTF_8)) {
            write(clips, out, absolute.getParent(), style);
        }
    }

    /**
     * Writes {@code clips} to {@code out} (e.g. standard output), relative paths being relative to
     * {@code folder}. Does not close {@code out}.
     */
    public static void write(List<Clip> clips, Writer out, Path folder, PathStyle style) throws IOException {
        Objects.requireNonNull(clips, "clips");
        Objects.requireNonNull(style, "style");
        Path base = folder.toAbsolutePath();
        out.write(HEADER);
        out.write('\n');
        for (Clip c : clips) {
            String[] fields = {
                path(c.path(), base, style),
                c.corpus(),
                c.speaker(),
                c.gender().name().toLowerCase(Locale.ROOT),
                c.language(),
                c.emotion().map(e -> e.label()).orElse(c.label()),
                c.intensity().orElse(""),
                c.textId().orElse(""),
                c.durationSeconds().isPresent() ? seconds(c.durationSeconds().getAsDouble()) : ""
            };
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(Csv.quote(fields[i]));
            }
            out.write('\n');
        }
        out.flush();
    }

    /** The shortest decimal that reads back as {@code seconds}, never in exponent form ("0.0001", "2"). */
    private static String seconds(double seconds) {
        return BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }

    private static String path(Path path, Path base, PathStyle style) {
        if (style == PathStyle.ABSOLUTE || path.getRoot() == null || !path.getRoot().equals(base.getRoot())) {
            return path.toString();
        }
        Path relative = base.relativize(path);
        return String.join("/", StreamSupport.stream(relative.spliterator(), false)
                .map(Path::toString).toList());
    }
}
