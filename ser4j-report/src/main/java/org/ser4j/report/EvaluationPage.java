package org.ser4j.report;

import static org.ser4j.report.Html.escape;
import static org.ser4j.report.Html.hex;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ser4j.core.Emotion;
import org.ser4j.core.eval.ClassificationReport;
import org.ser4j.core.eval.ConfusionMatrix;

/**
 * The evaluation report's {@value EvaluationReport#PAGE}: headline figures, per-class table, confusion matrices,
 * most frequent confusions, training curves and links to the other files. Everything from labels, titles and
 * item names is HTML-escaped.
 */
final class EvaluationPage {

    private final EvaluationReport owner;
    private final ConfusionMatrix matrix;
    private final ClassificationReport report;
    private final List<EvaluationReport.ConfusedPair> confusions;
    private final boolean predictionsWritten;
    private final int matrixWidth;
    private final int matrixHeight;

    EvaluationPage(EvaluationReport owner, ConfusionMatrix matrix, ClassificationReport report,
            List<EvaluationReport.ConfusedPair> confusions, boolean predictionsWritten, int matrixWidth,
            int matrixHeight) {
        this.owner = owner;
        this.matrix = matrix;
        this.report = report;
        this.confusions = confusions;
        this.predictionsWritten = predictionsWritten;
        this.matrixWidth = matrixWidth;
        this.matrixHeight = matrixHeight;
    }

    String html() {
        StringBuilder h = new StringBuilder(16_384);
        Html.begin(h, owner.title());
        h.append("<h1>").append(escape(owner.title())).append("</h1>\n");
        owner.description().ifPresent(d -> h.append("<p class=\"lead\">").append(escape(d)).append("</p>\n"));
        if (!owner.details().isEmpty()) {
            h.append("<dl class=\"meta\">\n");
            owner.details().forEach((k, v) -> h.append("<div><dt>").append(escape(k)).append("</dt><dd>")
                    .append(escape(v)).append("</dd></div>\n"));
            h.append("</dl>\n");
        }
        h.append("<dl class=\"summary\">\n");
        Html.summaryItem(h, "clips", String.format(Locale.ROOT, "%,d", report.n()));
        Html.summaryItem(h, "classes", Integer.toString(matrix.labels().size()));
        Html.summaryItem(h, "UA (unweighted accuracy)", percent(report.ua(), 2));
        Html.summaryItem(h, "WA (accuracy)", percent(report.wa(), 2));
        Html.summaryItem(h, "macro-F1", percent(report.macroF1(), 2));
        h.append("</dl>\n");
        perClass(h);
        h.append("<h2 id=\"confusion\">Confusion matrices</h2>\n<p class=\"note\">Rows are true labels, columns ")
                .append("predicted labels. Right: each row divided by the clips of its true class, so the diagonal ")
                .append("is each class's recall and each row sums to 1.</p>\n<div class=\"grid pair\">\n");
        Html.figure(h, EvaluationReport.COUNTS_PNG, "Confusion matrix: clips per true and predicted label.",
                matrixWidth, matrixHeight);
        Html.figure(h, EvaluationReport.NORMALISED_PNG, "Confusion matrix normalised per true label (recall on the "
                + "diagonal).", matrixWidth, matrixHeight);
        h.append("</div>\n");
        confusions(h);
        owner.trainingCurves().ifPresent(c -> training(h, c));
        files(h);
        h.append("<footer>Written by ser4j. UA is the mean recall over the classes that have clips, WA the plain ")
                .append("accuracy, macro-F1 the mean F1 over the classes that have clips; a ratio with a zero ")
                .append("denominator counts as 0, as in scikit-learn with <code>zero_division=0</code>. Confusion ")
                .append("matrices in the viridis colour map.</footer>\n");
        Html.end(h);
        return h.toString();
    }

