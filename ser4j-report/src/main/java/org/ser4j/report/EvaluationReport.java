package org.ser4j.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ser4j.core.eval.ClassificationReport;
import org.ser4j.core.eval.ConfusionMatrix;

/**
 * The evaluation report stage: labels and predictions (or a {@link ConfusionMatrix}) in, a folder with the figures
 * in every form a reader or a script wants out. What {@code ser4j eval} and {@code ser4j train} write.
 *
 * <p>Written into the output folder (created if missing; files of an earlier report are replaced):
 * <ul>
 *   <li>{@value #TEXT}: the title, {@link ClassificationReport#toText()} (laid out like scikit-learn's
 *       {@code classification_report}), and UA and WA spelt out;</li>
 *   <li>{@value #COUNTS_PNG} and {@value #NORMALISED_PNG}: the confusion matrix as counts and row-normalised
 *       (each row divided by the clips of its true class, so the diagonal is each class's recall), true labels
 *       down the rows, numbers in the cells, in the {@link ColorMap#VIRIDIS} colour map;</li>
 *   <li>{@value #PREDICTIONS} (only when predictions are given): one row per clip, header
 *       {@code item,truth,predicted,correct,speaker,corpus,p_LABEL...}, one probability column per label in label
 *       order (empty fields where unknown), RFC 4180 quoting;</li>
 *   <li>{@value #METRICS}: {@link #summaryJson} and a line break;</li>
 *   <li>{@value TrainingCurves#CHART} and {@value TrainingCurves#LOG} when training curves are given;</li>
 *   <li>{@value #PAGE}: one self-contained page (inline CSS, no scripts, no external resources; pictures
 *       referenced relatively, so the folder can be moved or zipped) with the headline figures, the per-class
 *       table, both matrices, the most frequent confusions and the training curves.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}.
 */
public final class EvaluationReport {

    /** The text report. */
    public static final String TEXT = "classification_report.txt";
    /** The confusion matrix of counts. */
    public static final String COUNTS_PNG = "confusion_counts.png";
    /** The row-normalised confusion matrix. */
    public static final String NORMALISED_PNG = "confusion_normalised.png";
    /** The predictions. */
    public static final String PREDICTIONS = "predictions.csv";
    /** The figures as one JSON line. */
    public static final String METRICS = "metrics.json";
    /** The page. */
    public static final String PAGE = "report.html";

    /** Default size of each confusion-matrix picture: legible for up to about twelve classes. */
    public static final int DEFAULT_MATRIX_WIDTH = 760;
    /** Default height of each confusion-matrix picture. */
    public static final int DEFAULT_MATRIX_HEIGHT = 680;
    /** Default number of confusions listed on the page. */
    public static final int DEFAULT_WORST_PAIRS = 10;

    /** Decimals of the figures in {@link #summaryJson}. */
    private static final int JSON_DECIMALS = 4;
    /** Decimals of probabilities in {@value #PREDICTIONS}: finer than any classifier is calibrated. */
    private static final int PROBABILITY_DECIMALS = 6;

    /**
     * A pair of classes the classifier mixes up.
     *
     * @param truth        the true label
     * @param predicted    the label predicted instead
     * @param count        clips of {@code truth} predicted as {@code predicted}
     * @param shareOfTruth {@code count} / clips of {@code truth}: the share of the true class lost to this mistake
     */
    public record ConfusedPair(String truth, String predicted, long count, double shareOfTruth) {
        public ConfusedPair {
            Objects.requireNonNull(truth, "truth");
            Objects.requireNonNull(predicted, "predicted");
            if (truth.equals(predicted)) {
                throw new IllegalArgumentException("a confusion needs two different labels, found '" + truth
                        + "' twice");
            }
            if (count < 1 || !(shareOfTruth > 0 && shareOfTruth <= 1)) {
                throw new IllegalArgumentException("a confusion needs a count >= 1 and a share in (0, 1], found "
                        + count + " and " + shareOfTruth);
            }
        }
    }

    private final String title;
    private final Optional<String> description;
    private final Map<String, String> details;
    private final Optional<TrainingCurves> trainingCurves;
    private final int matrixWidth;
    private final int matrixHeight;
    private final int worstPairs;

