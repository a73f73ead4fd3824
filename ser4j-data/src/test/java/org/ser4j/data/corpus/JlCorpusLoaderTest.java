package org.ser4j.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ser4j.data.corpus.LoaderAssertions.assertClip;
import static org.ser4j.data.corpus.LoaderAssertions.invalid;
import static org.ser4j.data.corpus.LoaderAssertions.notThisCorpus;
import static org.ser4j.data.corpus.LoaderAssertions.parsed;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.ser4j.core.Emotion;
import org.ser4j.data.Clip;
import org.ser4j.data.Gender;

class JlCorpusLoaderTest {
    private final JlCorpusLoader loader = new JlCorpusLoader();

    @Test
    void parsesPrimaryEmotions() {
        Clip c = parsed(loader, "Raw JL corpus (unchecked and unannotated)/JL(wav+txt)/female1_angry_10a_1.wav");
        assertClip(c, "JL-Corpus:female1", Gender.FEMALE, Emotion.ANGRY, "angry");
        assertEquals("en-NZ", c.language());
        assertEquals(Optional.of("10"), c.textId());
        assertEquals(OptionalInt.of(1), c.repetition());
        assertEquals(OptionalInt.of(4), parsed(loader, "female1_angry_13b_2.wav").repetition());
        assertEquals(OptionalInt.of(2), parsed(loader, "female1_angry_13a_2.wav").repetition());
        assertEquals(OptionalInt.of(3), parsed(loader, "female1_angry_13b_1.wav").repetition());
        assertClip(parsed(loader, "female2_angry_1b_2.wav"), "JL-Corpus:female2", Gender.FEMALE, Emotion.ANGRY, "angry");
        assertEquals(Optional.of(Emotion.SAD), parsed(loader, "male2_sad_15a_1.wav").emotion());
        assertEquals(Optional.of(Emotion.NEUTRAL), parsed(loader, "male2_neutral_1a_1.wav").emotion());
        assertEquals(Optional.of(Emotion.HAPPY), parsed(loader, "male2_happy_1a_1.wav").emotion());
    }

    @Test
    void excitedAndSecondaryEmotionsKeepTheirLabelWithoutAnEmotion() {
        Clip excited = parsed(loader, "male2_excited_7b_1.wav");
        assertClip(excited, "JL-Corpus:male2", Gender.MALE, null, "excited");
        assertEquals(Optional.of("7"), excited.textId());
        Clip encouraging = parsed(loader, "female1_encouraging_10b_2.wav");
        assertClip(encouraging, "JL-Corpus:female1", Gender.FEMALE, null, "encouraging");
        assertEquals(Optional.of("encouraging-10"), encouraging.textId());
        assertClip(parsed(loader, "female2_anxious_12b_2.wav"), "JL-Corpus:female2", Gender.FEMALE, null, "anxious");
        assertClip(parsed(loader, "male1_concerned_4a_1.wav"), "JL-Corpus:male1", Gender.MALE, null, "concerned");
        assertEquals("apologetic", parsed(loader, "male2_apologetic_14b_2.wav").label());
        assertEquals("assertive", parsed(loader, "male2_assertive_14b_2.WAV").label());
    }

    @Test
    void refusesUndocumentedSpeakersEmotionsAndNumbers() {
        assertTrue(invalid(loader, "female3_angry_1a_1.wav").contains("speaker number 3"));
        assertTrue(invalid(loader, "male1_bored_1a_1.wav").contains("emotion 'bored'"));
        assertTrue(invalid(loader, "male1_angry_16a_1.wav").contains("sentence 16"));
        assertTrue(invalid(loader, "male1_angry_1a_3.wav").contains("take 3"));
        assertTrue(invalid(loader, "male1_angry_1c_1.wav").contains("session"));
    }

    @Test
    void leavesOtherNames() {
        notThisCorpus(loader, "female1_angry_10a_1.txt");
        notThisCorpus(loader, "OAF_back_angry.wav");
    }
}
