package org.ser4j.spark;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.core.Emotion;
import org.ser4j.recognizer.EmotionRecognizer;
import org.ser4j.recognizer.Recognition;
import org.ser4j.recognizer.TimelineSegment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecognizeJobTest {

    @TempDir
    static Path tmp;

    static SparkSession spark;
    static Path archive;
    static EmotionRecognizer reference;

    @BeforeAll
    static void start() throws Exception {
        spark = Fixtures.session();
        archive = Fixtures.archive(tmp.resolve("archive"));
        reference = EmotionRecognizer.loadDefault();
    }

    @AfterAll
    static void stop() {
        spark.stop();
        reference.close();
    }

    private static List<Row> readParquet(Path dir) {
        return spark.read().parquet(dir.toString()).orderBy("file", "segment").collectAsList();
    }

    @Test
    void writesOneRowPerFilePlusSegmentsOfLongFilesAsTheRecognizerComputesThem() throws Exception {
        Path out = tmp.resolve("parquet");
        JobSummary summary = RecognizeJob.builder().setInput(BatchInput.of(archive.toString())).build()
                .run(spark, BatchOutput.parquet(out.toString()));

        Recognition longOne = reference.recognize(archive.resolve("long.wav"));
        assertTrue(longOne.hasTimeline(), "the long fixture must get a timeline");
        assertEquals(4, summary.files(), "README.txt is not audio by its name");
        assertEquals(1, summary.failed());
        assertEquals(4 + longOne.segments().size(), summary.rows());

        List<Row> rows = readParquet(out);
        assertEquals(summary.rows(), rows.size());
        List<String> files = rows.stream().map(r -> r.<String>getAs("file")).distinct().toList();
        assertEquals(List.of("broken.wav", "long.wav", "speech.mp3", "speech.wav"),
                files.stream().map(f -> f.substring(f.lastIndexOf('/') + 1)).toList());

        Row broken = rows.get(0);
        assertNotNull(broken.getAs("error"));
        assertNull(broken.getAs("emotion"));
        assertNull(broken.getAs("probabilities"));

        Row speech = find(rows, "speech.wav", null);
        Recognition expected = reference.recognize(archive.resolve("speech.wav"));
        assertRow(speech, expected.durationSeconds(), expected.estimate().label(), expected.estimate().confidence());
        assertNull(speech.getAs("error"));
        Map<String, Double> p = speech.getJavaMap(speech.fieldIndex("probabilities"));
        assertEquals(reference.labels().stream().map(Emotion::label).toList(), new ArrayList<>(p.keySet()).stream()
                .sorted(byModelOrder()).toList());
        assertEquals(1.0, p.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);

        Row longRow = find(rows, "long.wav", null);
        assertRow(longRow, longOne.durationSeconds(), longOne.estimate().label(), longOne.estimate().confidence());
        for (int i = 0; i < longOne.segments().size(); i++) {
            TimelineSegment s = longOne.segments().get(i);
            Row r = find(rows, "long.wav", i);
            assertEquals(s.startSeconds(), r.<Double>getAs("start_s"), 1e-9);
            assertEquals(s.endSeconds(), r.<Double>getAs("end_s"), 1e-9);
            assertRow(r, longOne.durationSeconds(), s.estimate().label(), s.estimate().confidence());
        }
    }

    @Test
    void writesOneCsvFileWithAProbabilityColumnPerLabel() throws Exception {
        Path out = tmp.resolve("csv");
        RecognizeJob.builder().setInput(BatchInput.of(archive.resolve("speech.wav").toString())).build()
                .run(spark, new BatchOutput(out.toString(), OutputFormat.CSV, false));

        List<Path> csvs;
        try (var s = Files.list(out)) {
            csvs = s.filter(f -> f.toString().endsWith(".csv")).toList();
        }
        assertEquals(1, csvs.size());
        List<String> lines = Files.readAllLines(csvs.get(0), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        List<String> expected = new ArrayList<>(List.of("file", "segment", "start_s", "end_s", "duration_s",
                "emotion", "confidence"));
        reference.labels().forEach(l -> expected.add("p_" + l.label()));
        expected.add("error");
        assertEquals(expected, header);
        assertEquals(2, lines.size());
        String[] cells = lines.get(1).split(",", -1);
        Recognition r = reference.recognize(archive.resolve("speech.wav"));
        assertEquals(Fixtures.sparkPath(archive.resolve("speech.wav")), cells[0]);
        assertEquals(r.estimate().label(), cells[5]);
        int happy = header.indexOf("p_" + r.estimate().label());
        assertEquals(r.estimate().confidence(), Double.parseDouble(cells[happy]), 1e-12);
    }

    @Test
    void readsTheFilesAManifestNamesAndReportsItsMissingOnesAsErrorRows() throws Exception {
        Path manifest = tmp.resolve("calls.csv");
        Files.writeString(manifest, "path,emotion\narchive/speech.wav,neutral\narchive/gone.wav,angry\n");
        Path out = tmp.resolve("manifest-out");
        JobSummary summary = RecognizeJob.builder().setInput(BatchInput.of(manifest.toString())).build()
                .run(spark, BatchOutput.parquet(out.toString()));

        assertEquals(2, summary.files());
        assertEquals(1, summary.failed());
        List<Row> rows = readParquet(out);
        Row gone = find(rows, "gone.wav", null);
        assertTrue(gone.<String>getAs("error").contains("no such file"), gone.<String>getAs("error"));
        assertNull(find(rows, "speech.wav", null).getAs("error"));
    }

    @Test
    void aGlobTakesEveryFileItMatchesWhateverItsName() throws Exception {
        Path out = tmp.resolve("glob-out");
        JobSummary summary = RecognizeJob.builder().setInput(BatchInput.of(archive.resolve("*.txt").toString()))
                .build().run(spark, BatchOutput.parquet(out.toString()));
        assertEquals(1, summary.failed());
        Row readme = readParquet(out).get(0);
        assertTrue(readme.<String>getAs("file").endsWith("README.txt"));
        assertFalse(readme.<String>getAs("error").isBlank());
    }

    @Test
    void refusesAnExistingOutputUnlessToldToOverwrite() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("existing"));
        Files.writeString(out.resolve("keep.txt"), "precious");
        RecognizeJob job = RecognizeJob.builder().setInput(BatchInput.of(archive.resolve("speech.wav").toString()))
                .build();
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> job.run(spark, BatchOutput.parquet(out.toString())));
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
        assertTrue(Files.exists(out.resolve("keep.txt")));

        JobSummary summary = job.run(spark, new BatchOutput(out.toString(), OutputFormat.PARQUET, true));
        assertEquals(1, summary.files());
        assertFalse(Files.exists(out.resolve("keep.txt")));
    }

    @Test
    void refusesAMissingInputBeforeAnyWork() {
        RecognizeJob job = RecognizeJob.builder().setInput(BatchInput.of(tmp.resolve("nowhere").toString())).build();
        assertThrows(NoSuchFileException.class, () -> job.run(spark, BatchOutput.parquet(tmp.resolve("x").toString())));
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    private static void assertRow(Row row, double duration, String emotion, double confidence) {
        assertEquals(duration, row.<Double>getAs("duration_s"), 1e-9);
        assertEquals(emotion, row.getAs("emotion"));
        assertEquals(confidence, row.<Double>getAs("confidence"), 1e-12);
    }

    private static Row find(List<Row> rows, String name, Integer segment) {
        return rows.stream().filter(r -> r.<String>getAs("file").endsWith("/" + name))
                .filter(r -> java.util.Objects.equals(r.getAs("segment"), segment)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + " segment " + segment));
    }

    private static java.util.Comparator<String> byModelOrder() {
        List<String> order = reference.labels().stream().map(Emotion::label).toList();
        return java.util.Comparator.comparingInt(order::indexOf);
    }
}
