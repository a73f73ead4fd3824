package org.ser4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.Emotion;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.data.Clip;
import org.ser4j.data.Dataset;
import org.ser4j.data.Gender;

/**
 * The report over all of {@code ../shared/corpora}, written to {@code target/corpus-report} (or the folder in
 * system property {@code ser4j.report.out}) so a person can look at it. The clips are labelled by a minimal name
 * parse here, enough for pictures; the real loaders live in ser4j-data.
 */
@Tag("corpus")
class CorpusReportTest {

    private static final Map<String, String> RAVDESS = Map.of("01", "neutral", "02", "calm", "03", "happy",
            "04", "sad", "05", "angry", "06", "fear", "07", "disgust", "08", "surprise");
    private static final Map<String, String> SAVEE = Map.of("a", "angry", "d", "disgust", "f", "fear",
            "h", "happy", "n", "neutral", "sa", "sad", "su", "surprise");
    private static final Map<Character, String> EMODB = Map.of('W', "angry", 'L', "boredom", 'E', "disgust",
            'A', "fear", 'F', "happy", 'T', "sad", 'N', "neutral");
    private static final Map<String, String> EMOVO = Map.of("dis", "disgust", "gio", "happy", "neu", "neutral",
            "pau", "fear", "rab", "angry", "sor", "surprise", "tri", "sad");

    @Test
    void wholeCorporaReportWithNineExamples() throws IOException {
        String dir = System.getProperty("ser4j.shared");
        Path corpora = dir == null ? null : Path.of(dir, "corpora");
        assumeTrue(corpora != null && Files.isDirectory(corpora), "../shared/corpora not present");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpora)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".flac")).sorted().toList();
        }
        AudioDecoder decoder = AudioDecoder.defaults();
        long t0 = System.nanoTime();
        List<Clip> clips = new ArrayList<>();
        List<Dataset.Unrecognised> unknown = new ArrayList<>();
        for (Path f : files) {
            Optional<Clip> clip = parse(corpora.relativize(f), f);
            if (clip.isEmpty()) {
                unknown.add(new Dataset.Unrecognised(f, "not parsed by this test's minimal parser"));
                continue;
            }
            try {
                clips.add(clip.get().withDuration(decoder.probe(f).durationSeconds()));
            } catch (AudioDecodeException e) {
                unknown.add(new Dataset.Unrecognised(f, e.getMessage()));
            }
        }
        long t1 = System.nanoTime();
        Dataset dataset = new Dataset(clips, unknown);
        DatasetReport report = DatasetReport.defaults();
        List<Clip> examples = report.defaultExamples(dataset);
        Path out = Path.of(System.getProperty("ser4j.report.out", "target/corpus-report"));
        ReportResult result = report.write(dataset, examples, out);
        long t2 = System.nanoTime();
        // Once more in the same JVM: the first run includes class loading and JIT warm-up, as a CLI run does.
        report.write(dataset, examples, out);
        long t3 = System.nanoTime();
        System.out.printf("corpus report: %d clips, %d unrecognised; probe %.2f s; report %.2f s cold, %.2f s warm "
                + "(%d examples, %d files) -> %s%n", clips.size(), unknown.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                (t3 - t2) / 1e9, result.examples().size(), result.files().size(), result.index().toAbsolutePath());
        assertEquals(5843, clips.size());
        assertEquals(9, examples.size(), "all nine emotions occur in these corpora");
        assertTrue(result.failures().isEmpty(), result.failures().toString());
    }

    /** Just enough of each corpus's naming for a report; see ../shared/corpora/README.md. */
    private static Optional<Clip> parse(Path rel, Path abs) {
        String corpus = rel.getName(0).toString();
        String name = rel.getFileName().toString().replaceFirst("\\.flac$", "");
        String speaker;
        Gender gender;
        String label;
        String language;
        switch (corpus) {
            case "RAVDESS" -> {
                String[] p = name.split("-");
                speaker = p[6];
                gender = Integer.parseInt(p[6]) % 2 == 1 ? Gender.MALE : Gender.FEMALE;
                label = RAVDESS.get(p[2]);
                language = "en-US";
            }
            case "SAVEE" -> {
                speaker = name.substring(0, 2);
                gender = Gender.MALE;
                label = SAVEE.get(name.substring(3).replaceAll("\\d", ""));
                language = "en-GB";
            }
            case "TESS" -> {
                String[] p = name.split("_");
                speaker = p[0].startsWith("OA") ? "OAF" : "YAF";
                gender = Gender.FEMALE;
                label = p[p.length - 1].toLowerCase();
                language = "en-CA";
            }
            case "EmoDB" -> {
                speaker = name.substring(0, 2);
                gender = List.of("03", "10", "11", "12", "15").contains(speaker) ? Gender.MALE : Gender.FEMALE;
                label = EMODB.get(name.charAt(5));
                language = "de";
            }
            case "EMOVO" -> {
                String[] p = name.split("-");
                speaker = p[1];
                gender = p[1].startsWith("m") ? Gender.MALE : Gender.FEMALE;
                label = EMOVO.get(p[0]);
                language = "it";
            }
            default -> {
                return Optional.empty();
            }
        }
        if (label == null) {
            return Optional.empty();
        }
        Optional<Emotion> emotion = label.equals("ps") ? Optional.of(Emotion.SURPRISE) : Emotion.parse(label);
        return Optional.of(new Clip(abs, corpus, corpus + ":" + speaker, gender, language, emotion, label,
                Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalDouble.empty()));
    }
}