    private void perClass(StringBuilder h) {
        h.append("<h2 id=\"classes\">Per class</h2>\n<div class=\"table-wrap\">\n<table>\n")
                .append("<caption>Precision, recall and F1 per class, in per cent; support in clips</caption>\n")
                .append("<thead>\n<tr><th scope=\"col\">class</th><th scope=\"col\">precision</th>")
                .append("<th scope=\"col\">recall</th><th scope=\"col\">F1</th><th scope=\"col\">support</th>")
                .append("</tr>\n</thead>\n<tbody>\n");
        for (Map.Entry<String, ClassificationReport.ClassScores> e : report.perClass().entrySet()) {
            ClassificationReport.ClassScores s = e.getValue();
            h.append("<tr><th scope=\"row\">");
            // Vocabulary emotions wear the colour they have in every other ser4j chart.
            Emotion.parse(e.getKey()).ifPresent(em -> h.append("<span class=\"swatch\" aria-hidden=\"true\" ")
                    .append("style=\"background:").append(hex(EmotionPalette.of(em))).append("\"></span>"));
            h.append(escape(e.getKey())).append("</th><td>").append(percent(s.precision(), 1)).append("</td><td>")
                    .append(percent(s.recall(), 1)).append("</td><td>").append(percent(s.f1(), 1))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%,d", s.support())).append("</td></tr>\n");
        }
        // The averages laid out as scikit-learn's classification_report lays them out, UA under recall.
        String n = String.format(Locale.ROOT, "%,d", report.n());
        h.append("</tbody>\n<tfoot>\n<tr><th scope=\"row\">mean over classes (UA, macro-F1)</th><td></td><td>")
                .append(percent(report.ua(), 1)).append("</td><td>").append(percent(report.macroF1(), 1))
                .append("</td><td>").append(n).append("</td></tr>\n<tr><th scope=\"row\">accuracy (WA)</th>")
                .append("<td></td><td></td><td>").append(percent(report.wa(), 1)).append("</td><td>").append(n)
                .append("</td></tr>\n</tfoot>\n</table>\n</div>\n");
        long absent = report.perClass().values().stream().filter(s -> s.support() == 0).count();
        if (absent > 0) {
            h.append("<p class=\"note\">").append(absent).append(absent == 1
                    ? " class has no clips here and does not count" : " classes have no clips here and do not count")
                    .append(" towards UA and macro-F1.</p>\n");
        }
    }

    private void confusions(StringBuilder h) {
        h.append("<h2 id=\"confusions\">Most frequent confusions</h2>\n");
        if (confusions.isEmpty()) {
            h.append("<p>No clip was misclassified.</p>\n");
            return;
        }
        h.append("<div class=\"table-wrap\">\n<table>\n<caption>Pairs of classes mixed up most often; share: of ")
                .append("the clips of the true class</caption>\n<thead>\n<tr><th scope=\"col\">true</th>")
                .append("<th scope=\"col\" class=\"text\">predicted as</th><th scope=\"col\">clips</th>")
                .append("<th scope=\"col\">share</th></tr>\n</thead>\n<tbody>\n");
        for (EvaluationReport.ConfusedPair p : confusions) {
            h.append("<tr><td>").append(escape(p.truth())).append("</td><td class=\"text\">")
                    .append(escape(p.predicted())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,d", p.count())).append("</td><td>")
                    .append(percent(p.shareOfTruth(), 1)).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n");
    }

    private static void training(StringBuilder h, TrainingCurves curves) {
        List<TrainingCurves.Point> points = curves.points();
        double seconds = points.stream().mapToDouble(TrainingCurves.Point::seconds).sum();
        h.append("<h2 id=\"training\">Training</h2>\n<p>").append(points.size())
                .append(points.size() == 1 ? " epoch" : " epochs").append(String.format(Locale.ROOT, " in %.1f s", seconds));
        points.stream().filter(p -> !Double.isNaN(p.validationUa()))
                .reduce((a, b) -> b.validationUa() > a.validationUa() ? b : a)
                .ifPresent(best -> h.append("; best validation UA ").append(percent(best.validationUa(), 2))
                        .append(" at epoch ").append(best.epoch()));
        h.append(".</p>\n<div class=\"grid\">\n");
        Html.figure(h, TrainingCurves.CHART, "Training loss (left), training accuracy and validation UA (right) "
                + "per epoch.", TrainingCurves.DEFAULT_WIDTH, TrainingCurves.DEFAULT_HEIGHT);
        h.append("</div>\n");
    }

    private void files(StringBuilder h) {
        h.append("<h2 id=\"files\">Files</h2>\n<ul class=\"files\">\n");
        file(h, EvaluationReport.TEXT, "the figures as text, laid out like scikit-learn's classification_report");
        file(h, EvaluationReport.METRICS, "the figures as one line of JSON");
        if (predictionsWritten) {
            file(h, EvaluationReport.PREDICTIONS, "one row per clip: truth, prediction and probabilities");
        }
        if (owner.trainingCurves().isPresent()) {
            file(h, TrainingCurves.LOG, "loss, accuracy, validation UA and time per epoch");
        }
        h.append("</ul>\n");
    }

    private static void file(StringBuilder h, String name, String what) {
        h.append("<li><a href=\"").append(escape(name)).append("\"><code>").append(escape(name))
                .append("</code></a>: ").append(escape(what)).append("</li>\n");
    }

    private static String percent(double fraction, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f %%", 100 * fraction);
    }
}
