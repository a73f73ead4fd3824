package org.ser4j.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.ser4j.core.Emotion;
import org.ser4j.data.Clip;
import org.ser4j.data.Gender;

/** Short assertions for loader specifications. Paths are written with '/' and need not exist. */
final class LoaderAssertions {

    private LoaderAssertions() {
    }

    /** Parses {@code path}, failing with the loader's reason when it does not parse. */
    static Clip parsed(CorpusLoader loader, String path) {
        ParseResult r = loader.parse(Path.of(path));
        if (r instanceof ParseResult.Parsed p) {
            return p.clip();
        }
        throw new AssertionError(loader.corpus() + " did not parse '" + path + "': " + r);
    }

    /** Asserts the name is claimed but refused; returns the reason. */
    static String invalid(CorpusLoader loader, String path) {
        ParseResult r = loader.parse(Path.of(path));
        ParseResult.Invalid i = assertInstanceOf(ParseResult.Invalid.class, r, () -> path + " gave " + r);
        assertTrue(i.reason().startsWith("named like " + loader.corpus()), i.reason());
        return i.reason();
    }

    /** Asserts the name is not this corpus's. */
    static void notThisCorpus(CorpusLoader loader, String path) {
        ParseResult r = loader.parse(Path.of(path));
        assertInstanceOf(ParseResult.NotThisCorpus.class, r, () -> path + " gave " + r);
    }

    /** Asserts the clip's labels and speaker (speaker given with its corpus prefix). */
    static void assertClip(Clip c, String speaker, Gender gender, Emotion emotion, String label) {
        assertEquals(speaker, c.speaker(), "speaker");
        assertEquals(gender, c.gender(), "gender");
        assertEquals(Optional.ofNullable(emotion), c.emotion(), "emotion");
        assertEquals(label, c.label(), "label");
        assertTrue(c.path().isAbsolute(), "absolute path");
        assertTrue(c.durationSeconds().isEmpty(), "no duration before a scan");
    }
}
