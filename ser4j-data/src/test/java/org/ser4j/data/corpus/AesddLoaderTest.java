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

class AesddLoaderTest {
    private final AesddLoader loader = new AesddLoader();

    @Test
    void parsesTheReadmeExample() {
        // readme: a03 (4).wav is the 3rd utterance of the 4th speaker, in anger
        Clip c = parsed(loader, "a03 (4).wav");
        assertClip(c, "AESDD:4", Gender.UNKNOWN, Emotion.ANGRY, "a");
        assertEquals("el", c.language());
        assertEquals(Optional.of("03"), c.textId());
        assertTrue(c.repetition().isEmpty());
    }

    @Test
    void parsesFilesInTheEmotionFolders() {
        assertClip(parsed(loader, "AESDD/anger/a01 (1).wav"), "AESDD:1", Gender.UNKNOWN, Emotion.ANGRY, "a");
        assertClip(parsed(loader, "AESDD/fear/f05 (4).wav"), "AESDD:4", Gender.UNKNOWN, Emotion.FEAR, "f");
        assertClip(parsed(loader, "AESDD/disgust/d04 (5)b.wav"), "AESDD:5", Gender.UNKNOWN, Emotion.DISGUST, "d");
        assertClip(parsed(loader, "Acted Emotional Speech Dynamic Database/happiness/h20 (6).WAV"), "AESDD:6",
                Gender.UNKNOWN, Emotion.HAPPY, "h");
        assertClip(parsed(loader, "sadness/s19 (2).wav"), "AESDD:2", Gender.UNKNOWN, Emotion.SAD, "s");
    }

    @Test
    void zeroPaddedSpeakerNumbersAreTheSameSpeaker() {
        assertEquals("AESDD:1", parsed(loader, "fear/f12 (01).wav").speaker());
        assertEquals(parsed(loader, "fear/f10 (1).wav").speaker(), parsed(loader, "fear/f10 (01).wav").speaker());
    }

    @Test
    void takeLettersAfterTheParenthesisAreRepetitions() {
        assertEquals(OptionalInt.of(2), parsed(loader, "fear/f18 (5)b.wav").repetition());
        assertEquals(OptionalInt.of(1), parsed(loader, "sadness/s01 (5)a.wav").repetition());
        assertEquals(parsed(loader, "fear/f18 (5).wav").textId(), parsed(loader, "fear/f18 (5)b.wav").textId());
    }

    @Test
    void refusesLettersThatDisagreeWithTheFolderAndUndocumentedValues() {
        assertTrue(invalid(loader, "anger/f01 (1).wav").contains("folder 'anger'"));
        assertTrue(invalid(loader, "n01 (1).wav").contains("emotion letter"));
        assertTrue(invalid(loader, "a21 (1).wav").contains("utterance 21"));
        assertTrue(invalid(loader, "a00 (1).wav").contains("utterance 00"));
        assertTrue(invalid(loader, "a01 (0).wav").contains("speaker"));
    }

    @Test
    void leavesOtherNames() {
        notThisCorpus(loader, "anger/a01.wav");
        notThisCorpus(loader, "a1 (1).wav");
        notThisCorpus(loader, "a01 (1).txt");
    }
}
