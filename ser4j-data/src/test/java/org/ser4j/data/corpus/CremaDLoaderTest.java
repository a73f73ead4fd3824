package org.ser4j.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ser4j.data.corpus.LoaderAssertions.assertClip;
import static org.ser4j.data.corpus.LoaderAssertions.invalid;
import static org.ser4j.data.corpus.LoaderAssertions.notThisCorpus;
import static org.ser4j.data.corpus.LoaderAssertions.parsed;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.core.Emotion;
import org.ser4j.core.Ser4jException;
import org.ser4j.data.Clip;
import org.ser4j.data.Gender;

class CremaDLoaderTest {
    private final CremaDLoader loader = CremaDLoader.withBuiltInDemographics();

    @Test
    void parsesActorSentenceEmotionAndLevel() {
        Clip c = parsed(loader, "AudioWAV/1001_DFA_ANG_XX.wav");
        assertClip(c, "CREMA-D:1001", Gender.MALE, Emotion.ANGRY, "ANG");
        assertEquals("en-US", c.language());
        assertEquals(Optional.of("DFA"), c.textId());
        assertTrue(c.intensity().isEmpty(), "XX is an unspecified level");
        Clip hi = parsed(loader, "1002_IEO_HAP_HI.wav");
        assertClip(hi, "CREMA-D:1002", Gender.FEMALE, Emotion.HAPPY, "HAP");
        assertEquals(Optional.of("HI"), hi.intensity());
        assertEquals(Optional.of("LO"), parsed(loader, "1091_IEO_SAD_LO.mp3").intensity());
        assertEquals(Optional.of("MD"), parsed(loader, "1091_IEO_FEA_MD.WAV").intensity());
        assertEquals(Optional.of(Emotion.DISGUST), parsed(loader, "1091_WSI_DIS_XX.wav").emotion());
        assertEquals(Optional.of(Emotion.NEUTRAL), parsed(loader, "1091_WSI_NEU_XX.wav").emotion());
    }

    @Test
    void theBuiltInTableHasAllNinetyOneActors() {
        assertEquals(91, loader.demographics().size());
        assertEquals(48, loader.demographics().values().stream().filter(g -> g == Gender.MALE).count());
        assertEquals(43, loader.demographics().values().stream().filter(g -> g == Gender.FEMALE).count());
    }

    @Test
    void withoutDemographicsGenderIsUnknown() {
        assertEquals(Gender.UNKNOWN, parsed(CremaDLoader.withoutDemographics(), "1001_DFA_ANG_XX.wav").gender());
    }

    @Test
    void readsAVideoDemographicsFile(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("VideoDemographics.csv");
        Files.writeString(csv, "\"ActorID\",\"Age\",\"Sex\",\"Race\",\"Ethnicity\"\n"
                + "1001,51,\"Female\",\"Caucasian\",\"Not Hispanic\"\n", StandardCharsets.UTF_8);
        CremaDLoader custom = CremaDLoader.withDemographics(csv);
        assertEquals(Gender.FEMALE, parsed(custom, "1001_DFA_ANG_XX.wav").gender());
        assertEquals(Gender.UNKNOWN, parsed(custom, "1002_DFA_ANG_XX.wav").gender());
    }

    @Test
    void aDemographicsFileWithoutTheColumnsIsRefused(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "id,sex\n1001,Male\n", StandardCharsets.UTF_8);
        Ser4jException e = assertThrows(Ser4jException.class, () -> CremaDLoader.withDemographics(csv));
        assertTrue(e.getMessage().contains("ActorID and Sex"), e.getMessage());
    }

    @Test
    void refusesUndocumentedActorsSentencesEmotionsAndLevels() {
        assertTrue(invalid(loader, "1000_DFA_ANG_XX.wav").contains("actor 1000"));
        assertTrue(invalid(loader, "1092_DFA_ANG_XX.wav").contains("actor 1092"));
        assertTrue(invalid(loader, "1001_XYZ_ANG_XX.wav").contains("sentence"));
        assertTrue(invalid(loader, "1001_DFA_CLM_XX.wav").contains("emotion"));
        assertTrue(invalid(loader, "1001_DFA_ANG_ZZ.wav").contains("level"));
    }

    @Test
    void leavesOtherNames() {
        notThisCorpus(loader, "1001_DFA_ANG.wav");
        notThisCorpus(loader, "1001_DFA_ANG_XX.flv");
        notThisCorpus(loader, "03a01Fa.wav");
    }
}
