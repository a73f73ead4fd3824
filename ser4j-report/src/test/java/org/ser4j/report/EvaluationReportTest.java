package org.ser4j.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.core.eval.ClassificationReport;
import org.ser4j.core.eval.ConfusionMatrix;
import org.ser4j.data.manifest.Csv;

class EvaluationReportTest {

    /** A label that needs CSV quoting and HTML escaping. */
    private static final String ODD = "happy, \"really\" <b>";
    private static final List<String> LABELS = List.of("angry", "sad", ODD, "neutral");
    /** counts[true][predicted], chosen so every figure can be worked out by hand; neutral has no clips. */
    private static final int[][] COUNTS = {
        {4, 1, 0, 0},
        {2, 3, 0, 1},
        {0, 0, 2, 0},
        {0, 0, 0, 0},
    };
    private static final int W = 300;
    private static final int H = 280;

    @TempDir
    static Path temp;

    static List<Prediction> predictions;
    static EvaluationResult result;
    static Path out;

    @BeforeAll
    static void writeReport() throws IOException {
        predictions = new ArrayList<>();
        int k = 0;
        for (int t = 0; t < COUNTS.length; t++) {
            for (int p = 0; p < COUNTS.length; p++) {
                for (int c = 0; c < COUNTS[t][p]; c++) {
                    double[] probabilities = new double[LABELS.size()];
                    probabilities[p] = 0.7;
                    probabilities[(p + 1) % LABELS.size()] = 0.3;
                    Prediction pred = new Prediction("clips/" + k + ",take \"" + k + "\".wav", LABELS.get(t),
                            LABELS.get(p), k % 3 == 0 ? new double[0] : probabilities);
                    predictions.add(k % 2 == 0 ? pred.withSpeaker("s" + k % 4).withCorpus("EmoDB") : pred);
                    k++;
                }
            }
        }
        TrainingCurves curves = new TrainingCurves(List.of(
                new TrainingCurves.Point(1, 1.2, 0.4, Double.NaN, 2.0),
                new TrainingCurves.Point(2, 0.9, 0.6, 0.55, 2.1),
                new TrainingCurves.Point(3, 0.7, 0.7, 0.61, 1.9)));
        out = temp.resolve("eval");
        result = EvaluationReport.builder().setTitle("MLP on <script>alert(1)</script>")
                .optDescription("Speaker 03 held out.").optDetail("model", "bundle.zip").optTrainingCurves(curves)
                .optMatrixSize(W, H).build().write(LABELS, predictions, out);
    }

    private static ConfusionMatrix matrix() {
        ConfusionMatrix m = new ConfusionMatrix(LABELS);
        predictions.forEach(p -> m.accept(p.truth(), p.predicted()));
        return m;
    }

