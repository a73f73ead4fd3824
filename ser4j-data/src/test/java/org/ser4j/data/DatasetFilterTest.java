package org.ser4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ser4j.data.TestClips.clip;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ser4j.core.Emotion;

class DatasetFilterTest {

    private static final Clip RAV_ANGRY_F = clip("RAVDESS", "RAVDESS:02", Gender.FEMALE, "en-US", Emotion.ANGRY,
            "angry", 3.5, "a");
    private static final Clip RAV_CALM_M = clip("RAVDESS", "RAVDESS:01", Gender.MALE, "en-US", Emotion.CALM,
            "calm", 3.7, "b");
    private static final Clip EMODB_BORED_F = clip("EmoDB", "EmoDB:08", Gender.FEMALE, "de", Emotion.BOREDOM,
            "L", 0.9, "c");
    private static final Clip EMODB_HAPPY_M = clip("EmoDB", "EmoDB:03", Gender.MALE, "de", Emotion.HAPPY,
            "F", 12.0, "d");
    private static final Clip SAVEE_SAD_M = clip("SAVEE", "SAVEE:DC", Gender.MALE, "en-GB", Emotion.SAD,
            "sa", 2.0, "e");
    private static final Clip JL_EXCITED_F = clip("JL-Corpus", "JL-Corpus:female1", Gender.FEMALE, "en-NZ", null,
            "excited", 2.5, "f");
    private static final Clip MANIFEST_UNKNOWN_LENGTH = clip("mine", "mine:x", Gender.UNKNOWN, "en-US",
            Emotion.ANGRY, "angry", Double.NaN, "g");

    private static final Dataset DATA = new Dataset(List.of(RAV_ANGRY_F, RAV_CALM_M, EMODB_BORED_F, EMODB_HAPPY_M,
            SAVEE_SAD_M, JL_EXCITED_F, MANIFEST_UNKNOWN_LENGTH),
            List.of(new Dataset.Unrecognised(Path.of("/synthetic/readme.txt"), "not audio")));

    @Test
    void noCriterionKeepsEverything() {
        Selection s = DatasetFilter.ALL.apply(DATA);
        assertEquals(DATA, s.dataset());
        assertEquals(Map.of(), s.removed());
        assertEquals("kept all 7 clips", s.summary());
        assertEquals("", DatasetFilter.ALL.toString());
    }

    @Test
    void durationBoundsAreInclusiveAndUnknownDurationsAreDroppedWithANote() {
        DatasetFilter f = DatasetFilter.builder().optMinDurationSeconds(1.0).optMaxDurationSeconds(3.5).build();
        Selection s = f.apply(DATA);
        assertEquals(List.of(RAV_ANGRY_F, SAVEE_SAD_M, JL_EXCITED_F), s.dataset().clips());
        assertEquals(Map.of(RemovalReason.TOO_SHORT, 1, RemovalReason.TOO_LONG, 2,
                RemovalReason.DURATION_UNKNOWN, 1), s.removed());
        assertEquals(List.of("1 clips of unknown duration dropped: a duration bound is set and cannot be checked"
                + " for them"), s.notes());
        assertEquals(DATA.unrecognised(), s.dataset().unrecognised());
        assertEquals("kept 3 of 7 clips; removed 1 duration unknown, 1 shorter than the minimum duration,"
                + " 2 longer than the maximum duration", s.summary());
    }

    @Test
    void unknownDurationsCanBeKeptWithANote() {
        DatasetFilter f = DatasetFilter.builder().optMinDurationSeconds(1.0)
                .optUnknownDuration(DatasetFilter.UnknownDuration.KEEP).build();
        Selection s = f.apply(DATA);
        assertEquals(6, s.dataset().size());
        assertEquals(Map.of(RemovalReason.TOO_SHORT, 1), s.removed());
        assertEquals(List.of("1 clips of unknown duration kept without checking the duration bound"), s.notes());
    }

    @Test
    void emotionCriterionRemovesOtherEmotionsAndClipsWithOnlyAnExtraLabel() {
        Selection s = DatasetFilter.builder().optEmotions("angry, happy").build().apply(DATA);
        assertEquals(List.of(RAV_ANGRY_F, EMODB_HAPPY_M, MANIFEST_UNKNOWN_LENGTH), s.dataset().clips());
        assertEquals(Map.of(RemovalReason.EMOTION_NOT_SELECTED, 4), s.removed());
    }

