package org.ser4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.core.Emotion;
import org.ser4j.data.manifest.ManifestWriter;

class CorpusScannerTest {
    @TempDir
    Path root;

    @BeforeEach
    void makeTree() throws IOException {
        TinyWav.write(root.resolve("RAVDESS/Actor_01/03-01-05-01-01-01-01.wav"), 1600);
        TinyWav.write(root.resolve("RAVDESS/Actor_02/03-01-01-01-01-01-02.WAV"), 3200);
        TinyWav.write(root.resolve("RAVDESS/Actor_01/03-01-09-01-01-01-01.wav"), 160);
        TinyWav.write(root.resolve("deep/nested/more/EmoDB/wav/03a01Fa.wav"), 800);
        TinyWav.write(root.resolve("ShEMO/female/F01A01.wav"), 160);
        TinyWav.write(root.resolve("ShEMO/male/M01A01.wav"), 160);
        TinyWav.write(root.resolve("CaFE/Neutre/03-N-1-6.wav"), 160);
        TinyWav.write(root.resolve("AESDD/anger/a01 (1).wav"), 160);
        TinyWav.write(root.resolve("mine/angry/s1/x.wav"), 160);
        TinyWav.write(root.resolve("mine/sad/s2/y.wav"), 160);
        TinyWav.write(root.resolve("misc/recording.wav"), 160);
        Files.createDirectories(root.resolve("TESS/OAF_angry"));
        Files.writeString(root.resolve("TESS/OAF_angry/OAF_back_angry.wav"), "not audio at all, just text");
        Files.writeString(root.resolve("README.txt"), "read me");
        Files.writeString(root.resolve("RAVDESS/notes.csv"), "a,b\n1,2\n");
        Files.write(root.resolve("misc/cover.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8});
        Files.createDirectories(root.resolve("links"));
        Files.createSymbolicLink(root.resolve("links/link.wav"), root.resolve("RAVDESS/Actor_01/03-01-05-01-01-01-01.wav"));
    }

    @Test
    void recognisesEveryCorpusAtAnyDepthAndListsEveryOtherAudioFileWithItsReason() throws Exception {
        LoadResult r = CorpusScanner.defaults().scan(root);
        Dataset d = r.dataset();
        Map<String, Long> perCorpus = d.clips().stream()
                .collect(Collectors.groupingBy(Clip::corpus, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("AESDD", 1L, "CaFE", 1L, "EmoDB", 1L, "RAVDESS", 2L, "ShEMO", 2L, "mine", 2L), perCorpus);

        Map<Path, String> unrecognised = d.unrecognised().stream()
                .collect(Collectors.toMap(Dataset.Unrecognised::path, Dataset.Unrecognised::reason));
        assertEquals(4, unrecognised.size(), unrecognised.toString());
        assertTrue(unrecognised.get(root.resolve("RAVDESS/Actor_01/03-01-09-01-01-01-01.wav")).contains("emotion 09"));
        assertTrue(unrecognised.get(root.resolve("misc/recording.wav")).contains("not named like any known corpus"));
        assertTrue(unrecognised.get(root.resolve("links/link.wav")).contains("symbolic link"));
        String decode = unrecognised.get(root.resolve("TESS/OAF_angry/OAF_back_angry.wav"));
        assertTrue(decode.startsWith("named like TESS, but the audio cannot be decoded"), decode);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void readsEachDurationFromTheHeader() throws Exception {
        Dataset d = CorpusScanner.defaults().scan(root).dataset();
        Map<String, Double> durations = d.clips().stream().collect(
                Collectors.toMap(c -> c.path().getFileName().toString(), c -> c.durationSeconds().orElseThrow()));
        assertEquals(0.1, durations.get("03-01-05-01-01-01-01.wav"), 1e-12);
        assertEquals(0.2, durations.get("03-01-01-01-01-01-02.WAV"), 1e-12);
        assertEquals(0.05, durations.get("03a01Fa.wav"), 1e-12);
    }

    @Test
    void theResultIsSortedAndTheSameOnEveryRun() throws Exception {
        Dataset first = CorpusScanner.builder().optParallelism(3).build().scan(root).dataset();
        Dataset second = CorpusScanner.builder().optParallelism(1).build().scan(root).dataset();
        assertEquals(first, second);
        List<Path> paths = first.clips().stream().map(Clip::path).toList();
        assertEquals(paths.stream().sorted().toList(), paths);
        List<Path> unparsed = first.unrecognised().stream().map(Dataset.Unrecognised::path).toList();
        assertEquals(unparsed.stream().sorted().toList(), unparsed);
    }

    @Test
    void speakersStayDistinctAcrossCorporaAndGenders() throws Exception {
        List<String> speakers = CorpusScanner.defaults().scan(root).dataset().clips().stream().map(Clip::speaker)
                .sorted().toList();
        assertEquals(List.of("AESDD:1", "CaFE:03", "EmoDB:03", "RAVDESS:01", "RAVDESS:02", "ShEMO:F01", "ShEMO:M01",
                "mine:s1", "mine:s2"), speakers);
    }

    @Test
    void emotionFoldersWithoutSpeakerFoldersGiveAWarning() throws Exception {
        TinyWav.write(root.resolve("flat/happy/a.wav"), 160);
        TinyWav.write(root.resolve("flat/happy/b.wav"), 160);
        LoadResult r = CorpusScanner.defaults().scan(root.resolve("flat"));
        assertEquals(2, r.dataset().size());
        assertEquals("flat:unknown", r.dataset().clips().get(0).speaker());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("speaker-grouped splits are meaningless"), r.warnings().get(0));
    }

    @Test
    void aFileReachedByTwoInputsIsKeptOnce() throws Exception {
        LoadResult r = CorpusScanner.defaults().scan(root.resolve("ShEMO"), root.resolve("ShEMO/female"));
        assertEquals(2, r.dataset().size());
        assertTrue(r.warnings().get(0).contains("1 files were reached by more than one input"), r.warnings().toString());
    }

    @Test
    void acceptsSingleAudioFilesAndManifestsAsInputs() throws Exception {
        Path wav = root.resolve("ShEMO/female/F01A01.wav");
        LoadResult single = CorpusScanner.defaults().scan(wav);
        assertEquals("ShEMO:F01", single.dataset().clips().get(0).speaker());

        Path manifest = root.resolve("lists/mine.csv");
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, "path,emotion,speaker\n../misc/recording.wav,excited,ann\n");
        Clip c = CorpusScanner.defaults().scan(manifest).dataset().clips().get(0);
        assertEquals("mine:ann", c.speaker());
        assertEquals(Optional.empty(), c.emotion());
        assertEquals("excited", c.label());
        assertEquals(0.01, c.durationSeconds().orElseThrow(), 1e-12, "read from the header");
    }

    @Test
    void anInputThatDoesNotExistIsAnError() {
        assertThrows(NoSuchFileException.class, () -> CorpusScanner.defaults().scan(root.resolve("nope")));
    }

    @Test
    void theWrittenManifestLoadsBackToTheSameClips() throws Exception {
        Dataset scanned = CorpusScanner.defaults().scan(root).dataset();
        for (ManifestWriter.PathStyle style : ManifestWriter.PathStyle.values()) {
            Path manifest = root.resolve("out/all-" + style + ".csv");
            Files.createDirectories(manifest.getParent());
            ManifestWriter.write(scanned.clips(), manifest, style);
            String text = Files.readString(manifest);
            assertTrue(text.startsWith(ManifestWriter.HEADER + "\n"));
            assertEquals(style == ManifestWriter.PathStyle.RELATIVE, text.contains("\n../RAVDESS/Actor_01/"), text);

            Dataset loaded = CorpusScanner.defaults().scan(manifest).dataset();
            assertEquals(scanned.size(), loaded.size());
            for (int i = 0; i < scanned.size(); i++) {
                Clip a = scanned.clips().get(i);
                Clip b = loaded.clips().get(i);
                assertEquals(a.path(), b.path());
                assertEquals(a.corpus(), b.corpus());
                assertEquals(a.speaker(), b.speaker());
                assertEquals(a.gender(), b.gender());
                assertEquals(a.language(), b.language());
                assertEquals(a.emotion(), b.emotion());
                assertEquals(a.emotion().map(Emotion::label).orElse(a.label()), b.label());
                assertEquals(a.intensity(), b.intensity());
                assertEquals(a.textId(), b.textId());
                assertEquals(a.durationSeconds(), b.durationSeconds());
            }
        }
    }
}
