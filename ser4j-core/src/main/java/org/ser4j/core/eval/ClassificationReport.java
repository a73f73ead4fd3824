package org.ser4j.core.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a classification, as the field reports them (and scikit-learn computes them).
 *
 * <ul>
 *   <li>WA, weighted accuracy: plain accuracy, correct / all.</li>
 *   <li>UA, unweighted accuracy: the mean recall over the classes that occur (support above 0), the honest
 *       figure on imbalanced data.</li>
 *   <li>Macro-F1: the mean F1 over the classes that occur.</li>
 *   <li>Per class: precision, recall, F1 and support. As in scikit-learn with {@code zero_division=0}, a ratio
 *       with a zero denominator is 0.</li>
 * </ul>
 *
 * @param n        clips counted
 * @param wa       weighted accuracy
 * @param ua       unweighted accuracy
 * @param macroF1  macro-averaged F1
 * @param perClass figures per label, in the matrix's label order
 */
public record ClassificationReport(long n, double wa, double ua, double macroF1, Map<String, ClassScores> perClass) {

    /**
     * The figures of one class.
     *
     * @param precision correct predictions of the class / all predictions of the class
     * @param recall    correct predictions of the class / all clips of the class
     * @param f1        harmonic mean of precision and recall
     * @param support   clips of the class
     */
    public record ClassScores(double precision, double recall, double f1, long support) {
    }

    public ClassificationReport {
        perClass = Collections.unmodifiableMap(new LinkedHashMap<>(perClass));
    }

    static ClassificationReport of(ConfusionMatrix m) {
        long[][] c = m.counts();
        int k = c.length;
        Map<String, ClassScores> per = new LinkedHashMap<>();
        long correct = 0;
        double recallSum = 0;
        double f1Sum = 0;
        int present = 0;
        for (int i = 0; i < k; i++) {
            long support = 0;
            long predicted = 0;
            for (int j = 0; j < k; j++) {
                support += c[i][j];
                predicted += c[j][i];
            }
            long tp = c[i][i];
            correct += tp;
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            per.put(m.labels().get(i), new ClassScores(precision, recall, f1, support));
            if (support > 0) {
                present++;
                recallSum += recall;
                f1Sum += f1;
            }
        }
        long n = m.total();
        return new ClassificationReport(n, n == 0 ? 0 : (double) correct / n, present == 0 ? 0 : recallSum / present,
                present == 0 ? 0 : f1Sum / present, per);
    }

    /** The report as text, laid out like scikit-learn's {@code classification_report}. */
    public String toText() {
        List<String> lines = new ArrayList<>();
        int width = Math.max(12, perClass.keySet().stream().mapToInt(String::length).max().orElse(0));
        lines.add(String.format(Locale.ROOT, "%" + width + "s %10s %10s %10s %10s", "", "precision", "recall",
                "f1-score", "support"));
        lines.add("");
        perClass.forEach((label, s) -> lines.add(String.format(Locale.ROOT, "%" + width + "s %10.4f %10.4f %10.4f %10d",
                label, s.precision(), s.recall(), s.f1(), s.support())));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "%" + width + "s %10s %10s %10.4f %10d", "accuracy (WA)", "", "", wa, n));
        lines.add(String.format(Locale.ROOT, "%" + width + "s %10s %10.4f %10s %10d", "UA", "", ua, "", n));
        lines.add(String.format(Locale.ROOT, "%" + width + "s %10s %10s %10.4f %10d", "macro F1", "", "", macroF1, n));
        return String.join("\n", lines) + "\n";
    }
}
