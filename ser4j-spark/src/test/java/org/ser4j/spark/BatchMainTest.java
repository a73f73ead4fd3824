package org.ser4j.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line: each run opens and stops its own local session, as {@code ./ser4j batch} does. */
class BatchMainTest {

    @TempDir
    static Path tmp;

    static Path audio;

    @BeforeAll
    static void fixtures() throws Exception {
        audio = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Fixtures.SPEECH, audio.resolve("speech.wav"));
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = BatchMain.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int status = cmd.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void recognizesAFolderAndPrintsAOneLineJsonSummary() {
        Path out = tmp.resolve("out");
        Run r = run("recognize", "--master", "local[2]", "--input", audio.toString(), "--output", out.toString(),
                "--format", "CSV", "--min-confidence", "0.99");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("\\{\"rows\":1,\"files\":1,\"failed\":0,\"seconds\":[0-9.]+,\"files_per_s\":"
                + "[0-9.]+,\"output\":\".*\"}\\R"), r.out());
        assertTrue(r.err().startsWith("ser4j batch: 1 files (0 failed)"), r.err());
        assertTrue(Files.isDirectory(out));
    }

    @Test
    void aMissingInputIsOneLineAndExitStatus1() {
        Run r = run("features", "--master", "local[2]", "--input", tmp.resolve("nowhere").toString(), "--output",
                tmp.resolve("never").toString());
        assertEquals(1, r.status());
        assertEquals("ser4j batch: no such file or folder: " + tmp.resolve("nowhere") + System.lineSeparator(),
                r.err());
        assertFalse(Files.exists(tmp.resolve("never")));
    }

    @Test
    void anExistingOutputIsOneLineAndExitStatus1() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Run r = run("recognize", "--master", "local[2]", "--input", audio.toString(), "--output", out.toString());
        assertEquals(1, r.status());
        assertEquals("ser4j batch: " + out + ": the output already exists; choose another or give --overwrite to"
                + " replace it" + System.lineSeparator(), r.err());
    }

    @Test
    void anUnknownFeatureSetIsAUsageError() {
        Run r = run("features", "--input", audio.toString(), "--output", tmp.resolve("o").toString(), "--set",
                "wav2vec");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--set"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }
}
