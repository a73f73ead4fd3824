package org.ser4j.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ser4j.data.corpus.LoaderAssertions.assertClip;
import static org.ser4j.data.corpus.LoaderAssertions.notThisCorpus;
import static org.ser4j.data.corpus.LoaderAssertions.parsed;

import org.junit.jupiter.api.Test;
import org.ser4j.core.Emotion;
import org.ser4j.data.Clip;
import org.ser4j.data.Gender;

class EmotionFolderLoaderTest {
    private final EmotionFolderLoader loader = new EmotionFolderLoader();

    @Test
    void theEmotionFolderLabelsTheClipAndTheFolderAboveNamesTheCorpus() {
        Clip c = parsed(loader, "/data/my-voices/angry/take1.wav");
        assertClip(c, "my-voices:unknown", Gender.UNKNOWN, Emotion.ANGRY, "angry");
        assertEquals("my-voices", c.corpus());
        assertEquals("und", c.language());
    }

    @Test
    void aSpeakerFolderBelowTheEmotionNamesTheSpeaker() {
        Clip c = parsed(loader, "/data/my-voices/Happiness/anna/take1.FLAC");
        assertClip(c, "my-voices:anna", Gender.UNKNOWN, Emotion.HAPPY, "Happiness");
    }

    @Test
    void acceptsTheSynonymsOfTheVocabulary() {
        assertEquals(Emotion.FEAR, parsed(loader, "/d/fearful/x.wav").emotion().orElseThrow());
        assertEquals(Emotion.SURPRISE, parsed(loader, "/d/Surprised/x.ogg").emotion().orElseThrow());
        assertEquals(Emotion.BOREDOM, parsed(loader, "/d/bored/x.mp3").emotion().orElseThrow());
    }

    @Test
    void leavesFilesOutsideEmotionFolders() {
        notThisCorpus(loader, "/data/my-voices/excited/take1.wav");
        notThisCorpus(loader, "/data/my-voices/take1.wav");
        notThisCorpus(loader, "/data/angry/notes.txt");
    }
}
