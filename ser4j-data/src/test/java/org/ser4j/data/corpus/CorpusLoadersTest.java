package org.ser4j.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorpusLoadersTest {

    /** One documented name per corpus (plus layout variants), with the corpus that must take it. */
    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("AudioWAV/1001_DFA_ANG_XX.wav", "CREMA-D"),
            Map.entry("RAVDESS/Actor_07/03-01-03-01-02-01-07.flac", "RAVDESS"),
            Map.entry("SAVEE/DC_a01.wav", "SAVEE"),
            Map.entry("AudioData/KL/su15.wav", "SAVEE"),
            Map.entry("TESS/OAF_neutral/OA_bite_neutral.wav", "TESS"),
            Map.entry("EmoDB/wav/03a01Fa.wav", "EmoDB"),
            Map.entry("EMOVO/f1/dis-f1-b1.wav", "EMOVO"),
            Map.entry("ShEMO/female/F01A01.wav", "ShEMO"),
            Map.entry("CaFE_192k_1/Neutre/03-N-1.aiff", "CaFE"),
            Map.entry("JL(wav+txt)/male2_excited_7b_1.wav", "JL-Corpus"),
            Map.entry("AESDD/anger/a01 (1).wav", "AESDD"),
            Map.entry("CASIA database/liuchanhg/angry/201.wav", "CASIA"),
            Map.entry("CASIA/angry/201-angry-liuchanhg.wav", "CASIA"),
            Map.entry("mine/sad/spk1/x.wav", "mine"));

    @Test
    void everyDocumentedNameIsTakenByItsOwnLoaderAndClaimedByNoOtherCorpus() {
        List<CorpusLoader> loaders = CorpusLoaders.standard();
        EXAMPLES.forEach((name, corpus) -> {
            ParseResult r = CorpusLoaders.parse(loaders, Path.of(name));
            ParseResult.Parsed p = assertInstanceOf(ParseResult.Parsed.class, r, name);
            assertEquals(corpus, p.clip().corpus(), name);
            // the folder fallback takes any file in an emotion folder (AESDD's too): the order keeps it last
            long claims = loaders.stream().filter(l -> !(l instanceof EmotionFolderLoader))
                    .filter(l -> !(l.parse(Path.of(name)) instanceof ParseResult.NotThisCorpus))
                    .count();
            assertEquals(corpus.equals("mine") ? 0 : 1, claims, name + ": corpus loaders claiming it");
        });
    }

    @Test
    void theFolderFallbackNeverTakesAFileACorpusRefuses() {
        ParseResult r = CorpusLoaders.parse(CorpusLoaders.standard(), Path.of("mine/angry/03-01-09-01-01-01-01.wav"));
        ParseResult.Invalid i = assertInstanceOf(ParseResult.Invalid.class, r);
        assertTrue(i.reason().contains("RAVDESS"), i.reason());
    }

    @Test
    void corpusFilesInEmotionNamedFoldersStayWithTheirCorpus() {
        ParseResult r = CorpusLoaders.parse(CorpusLoaders.standard(), Path.of("AESDD/sadness/s05 (3).wav"));
        assertEquals("AESDD", assertInstanceOf(ParseResult.Parsed.class, r).clip().corpus());
    }

    @Test
    void aNameNoLoaderKnowsIsReportedWithTheLoadersTried() {
        ParseResult r = CorpusLoaders.parse(CorpusLoaders.standard(), Path.of("misc/recording.wav"));
        ParseResult.NotThisCorpus n = assertInstanceOf(ParseResult.NotThisCorpus.class, r);
        assertTrue(n.reason().contains("CREMA-D, RAVDESS"), n.reason());
    }

    @Test
    void theStandardOrderPutsTheFolderFallbackLast() {
        List<String> ids = CorpusLoaders.standard().stream().map(CorpusLoader::corpus).toList();
        assertEquals(List.of("CREMA-D", "RAVDESS", "SAVEE", "TESS", "EmoDB", "EMOVO", "ShEMO", "CaFE", "JL-Corpus",
                "AESDD", "CASIA", EmotionFolderLoader.ID), ids);
    }

    @Test
    void languagesAreTheCorporaTags() {
        Map<String, String> expected = Map.ofEntries(Map.entry("CREMA-D", "en-US"), Map.entry("RAVDESS", "en-US"),
                Map.entry("SAVEE", "en-GB"), Map.entry("TESS", "en-CA"), Map.entry("EmoDB", "de"),
                Map.entry("EMOVO", "it"), Map.entry("ShEMO", "fa"), Map.entry("CaFE", "fr-CA"),
                Map.entry("JL-Corpus", "en-NZ"), Map.entry("AESDD", "el"), Map.entry("CASIA", "zh"),
                Map.entry(EmotionFolderLoader.ID, "und"));
        CorpusLoaders.standard().forEach(l -> assertEquals(expected.get(l.corpus()), l.language(), l.corpus()));
    }

    @Test
    void audioExtensionsAreRecognisedInAnyCaseAndOthersAreNot() {
        for (String name : new String[] {"a.wav", "a.WAV", "a.Flac", "a.mp3", "a.ogg", "a.opus", "a.aif", "a.AIFF",
            "a.m4a"}) {
            assertTrue(AudioFiles.isAudio(Path.of(name)), name);
        }
        for (String name : new String[] {"README", "a.txt", "a.csv", "a.mp4", ".wav", "wav"}) {
            assertTrue(!AudioFiles.isAudio(Path.of(name)), name);
        }
    }
}
