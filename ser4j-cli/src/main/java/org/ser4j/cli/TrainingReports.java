package org.ser4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ser4j.core.Emotion;
import org.ser4j.core.eval.ClassificationReport;
import org.ser4j.report.ComparisonTable;
import org.ser4j.report.Prediction;
import org.ser4j.report.TrainingCurves;
import org.ser4j.train.EpochStats;
import org.ser4j.train.FoldRunner;
import org.ser4j.train.TrainingResult;

/** Conversions from training results to the report writers' types. */
final class TrainingReports {

    private TrainingReports() {
    }

    static TrainingCurves curves(TrainingResult result) {
        List<TrainingCurves.Point> points = new ArrayList<>();
        for (EpochStats s : result.epochs()) {
            points.add(new TrainingCurves.Point(s.epoch() + 1, s.loss(), s.trainAccuracy(), s.validationUa(),
                    s.seconds()));
        }
        return new TrainingCurves(points);
    }

    /** Every fold's test predictions, pooled. */
    static List<Prediction> predictions(List<FoldRunner.Outcome> outcomes, List<Emotion> labels) {
        List<Prediction> out = new ArrayList<>();
        for (FoldRunner.Outcome o : outcomes) {
            for (FoldRunner.TestPrediction p : o.predictions()) {
                float[] f = p.probabilities();
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    d[i] = Math.min(1, Math.max(0, f[i]));
                }
                out.add(new Prediction(p.clip().path().toString(), labels.get(p.truth()).label(),
                        labels.get(p.predicted()).label(), d, Optional.of(p.clip().speaker()),
                        Optional.of(p.clip().corpus())));
            }
        }
        return out;
    }

    /** The per-fold figures of a cross-validation (folds without test clips are left out). */
    static List<ComparisonTable.Fold> folds(List<FoldRunner.Outcome> outcomes) {
        List<ComparisonTable.Fold> out = new ArrayList<>();
        for (FoldRunner.Outcome o : outcomes) {
            if (o.test().isPresent()) {
                ClassificationReport r = o.test().get();
                out.add(new ComparisonTable.Fold(o.fold(), o.predictions().size(), r.ua(), r.wa(), r.macroF1()));
            }
        }
        return out;
    }
}