    @Test
    void writesEveryFileAndListsThem() {
        List<String> names = result.files().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of(EvaluationReport.TEXT, EvaluationReport.COUNTS_PNG, EvaluationReport.NORMALISED_PNG,
                EvaluationReport.PREDICTIONS, EvaluationReport.METRICS, TrainingCurves.CHART, TrainingCurves.LOG,
                EvaluationReport.PAGE), names);
        for (Path p : result.files()) {
            assertTrue(Files.isRegularFile(p), p + " exists");
            assertEquals(out, p.getParent());
        }
        assertEquals(out.resolve(EvaluationReport.PAGE), result.page());
        assertEquals(13, result.report().n());
    }

    @Test
    void picturesAreReadablePngsOfTheRequestedSize() throws IOException {
        for (String name : List.of(EvaluationReport.COUNTS_PNG, EvaluationReport.NORMALISED_PNG)) {
            BufferedImage img = ImageIO.read(out.resolve(name).toFile());
            assertEquals(W, img.getWidth(), name);
            assertEquals(H, img.getHeight(), name);
            // The largest value takes the top colour of the map and zeros the bottom one: far more pixels of them
            // than the colour bar's one or two rows, so cells are really painted in the map.
            assertTrue(count(img, ColorMap.VIRIDIS.rgb(1)) > 4 * Heatmap.BAR_WIDTH, name + " top colour");
            assertTrue(count(img, ColorMap.VIRIDIS.rgb(0)) > 4 * Heatmap.BAR_WIDTH, name + " bottom colour");
        }
        BufferedImage curves = ImageIO.read(out.resolve(TrainingCurves.CHART).toFile());
        assertEquals(TrainingCurves.DEFAULT_WIDTH, curves.getWidth());
        assertEquals(TrainingCurves.DEFAULT_HEIGHT, curves.getHeight());
    }

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void textReportHoldsTheClassificationReportAndUaWaLines() throws IOException {
        String text = Files.readString(out.resolve(EvaluationReport.TEXT));
        assertTrue(text.startsWith("MLP on <script>alert(1)</script>\nSpeaker 03 held out.\nmodel: bundle.zip\n"));
        assertTrue(text.contains(result.report().toText()));
        // UA over the three classes with clips: (4/5 + 3/6 + 2/2) / 3; WA 9/13.
        assertTrue(text.contains("UA (unweighted accuracy, mean recall over the 3 classes with clips): 76.67 %"),
                text);
        assertTrue(text.contains("WA (weighted accuracy, correct / all 13 clips): 69.23 %"), text);
    }

    @Test
    void predictionsCsvHasOneRowPerClipAndQuotesOddFields() throws Exception {
        String raw = Files.readString(out.resolve(EvaluationReport.PREDICTIONS));
        List<Csv.Row> rows = Csv.read(new StringReader(raw), "predictions.csv");
        assertEquals(1 + predictions.size(), rows.size());
        assertEquals(List.of("item", "truth", "predicted", "correct", "speaker", "corpus", "p_angry", "p_sad",
                "p_" + ODD, "p_neutral"), rows.get(0).fields());
        assertTrue(raw.startsWith("item,truth,predicted,correct,speaker,corpus,p_angry,p_sad,\"p_happy, \"\"really\"\" <b>\""),
                "the label with a comma and quotes is quoted, its quotes doubled");
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            List<String> f = rows.get(i + 1).fields();
            assertEquals(p.item(), f.get(0));
            assertEquals(p.truth(), f.get(1));
            assertEquals(p.predicted(), f.get(2));
            assertEquals(Boolean.toString(p.truth().equals(p.predicted())), f.get(3));
            assertEquals(p.speaker().orElse(""), f.get(4));
            assertEquals(p.corpus().orElse(""), f.get(5));
            double[] probabilities = p.probabilities();
            for (int j = 0; j < LABELS.size(); j++) {
                String cell = f.get(6 + j);
                if (probabilities.length == 0) {
                    assertEquals("", cell);
                } else {
                    assertEquals(probabilities[j], Double.parseDouble(cell), 1e-6);
                }
            }
        }
    }

    @Test
    void metricsJsonIsOneLineWithTheDocumentedKeys() throws IOException {
        String json = Files.readString(out.resolve(EvaluationReport.METRICS));
        assertTrue(json.endsWith("\n"));
        assertEquals(1, json.lines().count());
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(List.of("n", "ua", "wa", "macro_f1", "per_class"), names(root));
        assertEquals(13, root.get("n").asInt());
        assertEquals((0.8 + 0.5 + 1.0) / 3, root.get("ua").asDouble(), 5e-5);
        assertEquals(9 / 13.0, root.get("wa").asDouble(), 5e-5);
        assertEquals(LABELS, names(root.get("per_class")), "classes in label order");
        ClassificationReport r = result.report();
        for (String label : LABELS) {
            JsonNode c = root.get("per_class").get(label);
            assertEquals(List.of("precision", "recall", "f1", "support"), names(c));
            ClassificationReport.ClassScores s = r.perClass().get(label);
            assertEquals(s.precision(), c.get("precision").asDouble(), 5e-5);
            assertEquals(s.recall(), c.get("recall").asDouble(), 5e-5);
            assertEquals(s.f1(), c.get("f1").asDouble(), 5e-5);
            assertEquals(s.support(), c.get("support").asLong());
        }
        assertEquals(EvaluationReport.summaryJson(r, 13) + "\n", json);
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void summaryJsonMatchesHandComputedFigures() {
        // truth a a b, predicted a b b: recall a 1/2, b 1/1; precision a 1/1, b 1/2; F1 of both 2/3.
        ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b")).accept("a", "a").accept("a", "b").accept("b", "b");
        assertEquals("{\"n\":3,\"ua\":0.75,\"wa\":0.6667,\"macro_f1\":0.6667,\"per_class\":{"
                + "\"a\":{\"precision\":1,\"recall\":0.5,\"f1\":0.6667,\"support\":2},"
                + "\"b\":{\"precision\":0.5,\"recall\":1,\"f1\":0.6667,\"support\":1}}}",
                EvaluationReport.summaryJson(m.report(), 3));
        assertThrows(IllegalArgumentException.class, () -> EvaluationReport.summaryJson(m.report(), -1));
    }

    @Test
    void numbersAreRoundedHalfUpWithoutExponents() {
        assertEquals("0.0005", CsvFile.number(0.00049999999, 4));
        assertEquals("0", CsvFile.number(0.00004, 4));
        assertEquals("1", CsvFile.number(0.99996, 4));
        assertEquals("100", CsvFile.number(100, 4));
        assertEquals("", CsvFile.number(Double.NaN, 4));
        assertThrows(IllegalArgumentException.class, () -> CsvFile.number(Double.POSITIVE_INFINITY, 4));
    }

    @Test
    void normalisedMatrixRowsSumToOneAndEmptyRowsSayNoClips() {
        ConfusionPicture.Spec spec = EvaluationReport.normalisedSpec(matrix());
        for (int i = 0; i < 3; i++) {
            double sum = 0;
            for (double v : spec.values()[i]) {
                sum += v;
            }
            assertEquals(1.0, sum, 1e-12, "row " + i);
        }
        assertEquals("0.33", spec.cellText()[1][0], "2 of the 6 sad clips taken for angry");
        assertEquals("0.80", spec.cellText()[0][0]);
        assertArrayEquals(new String[] {"–", "–", "–", "–"}, spec.cellText()[3], "neutral has no clips");
        ConfusionPicture.Spec counts = EvaluationReport.countsSpec(matrix());
        assertEquals("4", counts.cellText()[0][0]);
        assertEquals(4.0, counts.vmax());
    }

    @Test
    void worstConfusionsAreTheLargestOffDiagonalCells() {
        List<EvaluationReport.ConfusedPair> pairs = EvaluationReport.worstConfusions(matrix(), 10);
        assertEquals(List.of(
                new EvaluationReport.ConfusedPair("sad", "angry", 2, 2 / 6.0),
                // Equal counts: the larger share of its true class first (1/5 of angry before 1/6 of sad).
                new EvaluationReport.ConfusedPair("angry", "sad", 1, 1 / 5.0),
                new EvaluationReport.ConfusedPair("sad", "neutral", 1, 1 / 6.0)), pairs);
        assertEquals(1, EvaluationReport.worstConfusions(matrix(), 1).size());
    }

    @Test
    void pageShowsFiguresTablesAndEscapesText() throws IOException {
        String html = Files.readString(result.page());
        for (String src : List.of(EvaluationReport.COUNTS_PNG, EvaluationReport.NORMALISED_PNG, TrainingCurves.CHART)) {
            assertTrue(html.contains("<img src=\"" + src + "\""), src);
        }
        assertTrue(html.contains("76.67 %"), "UA headline");
        assertTrue(html.contains("69.23 %"), "WA headline");
        assertTrue(html.contains("id=\"confusions\""));
        assertTrue(html.contains("<td>sad</td><td class=\"text\">angry</td><td>2</td><td>33.3 %</td>"));
        assertTrue(html.contains("best validation UA 61.00 % at epoch 3"));
        assertTrue(html.contains(Html.escape(ODD)));
        assertFalse(html.contains("<script"), "title escaped");
        assertFalse(html.contains("http://") || html.contains("https://"), "no external resources");
        assertTrue(html.contains("1 class has no clips"));
    }

    @Test
    void matrixWithoutPredictionsWritesNoPredictionsFile() throws IOException {
        Path dir = temp.resolve("matrix-only");
        EvaluationResult r = EvaluationReport.builder().setTitle("counts only").optMatrixSize(W, H).build()
                .write(matrix(), List.of(), dir);
        assertFalse(Files.exists(dir.resolve(EvaluationReport.PREDICTIONS)));
        assertFalse(Files.exists(dir.resolve(TrainingCurves.CHART)));
        assertEquals(5, r.files().size());
        assertFalse(Files.readString(r.page()).contains(EvaluationReport.PREDICTIONS));
    }

    @Test
    void rejectsPredictionsThatDoNotFitTheLabelsOrTheMatrix() {
        EvaluationReport report = EvaluationReport.builder().setTitle("t").optMatrixSize(W, H).build();
        Path dir = temp.resolve("rejected");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> report.write(LABELS,
                List.of(Prediction.of("x.wav", "angry", "bored")), dir));
        assertTrue(unknown.getMessage().contains("x.wav") && unknown.getMessage().contains("bored"));
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class, () -> report.write(LABELS,
                List.of(new Prediction("y.wav", "angry", "sad", new double[] {0.5, 0.5})), dir));
        assertTrue(width.getMessage().contains("expected 4 probabilities"), width.getMessage());
        assertThrows(IllegalArgumentException.class, () -> report.write(matrix(), predictions.subList(0, 3), dir));
        assertThrows(IllegalArgumentException.class, () -> report.write(LABELS, List.of(), dir));
        assertThrows(IllegalArgumentException.class, () -> report.write(new ConfusionMatrix(LABELS), List.of(), dir));
        assertFalse(Files.exists(dir), "nothing written for rejected input");
    }

    @Test
    void builderRequiresATitleAndSaneSizes() {
        assertThrows(IllegalStateException.class, () -> EvaluationReport.builder().build());
        assertThrows(IllegalArgumentException.class, () -> EvaluationReport.builder().setTitle(" "));
        assertThrows(IllegalArgumentException.class, () -> EvaluationReport.builder().optMatrixSize(100, 400));
        assertThrows(IllegalArgumentException.class, () -> EvaluationReport.builder().optWorstPairs(-1));
    }

    @Test
    void predictionCopiesItsProbabilities() {
        double[] p = {0.25, 0.75};
        Prediction a = new Prediction("a.wav", "x", "y", p);
        p[0] = 1;
        assertEquals(0.25, a.probabilities()[0]);
        a.probabilities()[1] = 0;
        assertEquals(0.75, a.probabilities()[1]);
        assertEquals(a, new Prediction("a.wav", "x", "y", new double[] {0.25, 0.75}));
        assertNotEquals(a, a.withSpeaker("s1"));
        assertFalse(a.correct());
        assertThrows(IllegalArgumentException.class, () -> new Prediction("b.wav", "x", "x", new double[] {1.5}));
        assertThrows(IllegalArgumentException.class, () -> new Prediction("b.wav", "x", "x",
                new double[] {Double.NaN}));
    }
}
