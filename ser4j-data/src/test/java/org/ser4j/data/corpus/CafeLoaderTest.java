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

class CafeLoaderTest {
    private final CafeLoader loader = new CafeLoader();

    @Test
    void parsesThe48kHzNaming() {
        Clip c = parsed(loader, "CaFE/Joie/Fort/04-J-2-1.wav");
        assertClip(c, "CaFE:04", Gender.FEMALE, Emotion.HAPPY, "J");
        assertEquals("fr-CA", c.language());
        assertEquals(Optional.of("fort"), c.intensity());
        assertEquals(Optional.of("1"), c.textId());
        assertEquals(Optional.of("fort"), parsed(loader, "CaFE/Tristesse/Fort/04-T-2-5.wav").intensity());
        assertEquals(Optional.of(Emotion.SAD), parsed(loader, "CaFE/Tristesse/Fort/04-T-2-5.wav").emotion());
    }

    @Test
    void neutralKeepsItsPlaceholderIntensityOutOfTheClip() {
        Clip c = parsed(loader, "CaFE/Neutre/03-N-1-6.wav");
        assertClip(c, "CaFE:03", Gender.MALE, Emotion.NEUTRAL, "N");
        assertTrue(c.intensity().isEmpty());
        assertEquals(Optional.of("6"), c.textId());
    }

    @Test
    void parsesThe192kHzAiffNamingIncludingNeutralWithoutIntensity() {
        Clip c = parsed(loader, "CaFE_192k_1/Colère/Faible/01-C-1-1.aiff");
        assertClip(c, "CaFE:01", Gender.MALE, Emotion.ANGRY, "C");
        assertEquals(Optional.of("faible"), c.intensity());
        Clip n = parsed(loader, "CaFE_192k_1/Neutre/03-N-1.aiff");
        assertClip(n, "CaFE:03", Gender.MALE, Emotion.NEUTRAL, "N");
        assertEquals(Optional.of("1"), n.textId());
        assertClip(parsed(loader, "CaFE_192k_2/Dégoût/Fort/07-D-2-6.aiff"), "CaFE:07", Gender.MALE,
                Emotion.DISGUST, "D");
        assertClip(parsed(loader, "CaFE_192k_2/Surprise/Faible/12-S-1-1.AIF"), "CaFE:12", Gender.FEMALE,
                Emotion.SURPRISE, "S");
        assertClip(parsed(loader, "CaFE/Peur/Faible/10-P-1-3.wav"), "CaFE:10", Gender.FEMALE, Emotion.FEAR, "P");
    }

    @Test
    void ignoresFolderNamesGarbledByUnzipping() {
        assertEquals(Optional.of(Emotion.ANGRY), parsed(loader, "CaFE/ColКre/Faible/01-C-1-1.wav").emotion());
        assertEquals(Optional.of(Emotion.DISGUST), parsed(loader, "CaFE/DВgoЦt/Fort/02-D-2-2.wav").emotion());
    }

    @Test
    void refusesUndocumentedActorsLettersIntensitiesAndSentences() {
        assertTrue(invalid(loader, "13-C-1-1.wav").contains("actor 13"));
        assertTrue(invalid(loader, "00-C-1-1.wav").contains("actor 00"));
        assertTrue(invalid(loader, "01-X-1-1.wav").contains("emotion letter"));
        assertTrue(invalid(loader, "01-C-3-1.wav").contains("intensity 3"));
        assertTrue(invalid(loader, "01-C-1-7.wav").contains("sentence 7"));
        assertTrue(invalid(loader, "01-C-1.aiff").contains("only neutral"));
        assertTrue(invalid(loader, "01-N-2-1.wav").contains("neutral"));
    }

    @Test
    void leavesOtherNames() {
        notThisCorpus(loader, "03-01-01-01-01-01-01.wav");
        notThisCorpus(loader, "1-C-1-1.wav");
        notThisCorpus(loader, "Readme.txt");
    }
}
