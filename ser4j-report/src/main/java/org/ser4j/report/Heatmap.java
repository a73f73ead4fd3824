package org.ser4j.report;

import java.awt.BasicStroke;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.ser4j.core.dsp.FloatMatrix;

/**
 * A time-frequency image (spectrogram, MFCCs) drawn with Java2D: the matrix as pixels in a {@link ColorMap}, time
 * on the x axis, the rows on the y axis (lowest row at the bottom), and a colour bar with its unit.
 *
 * <p>Drawn by hand rather than with XChart's {@code HeatMapChart}, which makes every row and column a labelled
 * category (hundreds of overlapping tick labels for a 128 x 300 matrix) and paints each cell as its own shape;
 * here the matrix becomes one image scaled into the plot with nearest-neighbour sampling, so each cell keeps its
 * exact colour and a long clip costs no more to draw than a short one.
 */
final class Heatmap {

    /** Ticks along the y axis: where (in row coordinates, row {@code r} spans {@code r - 0.5 .. r + 0.5}) and what. */
    record RowTick(double row, String label) {
        RowTick {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * Everything drawn.
     *
     * @param title          picture title
     * @param matrix         frames x rows, as ser4j's features are laid out
     * @param firstRow       the first matrix row drawn (MFCC images leave out coefficient 0)
     * @param frameSeconds   seconds between frames (hop / rate); frame {@code t} is centred at {@code t} hops
     * @param yTitle         y axis title
     * @param yTicks         y axis ticks, in row coordinates of the drawn rows (0 = {@code firstRow})
     * @param colorMap       colour map
     * @param colourBarTitle unit of the values ("dB")
     */
    record Spec(String title, FloatMatrix matrix, int firstRow, double frameSeconds, String yTitle,
            List<RowTick> yTicks, ColorMap colorMap, String colourBarTitle) {
        Spec {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(matrix, "matrix");
            if (firstRow < 0 || firstRow >= matrix.cols() || matrix.rows() == 0) {
                throw new IllegalArgumentException("need at least one frame and firstRow in [0, " + matrix.cols()
                        + "), got " + matrix.rows() + " frames, firstRow " + firstRow);
            }
            yTicks = List.copyOf(yTicks);
        }
    }

    private static final int LEFT = 88;
    private static final int TOP = 44;
    private static final int BOTTOM = 58;
    /** Gap between a plot and its colour bar. */
    static final int BAR_GAP = 18;
    static final int BAR_WIDTH = 18;
    /** The whole width right of a plot: gap, colour bar, its tick labels and title. */
    static final int RIGHT = BAR_GAP + BAR_WIDTH + 78;
    /** Length of a tick mark. */
    static final int TICK = 5;

    private Heatmap() {
    }

    /** The picture, {@code width} x {@code height} pixels. */
    static BufferedImage render(Spec spec, int width, int height) {
        FloatMatrix m = spec.matrix();
        int frames = m.rows();
        int rows = m.cols() - spec.firstRow();
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int t = 0; t < frames; t++) {
            for (int r = spec.firstRow(); r < m.cols(); r++) {
                float v = m.get(t, r);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        // A constant image (digital silence) still needs a range; its one colour then reads as the bottom of it.
        double vmin = lo;
        double vmax = hi > lo ? hi : lo + 1;

        BufferedImage cells = new BufferedImage(frames, rows, BufferedImage.TYPE_INT_RGB);
        double scale = 1.0 / (vmax - vmin);
        for (int t = 0; t < frames; t++) {
            for (int r = 0; r < rows; r++) {
                double pos = (m.get(t, spec.firstRow() + r) - vmin) * scale;
                cells.setRGB(t, rows - 1 - r, spec.colorMap().rgb(pos));
            }
        }

        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Images.whiteCanvas(out);
        try {
            int px0 = LEFT;
            int py0 = TOP;
            int pw = width - LEFT - RIGHT;
            int ph = height - TOP - BOTTOM;

            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(cells, px0, py0, px0 + pw, py0 + ph, 0, 0, frames, rows, null);

            g.setColor(Charts.TEXT);
            g.setFont(Charts.TITLE_FONT);
            drawCentred(g, spec.title(), px0 + pw / 2.0, TOP - 14);

            // x axis: frame t is centred at t hops, so the image spans half a hop either side of the frames.
            double t0 = -0.5 * spec.frameSeconds();
            double t1 = (frames - 0.5) * spec.frameSeconds();
            DoubleUnaryOperator xOf = s -> px0 + (s - t0) / (t1 - t0) * pw;
            g.setFont(Charts.TICK_FONT);
            g.setStroke(new BasicStroke(1f));
            int maxXTicks = Math.max(2, pw / 70);
            Ticks xt = Ticks.of(Math.max(0, t0), t1, maxXTicks);
            for (double s : xt.values()) {
                int x = (int) Math.round(xOf.applyAsDouble(s));
                g.drawLine(x, py0 + ph, x, py0 + ph + TICK);
                drawCentred(g, xt.format(s), x, py0 + ph + TICK + g.getFontMetrics().getAscent() + 2);
            }
            g.setFont(Charts.AXIS_TITLE_FONT);
            drawCentred(g, "time (s)", px0 + pw / 2.0, height - 10);

            // y axis: row coordinate r (centre of drawn row r) maps to the pixel centre of that row.
            DoubleUnaryOperator yOf = r -> py0 + ph - (r + 0.5) / rows * ph;
            g.setFont(Charts.TICK_FONT);
            FontMetrics fm = g.getFontMetrics();
            for (RowTick tick : spec.yTicks()) {
                int y = (int) Math.round(yOf.applyAsDouble(tick.row()));
                g.drawLine(px0 - TICK, y, px0, y);
                g.drawString(tick.label(), px0 - TICK - 4 - fm.stringWidth(tick.label()), y + fm.getAscent() / 2 - 1);
            }
            g.setFont(Charts.AXIS_TITLE_FONT);
            drawRotated(g, spec.yTitle(), 20, py0 + ph / 2.0);

            g.setColor(Charts.TEXT);
            g.drawRect(px0, py0, pw, ph);

            drawColourBar(g, spec.colorMap(), spec.colourBarTitle(), vmin, vmax, px0 + pw + BAR_GAP, py0, ph,
                    width - 12);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * A vertical colour bar at {@code x, y}, {@code h} pixels high, from {@code vmin} (bottom) to {@code vmax},
     * with ticks on its right and {@code title} turned upright with its baseline at {@code titleX}. Also drawn
     * beside confusion matrices, so every ser4j picture reads its colours the same way.
     */
    static void drawColourBar(Graphics2D g, ColorMap colorMap, String title, double vmin, double vmax, int x, int y,
            int h, int titleX) {
        for (int i = 0; i < h; i++) {
            g.setColor(colorMap.color(1.0 - (double) i / (h - 1)));
            g.drawLine(x, y + i, x + BAR_WIDTH - 1, y + i);
        }
        g.setColor(Charts.TEXT);
        g.drawRect(x, y, BAR_WIDTH, h);
        g.setFont(Charts.TICK_FONT);
        FontMetrics fm = g.getFontMetrics();
        Ticks ticks = Ticks.of(vmin, vmax, Math.max(2, h / 32));
        for (double v : ticks.values()) {
            int yy = (int) Math.round(y + h - (v - vmin) / (vmax - vmin) * h);
            g.drawLine(x + BAR_WIDTH, yy, x + BAR_WIDTH + TICK, yy);
            g.drawString(ticks.format(v), x + BAR_WIDTH + TICK + 3, yy + fm.getAscent() / 2 - 1);
        }
        g.setFont(Charts.AXIS_TITLE_FONT);
        drawRotated(g, title, titleX, y + h / 2.0);
    }

    static void drawCentred(Graphics2D g, String text, double cx, double baseline) {
        int w = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (float) (cx - w / 2.0), (float) baseline);
    }

    /** Text turned 90 degrees counter-clockwise, centred at {@code cy}, its baseline at {@code x}. */
    static void drawRotated(Graphics2D g, String text, double x, double cy) {
        AffineTransform saved = g.getTransform();
        g.translate(x, cy);
        g.rotate(-Math.PI / 2);
        int w = g.getFontMetrics().stringWidth(text);
        g.drawString(text, -w / 2f, 0f);
        g.setTransform(saved);
    }
}