    @Test
    void corporaMatchIgnoringCaseAndUnmatchedNamesAreNoted() {
        Selection s = DatasetFilter.builder().optCorpora("ravdess,EmoDB,CREMA-D").build().apply(DATA);
        assertEquals(List.of(RAV_ANGRY_F, RAV_CALM_M, EMODB_BORED_F, EMODB_HAPPY_M), s.dataset().clips());
        assertEquals(Map.of(RemovalReason.CORPUS_NOT_SELECTED, 3), s.removed());
        assertEquals(List.of("corpus 'CREMA-D' matched no clip of the dataset"), s.notes());
    }

    @Test
    void languagesMatchAsBcp47Prefixes() {
        Selection en = DatasetFilter.builder().optLanguages("en").build().apply(DATA);
        assertEquals(List.of(RAV_ANGRY_F, RAV_CALM_M, SAVEE_SAD_M, JL_EXCITED_F, MANIFEST_UNKNOWN_LENGTH),
                en.dataset().clips());
        Selection usAndDe = DatasetFilter.builder().optLanguages("en-US,de").build().apply(DATA);
        assertEquals(List.of(RAV_ANGRY_F, RAV_CALM_M, EMODB_BORED_F, EMODB_HAPPY_M, MANIFEST_UNKNOWN_LENGTH),
                usAndDe.dataset().clips());
        assertEquals(Map.of(RemovalReason.LANGUAGE_NOT_SELECTED, 2), usAndDe.removed());
        // "e" is not a prefix of "en-US" at a subtag boundary
        assertEquals(List.of("language 'en-U' matched no clip of the dataset"),
                DatasetFilter.builder().optLanguages("en-U").build().apply(DATA).notes());
    }

    @Test
    void gendersSelectSpeakers() {
        Selection s = DatasetFilter.builder().optGenders("female").build().apply(DATA);
        assertEquals(List.of(RAV_ANGRY_F, EMODB_BORED_F, JL_EXCITED_F), s.dataset().clips());
        assertEquals(Map.of(RemovalReason.GENDER_NOT_SELECTED, 4), s.removed());
    }

    @Test
    void eachClipIsCountedOnceUnderItsFirstFailingCriterion() {
        DatasetFilter f = DatasetFilter.builder().optCorpora("RAVDESS").optGenders("female").optEmotions("angry")
                .optMinDurationSeconds(1).build();
        Selection s = f.apply(DATA);
        assertEquals(List.of(RAV_ANGRY_F), s.dataset().clips());
        assertEquals(Map.of(RemovalReason.CORPUS_NOT_SELECTED, 5, RemovalReason.GENDER_NOT_SELECTED, 1),
                s.removed());
        assertEquals(6, s.removedCount());
    }

    @Test
    void toStringIsTheCommandLineForm() {
        DatasetFilter f = DatasetFilter.builder().optMinDurationSeconds(1.0).optMaxDurationSeconds(10)
                .optEmotions("happy,angry").optCorpora("RAVDESS,EmoDB").optLanguages("en-US,de").optGenders("f")
                .build();
        assertEquals("--min-duration 1.0 --max-duration 10.0 --emotions happy,angry --corpora RAVDESS,EmoDB"
                + " --languages en-US,de --genders female", f.toString());
    }

    @Test
    void badSpecsSayWhatWasExpected() {
        assertEquals("unknown emotion 'angri'; expected one of neutral, calm, happy, sad, angry, fear, disgust,"
                + " surprise, boredom", assertThrows(IllegalArgumentException.class,
                        () -> DatasetFilter.builder().optEmotions("happy,angri")).getMessage());
        assertEquals("unknown gender 'woman'; expected one of male, female, unknown",
                assertThrows(IllegalArgumentException.class,
                        () -> DatasetFilter.builder().optGenders("woman")).getMessage());
        assertEquals("invalid language tag 'en_US'; expected a BCP 47 tag or prefix such as en, en-US or de",
                assertThrows(IllegalArgumentException.class,
                        () -> DatasetFilter.builder().optLanguages("en_US")).getMessage());
        assertEquals("empty item in the list of emotions 'angry,'", assertThrows(IllegalArgumentException.class,
                () -> DatasetFilter.builder().optEmotions("angry,")).getMessage());
        assertEquals("minimum duration 5.0 s is greater than the maximum duration 2.0 s",
                assertThrows(IllegalArgumentException.class, () -> DatasetFilter.builder()
                        .optMinDurationSeconds(5).optMaxDurationSeconds(2).build()).getMessage());
        assertEquals("minimum duration must be a finite number of seconds >= 0, was -1.0",
                assertThrows(IllegalArgumentException.class,
                        () -> DatasetFilter.builder().optMinDurationSeconds(-1)).getMessage());
    }
}
