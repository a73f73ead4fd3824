package org.ser4j.data.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ser4j.core.Emotion;
import org.ser4j.data.Clip;
import org.ser4j.data.Dataset;
import org.ser4j.data.DuplicateGroup;
import org.ser4j.data.TestClips;

/** Plans of small datasets with exact expectations: CSV, descriptions, the random split, errors. */
class SplitPlanTest {

    private static final Clip A1 = TestClips.clip("X", "X:a", Emotion.ANGRY, "a1");
    private static final Clip A2 = TestClips.clip("X", "X:a", Emotion.SAD, "a2");
    private static final Clip B1 = TestClips.clip("X", "X:b", Emotion.ANGRY, "b1");
    private static final Clip C1 = TestClips.clip("Y", "Y:c", Emotion.SAD, "c1");
    private static final Clip C1_COPY = TestClips.clip("Y", "Y:c", Emotion.SAD, "c1_copy,x");
    private static final Dataset SMALL = Dataset.of(List.of(C1_COPY, A2, B1, C1, A1));

    private static SplitConfig noValidation() {
        return SplitConfig.builder().optValidationFraction(0)
                .optDuplicates(List.of(new DuplicateGroup(List.of(C1, C1_COPY)))).build();
    }

    @Test
    void leaveOneSpeakerOutCsvListsEveryFoldRoleAndTheExcludedDuplicate() {
        SplitPlan plan = new LeaveOneSpeakerOutSplitter(noValidation()).split(SMALL);
        assertEquals("""
                path,fold,role
                /synthetic/X/X_b/b1.wav,X:a,train
                /synthetic/Y/Y_c/c1.wav,X:a,train
                /synthetic/X/X_a/a1.wav,X:a,test
                /synthetic/X/X_a/a2.wav,X:a,test
                /synthetic/X/X_a/a1.wav,X:b,train
                /synthetic/X/X_a/a2.wav,X:b,train
                /synthetic/Y/Y_c/c1.wav,X:b,train
                /synthetic/X/X_b/b1.wav,X:b,test
                /synthetic/X/X_a/a1.wav,Y:c,train
                /synthetic/X/X_a/a2.wav,Y:c,train
                /synthetic/X/X_b/b1.wav,Y:c,train
                /synthetic/Y/Y_c/c1.wav,Y:c,test
                "/synthetic/Y/Y_c/c1_copy,x.wav",,excluded
                """, plan.toCsv());
        assertEquals("loso seed=42 validationFraction=0: 3 folds, speaker-independent", plan.toString());
        assertEquals(List.of(C1_COPY), plan.excluded());
    }

    @Test
    void csvPathsCanBeRelativeToTheScannedFolder() throws IOException {
        SplitPlan plan = new LeaveOneCorpusOutSplitter(noValidation()).split(SMALL);
        StringWriter out = new StringWriter();
        plan.writeCsv(out, Path.of("/synthetic"));
        assertEquals("""
                path,fold,role
                Y/Y_c/c1.wav,X,train
                X/X_a/a1.wav,X,test
                X/X_a/a2.wav,X,test
                X/X_b/b1.wav,X,test
                X/X_a/a1.wav,Y,train
                X/X_a/a2.wav,Y,train
                X/X_b/b1.wav,Y,train
                Y/Y_c/c1.wav,Y,test
                "Y/Y_c/c1_copy,x.wav",,excluded
                """, out.toString());
        Clip elsewhere = new Clip(Path.of("/tmp/x.wav"), "Z", "Z:z", A1.gender(), "en", A1.emotion(), "angry",
                A1.intensity(), A1.textId(), A1.repetition(), A1.durationSeconds());
        SplitPlan outside = new LeaveOneCorpusOutSplitter(noValidation()).split(Dataset.of(List.of(A1, elsewhere)));
        assertEquals("/tmp/x.wav is not under /synthetic", assertThrows(IllegalArgumentException.class,
                () -> outside.writeCsv(new StringBuilder(), Path.of("/synthetic"))).getMessage());
    }

    @Test
    void describeCountsClipsAndSpeakersPerRole() {
        SplitPlan plan = new LeaveOneCorpusOutSplitter(noValidation()).split(SMALL);
        assertEquals("""
                loco seed=42 validationFraction=0: 2 folds, speaker-independent
                  X: train 1 clips / 1 speakers, validation 0 clips / 0 speakers, test 3 clips / 2 speakers
                  Y: train 3 clips / 2 speakers, validation 0 clips / 0 speakers, test 1 clips / 1 speakers
                  excluded as duplicates: 1 clips
                """, plan.describe());
    }

