package org.ser4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.core.Emotion;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.core.features.Features;
import org.ser4j.data.LabelMapping;
import org.ser4j.model.Classifier;
import org.ser4j.model.Classifiers;
import org.ser4j.model.ModelCard;
import org.ser4j.train.TrainingListener;
import org.ser4j.train.TrainingOptions;

class TableTrainingTest {

    private static final LabelMapping CALM_IS_NEUTRAL = LabelMapping.builder().map("calm=neutral").drop("boredom")
            .build();

    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static String table;
    private static TableTraining.Result trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        spark = FeatureTables.session();
        table = dir.resolve("features").toString();
        // 6 speakers x 5 classes x 8 rows = 240 good rows, 4 with an error, 4 without a label.
        FeatureTables.write(spark, FeatureTables.rows(6, 8, 4, 1), table);
        trained = TableTraining.builder().setTable(table).optLabelMapping(CALM_IS_NEUTRAL)
                .optTrainingOptions(TrainingOptions.builder().optEpochs(8).optPatience(0).build())
                .optValidationFraction(0.34).optChunkRows(25).build().train(spark, TrainingListener.NONE);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aModelTrainedFromTheTableSeparatesTheClasses() throws Exception {
        assertEquals(List.of(Emotion.NEUTRAL, Emotion.SAD, Emotion.ANGRY), trained.labels());
        Random noise = new Random(99);
        int right = 0;
        int n = 0;
        try (Classifier c = Classifiers.load(trained.training().bundle())) {
            // calm (class 3) was mapped to neutral, so its points must come out neutral too.
            int[] classes = {0, 1, 2, 3};
            Emotion[] expected = {Emotion.NEUTRAL, Emotion.SAD, Emotion.ANGRY, Emotion.NEUTRAL};
            for (int k = 0; k < classes.length; k++) {
                for (int i = 0; i < 25; i++, n++) {
                    Float[] p = FeatureTables.point(classes[k], noise);
                    float[] v = new float[p.length];
                    for (int j = 0; j < v.length; j++) {
                        v[j] = p[j];
                    }
                    float[] prob = c.probabilities(new Features(FeatureSet.SEED162, new int[] {v.length}, v, 16000));
                    int best = 0;
                    for (int j = 1; j < prob.length; j++) {
                        best = prob[j] > prob[best] ? j : best;
                    }
                    right += c.labels().get(best) == expected[k] ? 1 : 0;
                }
            }
        }
        assertTrue(right >= 0.95 * n, right + " of " + n + " right");
        assertTrue(trained.validationUa().orElseThrow() > 0.9, "validation UA " + trained.validationUa());
    }

    @Test
    void rowsWithErrorsNoLabelOrADroppedLabelAreLeftOutAndValidationSpeakersHeldOut() {
        // Of 240 good rows, boredom's 48 are dropped; 2 of the 6 speakers (64 rows of the other classes) validate.
        assertEquals(2, trained.validationSpeakers());
        assertEquals(64, trained.validationRows());
        assertEquals(128, trained.trainingRows());
        assertEquals(48 + 4 + 4, trained.skippedRows());
        ModelCard card = trained.training().bundle().card();
        assertEquals(Map.of(Emotion.NEUTRAL, 64, Emotion.SAD, 32, Emotion.ANGRY, 32), card.trainingData().perEmotion());
        assertEquals(4, card.trainingData().speakers());
        assertEquals(List.of("synthetic"), card.trainingData().corpora());
        assertEquals(128, card.trainingData().clips());
    }

    @Test
    void theCardSaysWhichTableAndSparkTrainedIt() {
        ModelCard card = trained.training().bundle().card();
        assertEquals("mlp", card.architecture());
        assertEquals("512,256", card.hyperParameters().get("hidden"));
        assertEquals("0.4", card.hyperParameters().get("dropout"));
        assertEquals(FeatureSet.SEED162, card.featureSet());
        assertEquals(16000, card.sampleRate());
        assertEquals("features table " + table + " with Apache Spark", card.provenance().details().get("trained_from"));
        assertEquals(spark.version(), card.provenance().details().get("spark_version"));
        assertEquals("local[2]", card.provenance().details().get("spark_master"));
        assertTrue(card.trainingData().protocol().contains("validation speakers 2 of 6"), card.trainingData().protocol());
    }

    @Test
    void theNormalisationIsTheNaiveMeanAndDeviationOfTheUsedRows() throws IOException {
        String small = dir.resolve("small").toString();
        List<Row> rows = FeatureTables.rows(2, 3, 2, 5);
        FeatureTables.write(spark, rows, small);
        TableTraining.Result r = TableTraining.builder().setTable(small).optValidationFraction(0)
                .optTrainingOptions(TrainingOptions.builder().optEpochs(1).optBatchSize(8).build())
                .optChunkRows(7).build().train(spark, TrainingListener.NONE);
        // No mapping: calm is a class of its own, boredom too; the broken rows are out.
        assertEquals(30, r.trainingRows());
        assertEquals(5, r.labels().size());
        float[] mean = r.training().bundle().card().normalisation().mean();
        float[] scale = r.training().bundle().card().normalisation().scale();
        for (int j = 0; j < FeatureTables.DIMS; j += 17) {
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (Row row : rows) {
                if (row.isNullAt(9) && !row.isNullAt(3)) {
                    float x = ((Float[]) row.get(7))[j];
                    sum += x;
                    sq += (double) x * x;
                    n++;
                }
            }
            double m = sum / n;
            assertEquals(m, mean[j], 1e-4);
            assertEquals(Math.sqrt(sq / n - m * m), scale[j], 1e-3);
        }
    }

    @Test
    void aMissingTableIsANoSuchFileExceptionNamingIt() {
        String missing = dir.resolve("no-such-table").toString();
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> TableTraining.builder().setTable(missing).build().train(spark, TrainingListener.NONE));
        assertEquals(missing, e.getFile());
    }

    @Test
    void aTableWithoutTheFeatureColumnsIsRejectedNamingThem() {
        String other = dir.resolve("other").toString();
        spark.createDataFrame(List.of(RowFactory.create("a.wav", "angry")), DataTypes.createStructType(List.of(
                DataTypes.createStructField("file", DataTypes.StringType, false),
                DataTypes.createStructField("label", DataTypes.StringType, true)))).write().parquet(other);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TableTraining.builder().setTable(other).build().train(spark, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("[feature_set, sample_rate, shape, values, error]"), e.getMessage());
    }

    @Test
    void badSettingsAreRejectedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> TableTraining.builder().setTable("t")
                .optValidationFraction(0.9).build());
        assertThrows(IllegalArgumentException.class, () -> TableTraining.builder().setTable("t").optChunkRows(0)
                .build());
        assertThrows(IllegalArgumentException.class, () -> TableTraining.builder().build());
        assertArrayEquals(new String[] {"file", "emotion", "values", "shape"}, TableRows.COLUMNS);
    }
}