    private EvaluationReport(Builder b) {
        this.title = b.title;
        this.description = b.description;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(b.details));
        this.trainingCurves = b.trainingCurves;
        this.matrixWidth = b.matrixWidth;
        this.matrixHeight = b.matrixHeight;
        this.worstPairs = b.worstPairs;
    }

    /** A builder; {@link Builder#setTitle} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link EvaluationReport}. Not thread-safe. */
    public static final class Builder {
        private String title;
        private Optional<String> description = Optional.empty();
        private final Map<String, String> details = new LinkedHashMap<>();
        private Optional<TrainingCurves> trainingCurves = Optional.empty();
        private int matrixWidth = DEFAULT_MATRIX_WIDTH;
        private int matrixHeight = DEFAULT_MATRIX_HEIGHT;
        private int worstPairs = DEFAULT_WORST_PAIRS;

        private Builder() {
        }

        /** The title of the page and the text report, e.g. "MLP on EmoDB, speaker 03 held out". Required. */
        public Builder setTitle(String newTitle) {
            if (newTitle == null || newTitle.isBlank()) {
                throw new IllegalArgumentException("title must not be blank, found " + (newTitle == null ? "null"
                        : "'" + newTitle + "'"));
            }
            this.title = newTitle;
            return this;
        }

        /** A sentence or two under the title: what was evaluated on what. */
        public Builder optDescription(String newDescription) {
            this.description = Optional.of(Objects.requireNonNull(newDescription, "description"));
            return this;
        }

        /**
         * One line of provenance shown under the title and in the text report ("model", "bundle.zip"; "data",
         * "manifest.csv"), in the order added; adding a key again replaces its value.
         */
        public Builder optDetail(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            details.put(key, value);
            return this;
        }

        /** Training curves to write and show with the evaluation. */
        public Builder optTrainingCurves(TrainingCurves curves) {
            this.trainingCurves = Optional.of(Objects.requireNonNull(curves, "curves"));
            return this;
        }

        /**
         * Size in pixels of each confusion-matrix picture (default {@value EvaluationReport#DEFAULT_MATRIX_WIDTH}
         * x {@value EvaluationReport#DEFAULT_MATRIX_HEIGHT}).
         */
        public Builder optMatrixSize(int width, int height) {
            if (width < 200 || height < 200) {
                throw new IllegalArgumentException("confusion-matrix pictures need at least 200 x 200 pixels, found "
                        + width + " x " + height);
            }
            this.matrixWidth = width;
            this.matrixHeight = height;
            return this;
        }

        /**
         * How many of the most frequent confusions the page lists (default
         * {@value EvaluationReport#DEFAULT_WORST_PAIRS}).
         */
        public Builder optWorstPairs(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("worst pairs must be >= 0, found " + count);
            }
            this.worstPairs = count;
            return this;
        }

        /** The report. */
        public EvaluationReport build() {
            if (title == null) {
                throw new IllegalStateException("setTitle is required");
            }
            return new EvaluationReport(this);
        }
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** The description, if any. */
    public Optional<String> description() {
        return description;
    }

    /** The provenance lines, in order. */
    public Map<String, String> details() {
        return details;
    }

    /** The training curves, if any. */
    public Optional<TrainingCurves> trainingCurves() {
        return trainingCurves;
    }

    /**
     * Writes the report of {@code predictions} over {@code labels}.
     *
     * @param labels      the classes, in the order of matrix rows, columns and probability columns; distinct, at
     *                    least two
     * @param predictions the clips; every truth and prediction one of {@code labels}, every probability array
     *                    empty or one per label
     * @param outDir      output folder, created with its parents when missing
     * @throws IllegalArgumentException when a prediction does not fit the labels
     * @throws IOException              when the output cannot be written
     */
    public EvaluationResult write(List<String> labels, List<Prediction> predictions, Path outDir) throws IOException {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(predictions, "predictions");
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("an evaluation needs at least one prediction, found none");
        }
        return write(count(new ConfusionMatrix(labels), predictions), predictions, outDir);
    }

    /**
     * Writes the report of a confusion matrix counted elsewhere (across folds, say, or in Spark), with the
     * predictions behind it when they were kept.
     *
     * @param matrix      the counts; at least one clip
     * @param predictions the clips counted in {@code matrix}, or an empty list when they were not kept (then no
     *                    {@value #PREDICTIONS} is written)
     * @param outDir      output folder, created with its parents when missing
     * @throws IllegalArgumentException when the predictions do not count up to {@code matrix}
     * @throws IOException              when the output cannot be written
     */
    public EvaluationResult write(ConfusionMatrix matrix, List<Prediction> predictions, Path outDir)
            throws IOException {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(outDir, "outDir");
        if (matrix.total() == 0) {
            throw new IllegalArgumentException("an evaluation needs at least one counted clip, found none");
        }
        List<String> labels = matrix.labels();
        if (!predictions.isEmpty()) {
            long[][] recounted = count(new ConfusionMatrix(labels), predictions).counts();
            if (!Arrays.deepEquals(recounted, matrix.counts())) {
                throw new IllegalArgumentException("the " + predictions.size() + " predictions do not count up to "
                        + "the confusion matrix of " + matrix.total() + " clips; expected the predictions behind it"
                        + " or none");
            }
        }
        Files.createDirectories(outDir);
        ClassificationReport report = matrix.report();
        List<Path> written = new ArrayList<>();

        written.add(write(outDir.resolve(TEXT), text(report)));
        written.add(Images.writePng(ConfusionPicture.render(countsSpec(matrix), matrixWidth, matrixHeight),
                outDir.resolve(COUNTS_PNG)));
        written.add(Images.writePng(ConfusionPicture.render(normalisedSpec(matrix), matrixWidth, matrixHeight),
                outDir.resolve(NORMALISED_PNG)));
        if (!predictions.isEmpty()) {
            written.add(writePredictions(outDir.resolve(PREDICTIONS), labels, predictions));
        }
        written.add(write(outDir.resolve(METRICS), summaryJson(report, Math.toIntExact(report.n())) + "\n"));
        if (trainingCurves.isPresent()) {
            written.addAll(trainingCurves.get().write(outDir));
        }
        Path page = outDir.resolve(PAGE);
        EvaluationPage html = new EvaluationPage(this, matrix, report, worstConfusions(matrix, worstPairs),
                !predictions.isEmpty(), matrixWidth, matrixHeight);
        written.add(write(page, html.html()));
        return new EvaluationResult(page, written, report);
    }

    /**
     * The figures as exactly one line of JSON, numbers rounded half-up to 4 decimals, classes in label order:
     * <pre>{"n":120,"ua":0.6325,"wa":0.65,"macro_f1":0.6102,"per_class":{"angry":{"precision":0.7,
     * "recall":0.8,"f1":0.7467,"support":30},...}}</pre>
     *
     * @param report the figures
     * @param n      the clips evaluated, normally {@code report.n()}; written as given (a caller may count clips
     *               that could not be scored, which the report does not hold)
     */
    public static String summaryJson(ClassificationReport report, int n) {
        Objects.requireNonNull(report, "report");
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, found " + n);
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            g.writeStartObject();
            g.writeNumberField("n", n);
            g.writeNumberField("ua", CsvFile.rounded(report.ua(), JSON_DECIMALS));
            g.writeNumberField("wa", CsvFile.rounded(report.wa(), JSON_DECIMALS));
            g.writeNumberField("macro_f1", CsvFile.rounded(report.macroF1(), JSON_DECIMALS));
            g.writeObjectFieldStart("per_class");
            for (Map.Entry<String, ClassificationReport.ClassScores> e : report.perClass().entrySet()) {
                ClassificationReport.ClassScores s = e.getValue();
                g.writeObjectFieldStart(e.getKey());
                g.writeNumberField("precision", CsvFile.rounded(s.precision(), JSON_DECIMALS));
                g.writeNumberField("recall", CsvFile.rounded(s.recall(), JSON_DECIMALS));
                g.writeNumberField("f1", CsvFile.rounded(s.f1(), JSON_DECIMALS));
                g.writeNumberField("support", s.support());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            // A StringWriter does not fail; Jackson declares the exception for its other targets.
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The off-diagonal cells with at least one clip, most clips first (ties: larger share of the true class
     * first, then label order), at most {@code limit}.
     */
    public static List<ConfusedPair> worstConfusions(ConfusionMatrix matrix, int limit) {
        Objects.requireNonNull(matrix, "matrix");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, found " + limit);
        }
        long[][] c = matrix.counts();
        double[][] share = matrix.rowNormalised();
        List<int[]> cells = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c.length; j++) {
                if (i != j && c[i][j] > 0) {
                    cells.add(new int[] {i, j});
                }
            }
        }
        // The sort is stable and cells were collected in label order, which settles the remaining ties.
        cells.sort(Comparator.<int[]>comparingLong(x -> -c[x[0]][x[1]])
                .thenComparingDouble(x -> -share[x[0]][x[1]]));
        List<String> labels = matrix.labels();
        return cells.stream().limit(limit)
                .map(x -> new ConfusedPair(labels.get(x[0]), labels.get(x[1]), c[x[0]][x[1]], share[x[0]][x[1]]))
                .toList();
    }

    private static ConfusionMatrix count(ConfusionMatrix m, List<Prediction> predictions) {
        List<String> labels = m.labels();
        for (Prediction p : predictions) {
            Objects.requireNonNull(p, "prediction");
            int t = labels.indexOf(p.truth());
            int q = labels.indexOf(p.predicted());
            if (t < 0 || q < 0) {
                throw new IllegalArgumentException("'" + p.item() + "': truth '" + p.truth() + "' and prediction '"
                        + p.predicted() + "' must both be one of " + labels);
            }
            if (p.hasProbabilities() && p.probabilities().length != labels.size()) {
                throw new IllegalArgumentException("'" + p.item() + "': expected " + labels.size()
                        + " probabilities (one per label) or none, found " + p.probabilities().length);
            }
            m.accept(t, q);
        }
        return m;
    }

    private String text(ClassificationReport r) {
        StringBuilder t = new StringBuilder();
        t.append(title).append('\n');
        description.ifPresent(d -> t.append(d).append('\n'));
        details.forEach((k, v) -> t.append(k).append(": ").append(v).append('\n'));
        long present = r.perClass().values().stream().filter(s -> s.support() > 0).count();
        t.append('\n').append(r.toText()).append('\n')
                .append(String.format(Locale.ROOT, "UA (unweighted accuracy, mean recall over the %d classes with "
                        + "clips): %.2f %%%n", present, 100 * r.ua()))
                .append(String.format(Locale.ROOT, "WA (weighted accuracy, correct / all %d clips): %.2f %%%n",
                        r.n(), 100 * r.wa()));
        return t.toString();
    }

    static ConfusionPicture.Spec countsSpec(ConfusionMatrix m) {
        long[][] c = m.counts();
        int k = c.length;
        double[][] values = new double[k][k];
        String[][] text = new String[k][k];
        long max = 1;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                values[i][j] = c[i][j];
                text[i][j] = Long.toString(c[i][j]);
                max = Math.max(max, c[i][j]);
            }
        }
        return new ConfusionPicture.Spec("Confusion matrix (counts)", m.labels(), values, text, max,
                ColorMap.VIRIDIS, "clips");
    }

    static ConfusionPicture.Spec normalisedSpec(ConfusionMatrix m) {
        double[][] values = m.rowNormalised();
        long[][] c = m.counts();
        int k = values.length;
        String[][] text = new String[k][k];
        for (int i = 0; i < k; i++) {
            boolean empty = Arrays.stream(c[i]).sum() == 0;
            for (int j = 0; j < k; j++) {
                // A class with no clips has no recall: its row says so rather than showing zeros.
                text[i][j] = empty ? "–" : String.format(Locale.ROOT, "%.2f", values[i][j]);
            }
        }
        return new ConfusionPicture.Spec("Confusion matrix (share of true class)", m.labels(), values, text, 1.0,
                ColorMap.VIRIDIS, "share of true class (recall on the diagonal)");
    }

    private static Path writePredictions(Path file, List<String> labels, List<Prediction> predictions)
            throws IOException {
        List<String> header = new ArrayList<>(List.of("item", "truth", "predicted", "correct", "speaker", "corpus"));
        labels.forEach(l -> header.add("p_" + l));
        List<List<String>> rows = new ArrayList<>(predictions.size());
        for (Prediction p : predictions) {
            List<String> row = new ArrayList<>(header.size());
            row.add(p.item());
            row.add(p.truth());
            row.add(p.predicted());
            row.add(Boolean.toString(p.correct()));
            row.add(p.speaker().orElse(""));
            row.add(p.corpus().orElse(""));
            double[] probabilities = p.probabilities();
            for (int i = 0; i < labels.size(); i++) {
                row.add(probabilities.length == 0 ? "" : CsvFile.number(probabilities[i], PROBABILITY_DECIMALS));
            }
            rows.add(row);
        }
        return CsvFile.write(file, header, rows);
    }

    private static Path write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
