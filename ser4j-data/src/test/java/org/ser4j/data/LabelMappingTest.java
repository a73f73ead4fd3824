package org.ser4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ser4j.data.TestClips.clip;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ser4j.core.Emotion;

class LabelMappingTest {

    private static final Clip CALM = clip("RAVDESS", "RAVDESS:01", Emotion.CALM, "calm");
    private static final Clip NEUTRAL = clip("RAVDESS", "RAVDESS:01", Emotion.NEUTRAL, "neutral");
    private static final Clip BORED = clip("EmoDB", "EmoDB:03", Gender.MALE, "de", Emotion.BOREDOM, "L", 2, "b");
    private static final Clip EXCITED = clip("JL-Corpus", "JL-Corpus:male1", Gender.MALE, "en-NZ", null,
            "excited", 2, "x");
    private static final Clip ANXIOUS = clip("JL-Corpus", "JL-Corpus:male1", Gender.MALE, "en-NZ", null,
            "anxious", 2, "y");
    private static final Dataset DATA = Dataset.of(List.of(CALM, NEUTRAL, BORED, EXCITED, ANXIOUS));

    @Test
    void noMappingDropsOnlyLabelsOutsideTheVocabulary() {
        Selection s = LabelMapping.NONE.apply(DATA);
        assertEquals(List.of(CALM, NEUTRAL, BORED), s.dataset().clips());
        assertEquals(Map.of(RemovalReason.NOT_IN_VOCABULARY, 2), s.removed());
        assertEquals(List.of("dropped clips whose label is not in the vocabulary: 1 'anxious', 1 'excited'"),
                s.notes());
    }

    @Test
    void extraLabelsCanBeKept() {
        Selection s = LabelMapping.builder().optExtraLabels(LabelMapping.ExtraLabels.KEEP).build().apply(DATA);
        assertEquals(DATA.clips(), s.dataset().clips());
    }

    @Test
    void mapsEmotionsAndCorpusLabelsKeepingTheCorpusLabelAndDropsAfterMapping() {
        LabelMapping m = LabelMapping.builder().map("calm=neutral, Excited=happy").drop("boredom").build();
        Selection s = m.apply(DATA);
        assertEquals(List.of(CALM.withEmotion(Optional.of(Emotion.NEUTRAL)), NEUTRAL,
                EXCITED.withEmotion(Optional.of(Emotion.HAPPY))), s.dataset().clips());
        assertEquals("excited", s.dataset().clips().get(2).label());
        assertEquals(Map.of(RemovalReason.EMOTION_DROPPED, 1, RemovalReason.NOT_IN_VOCABULARY, 1), s.removed());
        assertEquals(List.of("mapping calm=neutral relabelled 1 clips", "mapping excited=happy relabelled 1 clips",
                "dropped clips whose label is not in the vocabulary: 1 'anxious'"), s.notes());
        assertEquals("--map calm=neutral,excited=happy --drop boredom", m.toString());
    }

    @Test
    void mappingsAreAppliedOnceSoTwoMappingsSwap() {
        Selection s = LabelMapping.builder().map("calm=neutral,neutral=calm").build()
                .apply(Dataset.of(List.of(CALM, NEUTRAL)));
        assertEquals(List.of(Optional.of(Emotion.NEUTRAL), Optional.of(Emotion.CALM)),
                s.dataset().clips().stream().map(Clip::emotion).toList());
    }

    @Test
    void aMappingThatMatchesNothingIsNoted() {
        Selection s = LabelMapping.builder().map("exited=happy").build().apply(DATA);
        assertEquals("mapping exited=happy matched no clip", s.notes().get(0));
    }

    @Test
    void badSpecsSayWhatWasExpected() {
        assertEquals("unknown emotion 'angri'; expected one of neutral, calm, happy, sad, angry, fear, disgust,"
                + " surprise, boredom", assertThrows(IllegalArgumentException.class,
                        () -> LabelMapping.builder().drop("angri")).getMessage());
        assertEquals("unknown emotion 'nuetral' in mapping 'calm=nuetral'; expected one of neutral, calm, happy,"
                + " sad, angry, fear, disgust, surprise, boredom", assertThrows(IllegalArgumentException.class,
                        () -> LabelMapping.builder().map("calm=nuetral")).getMessage());
        assertEquals("invalid mapping 'calm'; expected FROM=TO such as calm=neutral or excited=happy",
                assertThrows(IllegalArgumentException.class, () -> LabelMapping.builder().map("calm")).getMessage());
        assertEquals("invalid mapping 'calm=neutral=sad'; expected FROM=TO such as calm=neutral or excited=happy",
                assertThrows(IllegalArgumentException.class,
                        () -> LabelMapping.builder().map("calm=neutral=sad")).getMessage());
        assertEquals("calm is mapped twice, to neutral and to sad", assertThrows(IllegalArgumentException.class,
                () -> LabelMapping.builder().map("calm=neutral,calm=sad")).getMessage());
        assertEquals("calm is both mapped (calm=neutral) and dropped; drops apply to the mapped emotion",
                assertThrows(IllegalArgumentException.class,
                        () -> LabelMapping.builder().map("calm=neutral").drop("calm").build()).getMessage());
    }
}
