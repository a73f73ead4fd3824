package org.ser4j.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.data.Clip;
import org.ser4j.data.CorpusScanner;
import org.ser4j.recognizer.EmotionRecognizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The jobs on ../shared/corpora/EmoDB: its clips, labels and speakers as ser4j-data's scan sees them. */
@Tag("corpus")
class CorpusBatchTest {

    @TempDir
    static Path tmp;

    static SparkSession spark;
    static Path emodb;

    @BeforeAll
    static void start() {
        String shared = System.getProperty("ser4j.shared");
        emodb = shared == null ? null : Path.of(shared, "corpora", "EmoDB");
        assumeTrue(emodb != null && Files.isDirectory(emodb), "../shared/corpora/EmoDB not present");
        spark = Fixtures.session();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void featuresOfEveryEmoDbClipCarryTheLabelsAndSpeakersTheScanFinds() throws Exception {
        List<Clip> clips = CorpusScanner.defaults().scan(emodb).dataset().clips();
        assertEquals(535, clips.size());
        Path out = tmp.resolve("emodb-functionals");
        JobSummary summary = FeaturesJob.builder().setInput(BatchInput.of(emodb.toString())).build()
                .run(spark, BatchOutput.parquet(out.toString()));
        System.out.println("EmoDB functionals on local[2]: " + summary.describe());
        assertEquals(535, summary.files());
        assertEquals(0, summary.failed());

        Map<String, Clip> byPath = clips.stream().collect(Collectors.toMap(c -> c.path().toString(), c -> c));
        List<Row> rows = spark.read().parquet(out.toString()).orderBy("file").collectAsList();
        for (Row row : rows) {
            Clip clip = byPath.get(AudioSource.pathPart(row.getAs("file")));
            assertEquals("EmoDB", row.getAs("corpus"));
            assertEquals(clip.speaker(), row.getAs("speaker"));
            assertEquals(clip.emotion().orElseThrow().label(), row.getAs("label"));
            assertEquals(466, row.getList(row.fieldIndex("values")).size());
            assertNull(row.getAs("error"));
        }
        assertEquals(10, rows.stream().map(r -> r.<String>getAs("speaker")).distinct().count());
    }

    @Test
    void recognizesASubsetAsTheRecognizerDoesOneFileAtATime() throws Exception {
        Path out = tmp.resolve("emodb-03");
        JobSummary summary = RecognizeJob.builder().setInput(BatchInput.of(emodb.resolve("wav/03*").toString()))
                .build().run(spark, BatchOutput.parquet(out.toString()));
        System.out.println("EmoDB speaker 03 recognition on local[2]: " + summary.describe());
        assertEquals(0, summary.failed());
        List<Row> rows = spark.read().parquet(out.toString()).filter("segment is null").orderBy("file")
                .collectAsList();
        assertEquals(summary.files(), rows.size());
        assertTrue(rows.size() > 40, "speaker 03 has 49 clips");
        try (EmotionRecognizer reference = EmotionRecognizer.loadDefault()) {
            for (Row row : rows.subList(0, 5)) {
                Path file = Path.of(AudioSource.pathPart(row.getAs("file")));
                assertEquals(reference.recognize(file).estimate().label(), row.getAs("emotion"));
            }
        }
    }
}
