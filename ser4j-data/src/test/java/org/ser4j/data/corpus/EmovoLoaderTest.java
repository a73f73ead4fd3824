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

class EmovoLoaderTest {
    private final EmovoLoader loader = new EmovoLoader();

    @Test
    void parsesEmotionSpeakerAndSentence() {
        Clip c = parsed(loader, "EMOVO/f1/dis-f1-b1.wav");
        assertClip(c, "EMOVO:f1", Gender.FEMALE, Emotion.DISGUST, "dis");
        assertEquals("it", c.language());
        assertEquals(Optional.of("b1"), c.textId());
        assertClip(parsed(loader, "m3/rab-m3-n5.flac"), "EMOVO:m3", Gender.MALE, Emotion.ANGRY, "rab");
    }

    @Test
    void mapsAllSevenCodes() {
        String[] codes = {"dis", "gio", "neu", "pau", "rab", "sor", "tri"};
        Emotion[] expected = {Emotion.DISGUST, Emotion.HAPPY, Emotion.NEUTRAL, Emotion.FEAR, Emotion.ANGRY,
            Emotion.SURPRISE, Emotion.SAD};
        for (int i = 0; i < codes.length; i++) {
            assertEquals(Optional.of(expected[i]), parsed(loader, codes[i] + "-m2-l4.WAV").emotion());
        }
    }

    @Test
    void refusesUndocumentedCodesSpeakersAndSentences() {
        assertTrue(invalid(loader, "abc-f1-b1.wav").contains("emotion code"));
        assertTrue(invalid(loader, "dis-f4-b1.wav").contains("speaker"));
        assertTrue(invalid(loader, "dis-x1-b1.wav").contains("speaker"));
        assertTrue(invalid(loader, "dis-f1-b4.wav").contains("sentence"));
        assertTrue(invalid(loader, "dis-f1-d3.wav").contains("sentence"));
        assertTrue(invalid(loader, "dis-f1-q1.wav").contains("sentence"));
    }

    @Test
    void leavesOtherNames() {
        notThisCorpus(loader, "dis-f1.wav");
        notThisCorpus(loader, "01-C-1-1.wav");
    }
}
