package org.ser4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled default model through {@code ser4j eval} on real corpora: it must load with nothing else, run on
 * every clip, and (on speakers it was trained on) recognise them well; a regression guard for the shipped file.
 */
@Tag("corpus")
class DefaultModelCorpusTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultModelScoresEmoDbThroughEval() throws Exception {
        String shared = System.getProperty("ser4j.shared");
        Path corpora = shared == null ? null : Path.of(shared, "corpora");
        assumeTrue(corpora != null && Files.isDirectory(corpora), "../shared/corpora not present");
        CliTest.Run run = CliTest.run("eval", "--no-cache", "--data", corpora.toString(), "--corpora", "EmoDB", "--out",
                dir.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode line = new ObjectMapper().readTree(run.out().strip());
        assertEquals(454, line.get("n").asInt(), "EmoDB without boredom");
        assertTrue(line.get("ua").asDouble() > 0.8, line.toString());
        assertTrue(Files.isRegularFile(dir.resolve("report.html")));
    }
}
