package org.ser4j.data.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.core.Emotion;
import org.ser4j.data.Clip;
import org.ser4j.data.Gender;
import org.ser4j.data.LoadResult;

class ManifestLoaderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void makeFiles() throws IOException {
        Files.createDirectories(dir.resolve("audio"));
        for (String name : List.of("a.wav", "b.wav", "c, with comma.wav")) {
            Files.write(dir.resolve("audio").resolve(name), new byte[] {0});
        }
    }

    private LoadResult load(String text) throws IOException, ManifestException {
        Path manifest = dir.resolve("my-data.csv");
        Files.writeString(manifest, text);
        return ManifestLoader.load(manifest);
    }

    private ManifestException fails(String text) {
        return assertThrows(ManifestException.class, () -> load(text));
    }

    @Test
    void theMinimalManifestNeedsOnlyPathAndEmotion() throws Exception {
        LoadResult r = load("path,emotion\naudio/a.wav,Anger\naudio/b.wav,excited\n");
        Clip a = r.dataset().clips().get(0);
        assertEquals(dir.resolve("audio/a.wav"), a.path());
        assertEquals("my-data", a.corpus());
        assertEquals("my-data:unknown", a.speaker());
        assertEquals(Gender.UNKNOWN, a.gender());
        assertEquals("und", a.language());
        assertEquals(Optional.of(Emotion.ANGRY), a.emotion());
        assertEquals("Anger", a.label());
        assertEquals(OptionalDouble.empty(), a.durationSeconds());
        Clip b = r.dataset().clips().get(1);
        assertEquals(Optional.empty(), b.emotion());
        assertEquals("excited", b.label());
    }

    @Test
    void missingSpeakersAreOneSpeakerAndWarned() throws Exception {
        LoadResult r = load("path,emotion,speaker\naudio/a.wav,sad,\naudio/b.wav,sad,s2\n");
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("1 of 2 rows name no speaker"), r.warnings().get(0));
        assertTrue(r.warnings().get(0).contains("meaningless"), r.warnings().get(0));
    }

    @Test
    void readsEveryKnownColumnInAnyOrderAndIgnoresOthersWithAWarning() throws Exception {
        LoadResult r = load("Emotion,notes,PATH,speaker,gender,language,corpus,intensity,text_id,duration_s\n"
                + "happy,\"first take, good\",audio/a.wav,s1,F,en-us,studio,HI,t7,1.25\n"
                + "happy,,audio/b.wav,studio:s2,male,,studio,,,\n");
        Clip a = r.dataset().clips().get(0);
        assertEquals("studio", a.corpus());
        assertEquals("studio:s1", a.speaker());
        assertEquals(Gender.FEMALE, a.gender());
        assertEquals("en-US", a.language());
        assertEquals(Optional.of("HI"), a.intensity());
        assertEquals(Optional.of("t7"), a.textId());
        assertEquals(OptionalDouble.of(1.25), a.durationSeconds());
        Clip b = r.dataset().clips().get(1);
        assertEquals("studio:s2", b.speaker(), "a speaker already prefixed with its corpus is kept");
        assertEquals(Gender.MALE, b.gender());
        assertEquals(List.of("my-data.csv: ignored unknown columns [notes]"), r.warnings());
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() throws Exception {
        LoadResult r = load("path,emotion,speaker,comment\n"
                + "\"audio/c, with comma.wav\",sad,s1,\"two\nlines, and \"\"quotes\"\"\"\n"
                + "audio/a.wav,sad,s1,x\r\n");
        assertEquals(2, r.dataset().size());
        assertEquals(dir.resolve("audio/c, with comma.wav"), r.dataset().clips().get(1).path());
    }

    @Test
    void absolutePathsAreKeptAndMissingFilesListedWithTheirLine() throws Exception {
        LoadResult r = load("path,emotion,speaker\n" + dir.resolve("audio/a.wav") + ",sad,s1\naudio/none.wav,sad,s1\n");
        assertEquals(1, r.dataset().size());
        assertEquals(dir.resolve("audio/none.wav"), r.dataset().unrecognised().get(0).path());
        assertEquals("my-data.csv line 3: no such file", r.dataset().unrecognised().get(0).reason());
    }

    @Test
    void aHeaderWithoutAPathColumnIsRefusedAtLineOne() {
        ManifestException e = fails("file,emotion\naudio/a.wav,sad\n");
        assertEquals(List.of("line 1: the header has no 'path' column (found [file, emotion]); a manifest starts with"
                + " a header such as path,emotion,speaker"), e.problems());
        assertTrue(e.getMessage().startsWith("my-data.csv: 1 problem"), e.getMessage());
    }

    @Test
    void aHeaderWithoutAnEmotionColumnIsRefused() {
        assertTrue(fails("path,speaker\naudio/a.wav,s1\n").problems().get(0).contains("no 'emotion' column"));
    }

    @Test
    void everyBadRowIsListedWithItsLineNumber() {
        ManifestException e = fails("path,emotion,speaker,gender,language,duration_s\n"
                + "audio/a.wav,sad,s1,f,de,1.0\n"
                + "audio/a.wav,sad,s1,robot,de,1.0\n"
                + "audio/a.wav,sad,s1,f,en_US,1.0\n"
                + "audio/a.wav,sad,s1,f,de,-2\n"
                + "audio/a.wav,sad,s1\n"
                + "\n"
                + "audio/a.wav,,s1,f,de,1.0\n"
                + ",sad,s1,f,de,abc\n");
        assertEquals(List.of(
                "line 3: gender 'robot' is none of male, m, female, f, unknown, u or empty",
                "line 4: language 'en_US' is not a BCP 47 tag such as en-US or de (use '-', not '_')",
                "line 5: duration_s '-2' is not a number of seconds >= 0",
                "line 6: 3 fields, but the header has 6 (quote fields that contain commas)",
                "line 8: the emotion is empty",
                "line 9: the path is empty",
                "line 9: duration_s 'abc' is not a number of seconds >= 0"), e.problems());
    }

    @Test
    void lineNumbersCountTheLineBreaksInsideQuotedFields() {
        ManifestException e = fails("path,emotion,note\naudio/a.wav,sad,\"a\nb\nc\"\naudio/a.wav,sad\n");
        assertEquals(List.of("line 5: 2 fields, but the header has 3 (quote fields that contain commas)"), e.problems());
    }

    @Test
    void anUnclosedQuoteIsRefusedAtTheLineWhereItsRecordStarts() {
        ManifestException e = fails("path,emotion\naudio/a.wav,sad\n\"audio/b.wav,sad\n");
        assertEquals(List.of("line 3: a quoted field is not closed before the end of the file"), e.problems());
    }

    @Test
    void anEmptyManifestOrADuplicateColumnIsRefused() {
        assertTrue(fails("").problems().get(0).startsWith("line 1: the manifest is empty"));
        assertTrue(fails("path,emotion,path\n").problems().get(0).contains("'path' appears twice"));
    }
}
