package org.ser4j.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Metrics against values worked out by hand, with scikit-learn's definitions ({@code accuracy_score},
 * {@code balanced_accuracy_score}, {@code precision_recall_fscore_support} with {@code zero_division=0}), for
 * {@code y_true = [0,0,0,0,1,1,2,2,2,2,2,2]} and {@code y_pred = [0,0,1,2,1,0,2,2,2,1,2,2]}.
 */
class ConfusionMatrixTest {

    private static final int[] TRUE = {0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 2};
    private static final int[] PRED = {0, 0, 1, 2, 1, 0, 2, 2, 2, 1, 2, 2};

    private static ConfusionMatrix matrix() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("angry", "happy", "sad"));
        for (int i = 0; i < TRUE.length; i++) {
            m.accept(TRUE[i], PRED[i]);
        }
        return m;
    }

    @Test
    void figuresFollowScikitLearnsDefinitions() {
        ClassificationReport r = matrix().report();
        // accuracy_score = 8/12; balanced_accuracy_score = mean(2/4, 1/2, 5/6)
        assertEquals(8 / 12.0, r.wa(), 1e-12);
        assertEquals((0.5 + 0.5 + 5 / 6.0) / 3, r.ua(), 1e-12);
        // precision: angry 2/3, happy 1/3, sad 5/6; f1 = 2PR/(P+R)
        ClassificationReport.ClassScores angry = r.perClass().get("angry");
        assertEquals(2 / 3.0, angry.precision(), 1e-12);
        assertEquals(0.5, angry.recall(), 1e-12);
        assertEquals(2 * (2 / 3.0) * 0.5 / (2 / 3.0 + 0.5), angry.f1(), 1e-12);
        assertEquals(4, angry.support());
        double f1Happy = 2 * (1 / 3.0) * 0.5 / (1 / 3.0 + 0.5);
        double f1Sad = 5 / 6.0;
        assertEquals((angry.f1() + f1Happy + f1Sad) / 3, r.macroF1(), 1e-12);
        assertEquals(12, r.n());
    }

    @Test
    void classesThatNeverOccurDoNotDragUaDown() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("angry", "happy", "fear"));
        m.accept("angry", "angry").accept("happy", "angry").accept("happy", "happy");
        ClassificationReport r = m.report();
        assertEquals((1.0 + 0.5) / 2, r.ua(), 1e-12);
        assertEquals(0, r.perClass().get("fear").support());
        assertEquals(0, r.perClass().get("fear").precision());
    }

    @Test
    void combiningPartsEqualsCountingTheWhole() {
        ConfusionMatrix a = new ConfusionMatrix(List.of("angry", "happy", "sad"));
        ConfusionMatrix b = new ConfusionMatrix(List.of("angry", "happy", "sad"));
        IntStream.range(0, TRUE.length).forEach(i -> (i % 2 == 0 ? a : b).accept(TRUE[i], PRED[i]));
        assertArrayEquals(matrix().counts(), a.combine(b).counts());
        assertThrows(IllegalArgumentException.class, () -> a.combine(new ConfusionMatrix(List.of("x", "y"))));
    }

    @Test
    void rowsNormaliseToRecall() {
        double[][] n = matrix().rowNormalised();
        assertEquals(0.5, n[0][0], 1e-12);
        assertEquals(0.25, n[0][1], 1e-12);
        assertEquals(5 / 6.0, n[2][2], 1e-12);
    }

    @Test
    void theTextReportListsEveryClassAndTheAverages() {
        String text = matrix().report().toText();
        assertTrue(text.contains("angry") && text.contains("happy") && text.contains("sad"), text);
        assertTrue(text.contains("accuracy (WA)") && text.contains("UA") && text.contains("macro F1"), text);
        assertTrue(text.contains("0.6667"), text);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(List.of("only")));
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(List.of("a", "a")));
        assertThrows(IndexOutOfBoundsException.class, () -> matrix().accept(3, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> matrix().accept("calm", "sad"));
        assertEquals("unknown label 'calm'; expected one of [angry, happy, sad]", e.getMessage());
    }
}
