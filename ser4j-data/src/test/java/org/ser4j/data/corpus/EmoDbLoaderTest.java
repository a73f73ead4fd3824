package org.ser4j.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

class EmoDbLoaderTest {
    private final EmoDbLoader loader = new EmoDbLoader();

    @Test
    void parsesTheDocumentedExample() {
        // EmoDB's documentation: 03a01Fa = speaker 03 (male), text a01, happiness, version a
        Clip c = parsed(loader, "EmoDB/wav/03a01Fa.wav");
        assertClip(c, "EmoDB:03", Gender.MALE, Emotion.HAPPY, "F");
        assertEquals("de", c.language());
        assertEquals(Optional.of("a01"), c.textId());
        assertEquals(OptionalInt.of(1), c.repetition());
    }

    @Test
    void boredomIsInTheVocabularyAndSpeakersHaveTheirDocumentedGender() {
        Clip c = parsed(loader, "13b03Lb.flac");
        assertClip(c, "EmoDB:13", Gender.FEMALE, Emotion.BOREDOM, "L");
        assertEquals(OptionalInt.of(2), c.repetition());
        for (String male : new String[] {"03", "10", "11", "12", "15"}) {
            assertEquals(Gender.MALE, parsed(loader, male + "a02Wa.wav").gender(), male);
        }
        for (String female : new String[] {"08", "09", "13", "14", "16"}) {
            assertEquals(Gender.FEMALE, parsed(loader, female + "b10Nc.wav").gender(), female);
        }
    }

    @Test
    void mapsAllSevenLetters() {
        String letters = "WLEAFTN";
        Emotion[] expected = {Emotion.ANGRY, Emotion.BOREDOM, Emotion.DISGUST, Emotion.FEAR, Emotion.HAPPY,
            Emotion.SAD, Emotion.NEUTRAL};
        for (int i = 0; i < letters.length(); i++) {
            assertEquals(Optional.of(expected[i]), parsed(loader, "16a07" + letters.charAt(i) + "a.WAV").emotion());
        }
    }

    @Test
    void refusesUndocumentedSpeakersTextsAndLetters() {
        assertTrue(invalid(loader, "04a01Fa.wav").contains("speaker 04"));
        assertTrue(invalid(loader, "03a08Fa.wav").contains("text a08"));
        assertTrue(invalid(loader, "03c01Fa.wav").contains("text c01"));
        assertTrue(invalid(loader, "03a01Xa.wav").contains("emotion letter"));
    }

    @Test
    void leavesOtherNames() {
        notThisCorpus(loader, "03a01F.wav");
        notThisCorpus(loader, "F01A01.wav");
        notThisCorpus(loader, "PROCESSED.txt");
    }
}
