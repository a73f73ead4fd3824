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

class RavdessLoaderTest {
    private final RavdessLoader loader = new RavdessLoader();

    @Test
    void parsesEveryFieldOfTheOfficialName() {
        // the documented example of the RAVDESS page: 02-01-06-01-02-01-12.mp4 is video-only; its audio-only twin:
        Clip c = parsed(loader, "RAVDESS/Actor_12/03-01-06-01-02-01-12.wav");
        assertClip(c, "RAVDESS:12", Gender.FEMALE, Emotion.FEAR, "06");
        assertEquals("RAVDESS", c.corpus());
        assertEquals("en-US", c.language());
        assertEquals(Optional.of("normal"), c.intensity());
        assertEquals(Optional.of("02"), c.textId());
        assertEquals(OptionalInt.of(1), c.repetition());
    }

    @Test
    void oddActorsAreMaleAndStrongIntensityIsKept() {
        Clip c = parsed(loader, "Actor_07/03-01-03-02-02-02-07.flac");
        assertClip(c, "RAVDESS:07", Gender.MALE, Emotion.HAPPY, "03");
        assertEquals(Optional.of("strong"), c.intensity());
        assertEquals(OptionalInt.of(2), c.repetition());
    }

    @Test
    void mapsAllEightEmotionCodes() {
        Emotion[] expected = {Emotion.NEUTRAL, Emotion.CALM, Emotion.HAPPY, Emotion.SAD, Emotion.ANGRY, Emotion.FEAR,
            Emotion.DISGUST, Emotion.SURPRISE};
        for (int code = 1; code <= 8; code++) {
            Clip c = parsed(loader, String.format("03-01-%02d-01-01-01-01.wav", code));
            assertEquals(Optional.of(expected[code - 1]), c.emotion());
        }
    }

    @Test
    void acceptsSongAndAudioVideoTakesWithAnAudioExtension() {
        assertEquals(Optional.of(Emotion.ANGRY), parsed(loader, "03-02-05-01-02-01-24.wav").emotion());
        assertEquals("RAVDESS:24", parsed(loader, "01-01-05-01-02-01-24.wav").speaker());
    }

    @Test
    void acceptsAnyAudioExtensionInAnyCase() {
        for (String ext : new String[] {"WAV", "Flac", "mp3", "ogg", "opus", "aif", "AIFF"}) {
            assertEquals("RAVDESS:01", parsed(loader, "03-01-01-01-01-01-01." + ext).speaker(), ext);
        }
    }

    @Test
    void refusesCodesTheCorpusDoesNotDefine() {
        assertTrue(invalid(loader, "03-01-09-01-01-01-01.wav").contains("emotion 09"));
        assertTrue(invalid(loader, "02-01-01-01-01-01-01.wav").contains("video-only"));
        assertTrue(invalid(loader, "03-01-01-02-01-01-01.wav").contains("neutral"));
        assertTrue(invalid(loader, "03-03-01-01-01-01-01.wav").contains("vocal channel"));
        assertTrue(invalid(loader, "03-01-01-01-03-01-01.wav").contains("statement"));
        assertTrue(invalid(loader, "03-01-01-01-01-03-01.wav").contains("repetition"));
        assertTrue(invalid(loader, "03-01-01-01-01-01-25.wav").contains("actor 25"));
    }

    @Test
    void leavesOtherNamesAndNonAudioFiles() {
        notThisCorpus(loader, "01-01-05-01-02-01-24.mp4");
        notThisCorpus(loader, "03-01-01-01-01-01-01.txt");
        notThisCorpus(loader, "03-01-01-01-01-01.wav");
        notThisCorpus(loader, "01-C-1-1.wav");
        notThisCorpus(loader, "DC_a01.wav");
    }
}
