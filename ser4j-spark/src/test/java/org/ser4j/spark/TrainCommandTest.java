package org.ser4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.model.ModelBundle;
import org.ser4j.model.ModelBundles;
import picocli.CommandLine;

/** The command opens and closes its own session, so this class only borrows one to write its table. */
class TrainCommandTest {

    @TempDir
    static Path dir;
    private static String table;

    @BeforeAll
    static void writeTable() {
        table = dir.resolve("features").toString();
        SparkSession spark = FeatureTables.session();
        try {
            FeatureTables.write(spark, FeatureTables.rows(5, 6, 2, 3), table);
        } finally {
            spark.stop();
        }
    }

    @Test
    void trainsWritesTheBundleAndPrintsAOneLineJsonSummary() throws Exception {
        Path model = dir.resolve("model.ser4j");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new TrainCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int status = cmd.execute("--table", table, "--out", model.toString(), "--epochs", "4", "--master", "local[2]",
                "--map", "calm=neutral", "--drop", "boredom", "--validation-fraction", "0.2", "--chunk-rows", "16");
        assertEquals(0, status, err.toString());
        String[] lines = out.toString().strip().split("\n");
        assertEquals(1, lines.length, out.toString());
        JsonNode summary = new ObjectMapper().readTree(lines[0]);
        // 5 speakers x 4 kept classes x 6 rows, one speaker validating: 96 training rows, 24 validation rows.
        assertEquals(96, summary.get("rows").asLong());
        assertEquals(24, summary.get("validation_rows").asLong());
        assertEquals(3, summary.get("classes").asInt());
        assertEquals(4, summary.get("epochs").asInt());
        assertTrue(summary.get("validation_ua").asDouble() > 0.9, lines[0]);
        assertTrue(summary.has("seconds"));
        assertTrue(err.toString().contains("epoch 4:"), err.toString());
        ModelBundle bundle = ModelBundles.read(model);
        assertTrue(bundle.card().provenance().command().startsWith("ser4j batch train --table " + table),
                bundle.card().provenance().command());
    }

    @Test
    void aMissingTableIsAUserErrorNamingItBeforeAnyTraining() {
        String missing = dir.resolve("nothing-here").toString();
        CommandLine cmd = new CommandLine(new TrainCommand());
        cmd.parseArgs("--table", missing, "--out", dir.resolve("m.ser4j").toString(), "--master", "local[2]");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ((TrainCommand) cmd.getCommand()).call());
        assertEquals(missing, e.getFile());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aBadOptionIsAUsageError() {
        StringWriter err = new StringWriter();
        int status = new CommandLine(new TrainCommand()).setErr(new PrintWriter(err)).execute("--table", table,
                "--out", "m.ser4j", "--arch", "transformer");
        assertEquals(2, status);
        assertTrue(err.toString().contains("'transformer'"), err.toString());
    }
}
