package org.ser4j.report;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;

/**
 * The course of a training run, epoch by epoch, as a picture and a log: {@value #CHART} (loss on the left panel;
 * training accuracy and validation UA on the right, both on a 0..1 scale) and {@value #LOG}.
 *
 * <p>Trainers convert their own per-epoch statistics into {@link Point}s; the report does not depend on them.
 *
 * @param points one per epoch, epochs strictly increasing; at least one
 */
public record TrainingCurves(List<Point> points) {

    /** Name of the picture in the output folder. */
    public static final String CHART = "training_curves.png";
    /** Name of the log in the output folder. */
    public static final String LOG = "training_log.csv";
    /** Header of {@value #LOG}; NaN figures are written as empty fields. */
    public static final List<String> LOG_HEADER = List.of("epoch", "train_loss", "train_accuracy", "validation_ua",
            "seconds");
    /** Default picture size: two panels of 600 x 420 pixels side by side. */
    public static final int DEFAULT_WIDTH = 1200;
    /** Default picture height. */
    public static final int DEFAULT_HEIGHT = 420;

    /**
     * One epoch.
     *
     * @param epoch         epoch number, at least 0
     * @param trainLoss     mean training loss; NaN when it was not recorded or diverged
     * @param trainAccuracy accuracy on the training data, in [0, 1]
     * @param validationUa  unweighted accuracy on the validation data, in [0, 1]; NaN when not measured this epoch
     * @param seconds       wall-clock seconds the epoch took, finite and at least 0
     */
    public record Point(int epoch, double trainLoss, double trainAccuracy, double validationUa, double seconds) {
        public Point {
            if (epoch < 0) {
                throw new IllegalArgumentException("epoch must be >= 0, found " + epoch);
            }
            if (Double.isInfinite(trainLoss)) {
                throw new IllegalArgumentException("training loss of epoch " + epoch
                        + " must be finite or NaN, found " + trainLoss);
            }
            if (!(trainAccuracy >= 0 && trainAccuracy <= 1)) {
                throw new IllegalArgumentException("training accuracy of epoch " + epoch + " must lie in [0, 1], found "
                        + trainAccuracy);
            }
            if (!Double.isNaN(validationUa) && !(validationUa >= 0 && validationUa <= 1)) {
                throw new IllegalArgumentException("validation UA of epoch " + epoch
                        + " must lie in [0, 1] or be NaN, found " + validationUa);
            }
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("seconds of epoch " + epoch + " must be finite and >= 0, found "
                        + seconds);
            }
        }
    }

    public TrainingCurves {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("training curves need at least one epoch, found none");
        }
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).epoch() <= points.get(i - 1).epoch()) {
                throw new IllegalArgumentException("epochs must be strictly increasing, found " + points.get(i).epoch()
                        + " after " + points.get(i - 1).epoch());
            }
        }
    }

    /** Writes {@value #CHART} at the default size and {@value #LOG} into {@code outDir} (created when missing). */
    public List<Path> write(Path outDir) throws IOException {
        return write(outDir, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * Writes {@value #CHART}, {@code width} x {@code height} pixels, and {@value #LOG} into {@code outDir}
     * (created when missing; earlier files replaced).
     *
     * @return the two files, picture first
     */
    public List<Path> write(Path outDir, int width, int height) throws IOException {
        Objects.requireNonNull(outDir, "outDir");
        Files.createDirectories(outDir);
        Path chart = outDir.resolve(CHART);
        Images.writePng(image(width, height), chart);
        return List.of(chart, writeLog(outDir.resolve(LOG)));
    }

    /** The picture: loss left, accuracies right. */
    BufferedImage image(int width, int height) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("training curves need at least 200 x 150 pixels, found " + width
                    + " x " + height);
        }
        int n = points.size();
        double[] epochs = new double[n];
        double[] loss = new double[n];
        double[] accuracy = new double[n];
        double[] ua = new double[n];
        boolean anyLoss = false;
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            epochs[i] = p.epoch();
            loss[i] = p.trainLoss();
            accuracy[i] = p.trainAccuracy();
            ua[i] = p.validationUa();
            anyLoss |= !Double.isNaN(p.trainLoss());
        }
        int half = width / 2;
        BufferedImage left = anyLoss
                ? BitmapEncoder.getBufferedImage(Charts.curves("Training loss", "epoch", "loss",
                        List.of(new Charts.Curve("training loss", epochs, loss, Charts.SIGNAL, false)), Double.NaN,
                        Double.NaN, half, height))
                : Images.message("No training loss recorded", half, height);
        BufferedImage right = BitmapEncoder.getBufferedImage(Charts.curves("Accuracy", "epoch", "accuracy", List.of(
                new Charts.Curve("training accuracy", epochs, accuracy, Charts.SIGNAL, false),
                new Charts.Curve("validation UA", epochs, ua, Charts.SECOND_SIGNAL, true)), 0, 1, width - half,
                height));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(left, 0, 0, null);
            g.drawImage(right, half, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private Path writeLog(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Point p : points) {
            rows.add(List.of(Integer.toString(p.epoch()), CsvFile.number(p.trainLoss(), 6),
                    CsvFile.number(p.trainAccuracy(), 6), CsvFile.number(p.validationUa(), 6),
                    CsvFile.number(p.seconds(), 3)));
        }
        return CsvFile.write(file, LOG_HEADER, rows);
    }
}