    @Test
    void randomSplitIsTheBriefsSeventyThirtyWithFivePercentValidationAndSaysItIsSpeakerDependent() {
        Dataset d = TestClips.synthetic(2, 5, 7, 10, 30, 3);
        SplitPlan plan = Protocol.RANDOM.splitter(SplitConfig.DEFAULTS).split(d);
        assertFalse(plan.speakerIndependent());
        assertTrue(plan.toString().endsWith("1 fold, speaker-dependent: for comparison with the brief only"),
                plan.toString());
        assertEquals("random seed=42 testFraction=0.3 validationFraction=0.05: 1 fold, speaker-dependent: for"
                + " comparison with the brief only", plan.toString());
        Fold f = plan.folds().get(0);
        int n = d.size();
        assertEquals(Math.round(0.3 * n), f.test().size());
        assertEquals(Math.round(0.05 * (n - f.test().size())), f.validation().size());
        assertEquals(n, f.train().size() + f.validation().size() + f.test().size());
        for (Emotion e : List.of(Emotion.NEUTRAL, Emotion.CALM, Emotion.HAPPY, Emotion.SAD, Emotion.ANGRY)) {
            long all = d.clips().stream().filter(c -> c.emotion().orElseThrow() == e).count();
            long test = f.test().stream().filter(c -> c.emotion().orElseThrow() == e).count();
            assertTrue(Math.abs(test - 0.3 * all) < 1, e + ": " + test + " of " + all);
        }
        assertFalse(f.speakers(Role.TEST).isEmpty());
        assertEquals(f.speakers(Role.TRAIN), f.speakers(Role.TEST), "every speaker is on both sides");
    }

    @Test
    void apportionMeetsTheTotalExactly() {
        assertEquals(List.of(3, 3, 1), List.of(box(RandomSplitter.apportion(new int[] {10, 10, 3}, 0.3))));
        int[] take = RandomSplitter.apportion(new int[] {7, 7, 7}, 0.3);
        assertEquals(6, take[0] + take[1] + take[2]);
    }

    private static Integer[] box(int[] a) {
        return java.util.Arrays.stream(a).boxed().toArray(Integer[]::new);
    }

    @Test
    void protocolsParseFromTheirCommandLineAndEnumNames() {
        assertEquals(Protocol.SPEAKER_KFOLD, Protocol.parse("speaker-kfold"));
        assertEquals(Protocol.LEAVE_ONE_SPEAKER_OUT, Protocol.parse("LOSO"));
        assertEquals(Protocol.LEAVE_ONE_CORPUS_OUT, Protocol.parse("leave-one-corpus-out"));
        assertEquals(Protocol.SPEAKER_HOLDOUT, Protocol.parse("SPEAKER_HOLDOUT"));
        assertEquals("unknown protocol 'kfold'; expected one of speaker-kfold, loso, loco, speaker-holdout, random",
                assertThrows(IllegalArgumentException.class, () -> Protocol.parse("kfold")).getMessage());
    }

    @Test
    void impossibleSplitsSayWhy() {
        assertEquals("5 folds need at least 5 speakers; the dataset has 3", assertThrows(
                IllegalArgumentException.class, () -> Protocol.SPEAKER_KFOLD.splitter(SplitConfig.DEFAULTS)
                        .split(SMALL)).getMessage());
        assertEquals("loco needs at least 2 corpora; the dataset has 1", assertThrows(
                IllegalArgumentException.class, () -> Protocol.LEAVE_ONE_CORPUS_OUT.splitter(SplitConfig.DEFAULTS)
                        .split(Dataset.of(List.of(A1, B1)))).getMessage());
        assertEquals("fold X:a has 1 training speakers: a validation fraction of 0.1 takes 1 of them and leaves"
                + " none to train on (use a validation fraction of 0 for no validation)", assertThrows(
                        IllegalArgumentException.class, () -> Protocol.LEAVE_ONE_SPEAKER_OUT
                                .splitter(SplitConfig.DEFAULTS).split(Dataset.of(List.of(A1, B1)))).getMessage());
        assertEquals("cannot split an empty dataset", assertThrows(IllegalArgumentException.class,
                () -> Protocol.RANDOM.splitter(SplitConfig.DEFAULTS).split(Dataset.of(List.of()))).getMessage());
        assertEquals("validation fraction must be in [0, 1), was 1.0", assertThrows(IllegalArgumentException.class,
                () -> SplitConfig.builder().optValidationFraction(1)).getMessage());
        assertEquals("validation fraction 0.5 and test fraction 0.5 leave nothing to train on", assertThrows(
                IllegalArgumentException.class, () -> Protocol.SPEAKER_HOLDOUT.splitter(SplitConfig.builder()
                        .optValidationFraction(0.5).optTestFraction(0.5).build()).split(SMALL)).getMessage());
    }

    @Test
    void aPlanThatClaimsSpeakerIndependenceCannotLeakASpeaker() {
        Fold leaky = new Fold("f", List.of(A1), List.of(), List.of(A2));
        assertEquals("speakers [X:a] are in both train and test of fold f", assertThrows(
                IllegalArgumentException.class, () -> new SplitPlan(Protocol.SPEAKER_KFOLD, 1, Map.of(), true,
                        List.of(leaky), List.of())).getMessage());
        assertEquals("RANDOM is not speaker-independent", assertThrows(IllegalArgumentException.class,
                () -> new SplitPlan(Protocol.RANDOM, 1, Map.of(), true, List.of(leaky), List.of())).getMessage());
    }
}
