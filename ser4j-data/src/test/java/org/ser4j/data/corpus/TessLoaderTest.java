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

class TessLoaderTest {
    private final TessLoader loader = new TessLoader();

    @Test
    void parsesSpeakerWordAndEmotion() {
        Clip c = parsed(loader, "TESS/OAF_angry/OAF_back_angry.wav");
        assertClip(c, "TESS:OAF", Gender.FEMALE, Emotion.ANGRY, "angry");
        assertEquals("en-CA", c.language());
        assertEquals(Optional.of("back"), c.textId());
        assertClip(parsed(loader, "TESS/YAF_disgust/YAF_germ_disgust.flac"), "TESS:YAF", Gender.FEMALE,
                Emotion.DISGUST, "disgust");
    }

    @Test
    void readsOnlyTheFileNameWhateverTheFolderSpelling() {
        assertEquals(Optional.of(Emotion.FEAR), parsed(loader, "TESS/OAF_Fear/OAF_back_fear.wav").emotion());
        assertEquals(Optional.of(Emotion.SAD), parsed(loader, "TESS Toronto emotional speech set data/YAF_sad/YAF_bar_sad.wav").emotion());
        assertEquals(Optional.of(Emotion.HAPPY), parsed(loader, "OAF_back_Happy.WAV").emotion());
    }

    @Test
    void pleasantSurpriseIsSurpriseWithItsSpellingKept() {
        assertClip(parsed(loader, "TESS/OAF_Pleasant_surprise/OAF_back_ps.wav"), "TESS:OAF", Gender.FEMALE,
                Emotion.SURPRISE, "ps");
        assertClip(parsed(loader, "YAF_pleasant_surprised/YAF_dog_pleasant_surprised.wav"), "TESS:YAF",
                Gender.FEMALE, Emotion.SURPRISE, "pleasant_surprised");
        assertEquals("pleasant_surprise", parsed(loader, "OAF_dog_pleasant_surprise.wav").label());
    }

    @Test
    void theMisspelledReleaseFileBelongsToOaf() {
        Clip c = parsed(loader, "TESS/OAF_neutral/OA_bite_neutral.wav");
        assertClip(c, "TESS:OAF", Gender.FEMALE, Emotion.NEUTRAL, "neutral");
        assertEquals(Optional.of("bite"), c.textId());
    }

    @Test
    void refusesUnknownEmotionsAndStrayFilesInTessFolders() {
        assertTrue(invalid(loader, "OAF_back_calm.wav").contains("calm"));
        assertTrue(invalid(loader, "TESS/OAF_angry/notes.wav").contains("OAF_angry"));
    }

    @Test
    void leavesOtherNames() {
        notThisCorpus(loader, "back_angry.wav");
        notThisCorpus(loader, "female1_angry_10a_1.wav");
        notThisCorpus(loader, "TESS/OAF_angry/OAF_back_angry.txt");
    }
}
