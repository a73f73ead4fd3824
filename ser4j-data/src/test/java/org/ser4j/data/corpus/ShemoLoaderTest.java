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

class ShemoLoaderTest {
    private final ShemoLoader loader = new ShemoLoader();

    @Test
    void parsesTheAuthorsExample() {
        // README: F03S02 = female, speaker 03, sadness, 2nd utterance
        Clip c = parsed(loader, "ShEMO/female/F03S02.wav");
        assertClip(c, "ShEMO:F03", Gender.FEMALE, Emotion.SAD, "S");
        assertEquals("fa", c.language());
        assertTrue(c.textId().isEmpty());
    }

    @Test
    void parsesTheNamesOfRealCopies() {
        assertClip(parsed(loader, "datasets/ShEMO/female/F01A01.wav"), "ShEMO:F01", Gender.FEMALE, Emotion.ANGRY, "A");
        assertClip(parsed(loader, "female/F01F03.wav"), "ShEMO:F01", Gender.FEMALE, Emotion.FEAR, "F");
        assertClip(parsed(loader, "female/F01W06.wav"), "ShEMO:F01", Gender.FEMALE, Emotion.SURPRISE, "W");
        assertClip(parsed(loader, "male/M02A01.wav"), "ShEMO:M02", Gender.MALE, Emotion.ANGRY, "A");
        assertClip(parsed(loader, "male/M03F01.wav"), "ShEMO:M03", Gender.MALE, Emotion.FEAR, "F");
        assertClip(parsed(loader, "ShEMO/female/F30A02.wav"), "ShEMO:F30", Gender.FEMALE, Emotion.ANGRY, "A");
        assertClip(parsed(loader, "ShEMO/male/M48S01.wav"), "ShEMO:M48", Gender.MALE, Emotion.SAD, "S");
        assertClip(parsed(loader, "M12N69.WAV"), "ShEMO:M12", Gender.MALE, Emotion.NEUTRAL, "N");
        assertEquals(Optional.of(Emotion.HAPPY), parsed(loader, "F31H96.wav").emotion());
    }

    @Test
    void femaleAndMaleSpeakersWithTheSameNumberAreDifferentPeople() {
        assertNotEquals(parsed(loader, "F01A01.wav").speaker(), parsed(loader, "M01A01.wav").speaker());
    }

    @Test
    void refusesSpeakersBeyondTheDocumentedRangesAndUnknownLetters() {
        assertTrue(invalid(loader, "F32A01.wav").contains("F01-F31"));
        assertTrue(invalid(loader, "M57A01.wav").contains("M01-M56"));
        assertTrue(invalid(loader, "F00A01.wav").contains("F01-F31"));
        assertTrue(invalid(loader, "F01X01.wav").contains("emotion letter"));
    }

    @Test
    void leavesOtherNames() {
        notThisCorpus(loader, "F1A01.wav");
        notThisCorpus(loader, "F01A01.tra");
        notThisCorpus(loader, "03a01Fa.wav");
    }
}
