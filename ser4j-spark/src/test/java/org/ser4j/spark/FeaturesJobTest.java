package org.ser4j.spark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.core.features.FeatureExtractor;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.core.features.Features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class FeaturesJobTest {

    @TempDir
    static Path tmp;

    static SparkSession spark;
    static Path corpus;

    @BeforeAll
    static void start() throws Exception {
        spark = Fixtures.session();
        // An EmoDB-named clip (speaker 03, text a01, F = Freude -> happy), an unnamed MP3 and a broken file.
        corpus = Files.createDirectories(tmp.resolve("archive").resolve("wav"));
        Files.copy(Fixtures.SPEECH, corpus.resolve("03a01Fa.wav"));
        Files.copy(Fixtures.SPEECH_MP3, corpus.resolve("speech.mp3"));
        Files.writeString(corpus.resolve("broken.wav"), "not audio", StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static List<Row> read(Path dir) {
        return spark.read().parquet(dir.toString()).orderBy("file").collectAsList();
    }

    private static Features expected(Path file, FeatureSet set, int rate) throws Exception {
        PcmAudio audio = AudioDecoder.builder().optTargetSampleRate(rate).build().decode(file);
        return FeatureExtractor.of(set, FeatureConfig.defaults()).extract(audio);
    }

    @Test
    void writesExactlyTheExtractorsFeaturesWithCorpusLabelsFromTheFileNames() throws Exception {
        Path out = tmp.resolve("mfcc");
        JobSummary summary = FeaturesJob.builder().setInput(BatchInput.of(corpus.toString()))
                .optFeatureSet(FeatureSet.MFCC).optSampleRate(22050).build()
                .run(spark, BatchOutput.parquet(out.toString()));
        assertEquals(3, summary.rows());
        assertEquals(1, summary.failed());

        List<Row> rows = read(out);
        Row emodb = rows.get(0);
        assertEquals(Fixtures.sparkPath(corpus.resolve("03a01Fa.wav")), emodb.getAs("file"));
        assertEquals("EmoDB", emodb.getAs("corpus"));
        assertEquals("EmoDB:03", emodb.getAs("speaker"));
        assertEquals("happy", emodb.getAs("label"));
        assertEquals("mfcc", emodb.getAs("feature_set"));
        assertEquals(22050, emodb.<Integer>getAs("sample_rate"));
        for (Row row : List.of(emodb, rows.get(2))) {
            Path file = corpus.resolve(Path.of(AudioSource.pathPart(row.getAs("file"))).getFileName());
            Features f = expected(file, FeatureSet.MFCC, 22050);
            assertArrayEquals(f.shape(), ints(row.getList(row.fieldIndex("shape"))));
            assertArrayEquals(f.values(), floats(row.getList(row.fieldIndex("values"))));
            assertNull(row.getAs("error"));
        }
        assertNull(rows.get(2).getAs("corpus"), "speech.mp3 is named like no corpus");

        Row broken = rows.get(1);
        assertNotNull(broken.getAs("error"));
        assertNull(broken.getAs("values"));
        assertNull(broken.getAs("shape"));
        assertEquals("mfcc", broken.getAs("feature_set"));
    }

    @Test
    void takesCorpusSpeakerAndLabelFromAManifest() throws Exception {
        Path manifest = tmp.resolve("mine.csv");
        Files.writeString(manifest, "path,emotion,speaker\narchive/wav/speech.mp3,angry,s7\n");
        Path out = tmp.resolve("manifest-out");
        FeaturesJob.builder().setInput(BatchInput.of(manifest.toString())).build()
                .run(spark, BatchOutput.parquet(out.toString()));
        Row row = read(out).get(0);
        assertEquals("mine", row.getAs("corpus"));
        assertEquals("mine:s7", row.getAs("speaker"));
        assertEquals("angry", row.getAs("label"));
        assertEquals("functionals", row.getAs("feature_set"));
        assertArrayEquals(expected(corpus.resolve("speech.mp3"), FeatureSet.FUNCTIONALS, 16000).values(),
                floats(row.getList(row.fieldIndex("values"))));
    }

    @Test
    void writesArraysAsSpaceSeparatedNumbersInCsv() throws Exception {
        Path out = tmp.resolve("csv");
        FeaturesJob.builder().setInput(BatchInput.of(corpus.resolve("03a01Fa.wav").toString()))
                .optFeatureSet(FeatureSet.SEED162).build()
                .run(spark, new BatchOutput(out.toString(), OutputFormat.CSV, false));
        Row row = spark.read().option("header", "true").csv(out.toString()).first();
        Features f = expected(corpus.resolve("03a01Fa.wav"), FeatureSet.SEED162, 16000);
        assertEquals("162", row.getAs("shape"));
        String[] cells = row.<String>getAs("values").split(" ");
        float[] parsed = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            parsed[i] = Float.parseFloat(cells[i]);
        }
        assertArrayEquals(f.values(), parsed);
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static float[] floats(List<Float> list) {
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }
}
