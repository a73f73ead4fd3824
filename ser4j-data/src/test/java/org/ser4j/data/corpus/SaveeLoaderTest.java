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

class SaveeLoaderTest {
    private final SaveeLoader loader = new SaveeLoader();

    @Test
    void parsesTheFlatMirrorNaming() {
        Clip c = parsed(loader, "SAVEE/DC_a01.wav");
        assertClip(c, "SAVEE:DC", Gender.MALE, Emotion.ANGRY, "a");
        assertEquals("en-GB", c.language());
        assertEquals(Optional.of("a01"), c.textId());
        assertClip(parsed(loader, "KL_sa15.flac"), "SAVEE:KL", Gender.MALE, Emotion.SAD, "sa");
        assertClip(parsed(loader, "JE_su03.WAV"), "SAVEE:JE", Gender.MALE, Emotion.SURPRISE, "su");
        assertClip(parsed(loader, "JK_n30.wav"), "SAVEE:JK", Gender.MALE, Emotion.NEUTRAL, "n");
        assertEquals(Optional.of(Emotion.DISGUST), parsed(loader, "DC_d02.wav").emotion());
        assertEquals(Optional.of(Emotion.FEAR), parsed(loader, "DC_f02.wav").emotion());
        assertEquals(Optional.of(Emotion.HAPPY), parsed(loader, "DC_h02.wav").emotion());
    }

    @Test
    void parsesTheOfficialAudioDataLayoutWithSpeakerFolders() {
        Clip c = parsed(loader, "AudioData/JK/sa01.wav");
        assertClip(c, "SAVEE:JK", Gender.MALE, Emotion.SAD, "sa");
        assertEquals(Optional.of("sa01"), c.textId());
    }

    @Test
    void refusesUnknownCodesAndSentenceNumbers() {
        assertTrue(invalid(loader, "DC_x01.wav").contains("emotion code"));
        assertTrue(invalid(loader, "DC_a16.wav").contains("sentence 16"));
        assertTrue(invalid(loader, "DC_n31.wav").contains("sentence 31"));
        assertTrue(invalid(loader, "AudioData/DC/q01.wav").contains("emotion code"));
    }

    @Test
    void leavesOtherNames() {
        notThisCorpus(loader, "XY_a01.wav");
        notThisCorpus(loader, "other/a01.wav");
        notThisCorpus(loader, "DC_a01.txt");
    }
}
