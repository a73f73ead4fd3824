package org.ser4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.data.manifest.Csv;

class TrainingCurvesTest {

    @TempDir
    Path temp;

    @Test
    void writesAPictureAndALogWithOneRowPerEpoch() throws Exception {
        TrainingCurves curves = new TrainingCurves(List.of(
                new TrainingCurves.Point(1, 1.3862944, 0.25, Double.NaN, 3.25),
                new TrainingCurves.Point(2, 0.9, 0.5, 0.4375, 3.0),
                new TrainingCurves.Point(4, 0.0001234567, 1.0, 0.5, 2.9996)));
        List<Path> files = curves.write(temp.resolve("run"), 400, 200);
        assertEquals(List.of(temp.resolve("run").resolve(TrainingCurves.CHART),
                temp.resolve("run").resolve(TrainingCurves.LOG)), files);
        BufferedImage img = ImageIO.read(files.get(0).toFile());
        assertEquals(400, img.getWidth());
        assertEquals(200, img.getHeight());
        List<Csv.Row> rows = Csv.read(new StringReader(Files.readString(files.get(1))), "log");
        assertEquals(TrainingCurves.LOG_HEADER, rows.get(0).fields());
        assertEquals(List.of("1", "1.386294", "0.25", "", "3.25"), rows.get(1).fields(), "NaN written empty");
        assertEquals(List.of("2", "0.9", "0.5", "0.4375", "3"), rows.get(2).fields());
        assertEquals(List.of("4", "0.000123", "1", "0.5", "3"), rows.get(3).fields(), "no exponent form");
        assertEquals(4, rows.size());
    }

    @Test
    void drawsOneEpochAndRunsWithoutALoss() throws Exception {
        TrainingCurves one = new TrainingCurves(List.of(new TrainingCurves.Point(0, 0.5, 0.5, 0.5, 1)));
        assertEquals(300, one.image(300, 160).getWidth());
        TrainingCurves noLoss = new TrainingCurves(List.of(
                new TrainingCurves.Point(1, Double.NaN, 0.3, Double.NaN, 1),
                new TrainingCurves.Point(2, Double.NaN, 0.4, Double.NaN, 1)));
        assertEquals(160, noLoss.image(300, 160).getHeight());
    }

    @Test
    void rejectsPointsOutsideTheirRangesAndEpochsOutOfOrder() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingCurves.Point(-1, 1, 0.5, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrainingCurves.Point(1, 1, 1.5, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrainingCurves.Point(1, 1, Double.NaN, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrainingCurves.Point(1, 1, 0.5, -0.1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new TrainingCurves.Point(1, Double.POSITIVE_INFINITY, 0.5, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrainingCurves.Point(1, 1, 0.5, 0.5, -1));
        TrainingCurves.Point p = new TrainingCurves.Point(2, 1, 0.5, 0.5, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrainingCurves(List.of(
                p, new TrainingCurves.Point(2, 1, 0.5, 0.5, 1))));
        assertEquals("epochs must be strictly increasing, found 2 after 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainingCurves(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new TrainingCurves(List.of(p)).image(100, 100));
    }
}
