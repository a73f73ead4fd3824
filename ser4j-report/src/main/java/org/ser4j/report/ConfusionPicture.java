package org.ser4j.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * A confusion matrix drawn with Java2D: true labels down the rows, predicted labels across the columns, each cell
 * coloured by its value in a {@link ColorMap} and labelled with its number, and a colour bar.
 *
 * <p>Drawn by hand like {@link Heatmap}, with which it shares fonts and the colour bar: XChart's
 * {@code HeatMapChart} writes no numbers into cells and puts row 0 at the bottom, where readers of confusion
 * matrices (and scikit-learn's {@code ConfusionMatrixDisplay}) expect it at the top.
 */
final class ConfusionPicture {

    /**
     * Everything drawn.
     *
     * @param title          picture title
     * @param labels         class names, the order of rows and columns
     * @param values         square matrix, rows = true class; sets the colours
     * @param cellText       the text written in each cell, same shape
     * @param vmax           the value at the top of the colour scale (the bottom is 0)
     * @param colorMap       colour map
     * @param colourBarTitle what the colours measure
     */
    record Spec(String title, List<String> labels, double[][] values, String[][] cellText, double vmax,
            ColorMap colorMap, String colourBarTitle) {
        Spec {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(colorMap, "colorMap");
            Objects.requireNonNull(colourBarTitle, "colourBarTitle");
            labels = List.copyOf(labels);
            int k = labels.size();
            if (k == 0 || values.length != k || cellText.length != k) {
                throw new IllegalArgumentException("expected " + k + " rows of values and cell text, found "
                        + values.length + " and " + cellText.length);
            }
            for (int i = 0; i < k; i++) {
                if (values[i].length != k || cellText[i].length != k) {
                    throw new IllegalArgumentException("row " + i + " must have " + k + " values and texts, found "
                            + values[i].length + " and " + cellText[i].length);
                }
            }
            if (!(vmax > 0) || Double.isInfinite(vmax)) {
                throw new IllegalArgumentException("vmax must be finite and positive, found " + vmax);
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    if (!(values[i][j] >= 0 && values[i][j] <= vmax)) {
                        throw new IllegalArgumentException("cell (" + i + ", " + j + ") must lie in [0, " + vmax
                                + "], found " + values[i][j]);
                    }
                }
            }
        }
    }

    private static final int TOP = 44;
    private static final int PAD = 10;
    /** Axis labels never take more than this share of the picture's width or height. */
    private static final double MAX_LABEL_SHARE = 0.3;
    /** Cell numbers are at most this share of a cell's height. */
    private static final double CELL_TEXT_SHARE = 0.42;
    /** Cell numbers are never drawn smaller than this (points). */
    private static final float MIN_CELL_FONT = 7f;

    private ConfusionPicture() {
    }

    /** The picture, {@code width} x {@code height} pixels. */
    static BufferedImage render(Spec spec, int width, int height) {
        int k = spec.labels().size();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Images.whiteCanvas(out);
        try {

            g.setFont(Charts.TICK_FONT);
            FontMetrics tick = g.getFontMetrics();
            int maxLabel = (int) (MAX_LABEL_SHARE * Math.min(width, height));
            int widest = Math.min(maxLabel, spec.labels().stream().mapToInt(tick::stringWidth).max().orElse(0));
            g.setFont(Charts.AXIS_TITLE_FONT);
            int axisTitle = g.getFontMetrics().getHeight();

            int left = PAD + axisTitle + PAD + widest + Heatmap.TICK + 4;
            int pw = width - left - Heatmap.RIGHT;
            // Column labels lie flat when each fits its column, else they are turned 45 degrees and need the
            // height of the widest one's diagonal.
            boolean flat = (double) widest + 8 <= (double) pw / k;
            int columnLabels = flat ? tick.getHeight() : (int) Math.ceil(widest * Math.sqrt(0.5) + tick.getHeight());
            int bottom = Heatmap.TICK + 4 + columnLabels + PAD + axisTitle + PAD;
            int ph = height - TOP - bottom;
            if (pw < k || ph < k) {
                throw new IllegalArgumentException("a " + width + " x " + height + " picture leaves no room for "
                        + k + " x " + k + " cells; make it larger");
            }
            double cw = (double) pw / k;
            double ch = (double) ph / k;

            g.setFont(cellFont(g, spec, cw, ch));
            FontMetrics cellMetrics = g.getFontMetrics();
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    Color fill = spec.colorMap().color(spec.values()[i][j] / spec.vmax());
                    int x0 = left + (int) Math.round(j * cw);
                    int y0 = TOP + (int) Math.round(i * ch);
                    int x1 = left + (int) Math.round((j + 1) * cw);
                    int y1 = TOP + (int) Math.round((i + 1) * ch);
                    g.setColor(fill);
                    g.fillRect(x0, y0, x1 - x0, y1 - y0);
                    String text = spec.cellText()[i][j];
                    g.setColor(readableOn(fill));
                    Heatmap.drawCentred(g, text, (x0 + x1) / 2.0,
                            (y0 + y1) / 2.0 + (cellMetrics.getAscent() - cellMetrics.getDescent()) / 2.0);
                }
            }
            g.setColor(Charts.TEXT);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(left, TOP, pw, ph);

            g.setFont(Charts.TITLE_FONT);
            while (g.getFontMetrics().stringWidth(spec.title()) > width - 2 * PAD && g.getFont().getSize() > 10) {
                g.setFont(g.getFont().deriveFont(g.getFont().getSize2D() - 1));
            }
            // Centred over the cells, but moved inwards where that would cut it at an edge of the picture.
            int titleWidth = g.getFontMetrics().stringWidth(spec.title());
            double centre = Math.max(PAD + titleWidth / 2.0, Math.min(width - PAD - titleWidth / 2.0, left + pw / 2.0));
            Heatmap.drawCentred(g, spec.title(), centre, TOP - 14);

            g.setFont(Charts.TICK_FONT);
            for (int i = 0; i < k; i++) {
                int y = TOP + (int) Math.round((i + 0.5) * ch);
                g.drawLine(left - Heatmap.TICK, y, left, y);
                String label = fit(spec.labels().get(i), widest, tick);
                g.drawString(label, left - Heatmap.TICK - 4 - tick.stringWidth(label), y + tick.getAscent() / 2 - 1);
            }
            int axisY = TOP + ph;
            for (int j = 0; j < k; j++) {
                int x = left + (int) Math.round((j + 0.5) * cw);
                g.drawLine(x, axisY, x, axisY + Heatmap.TICK);
                String label = fit(spec.labels().get(j), widest, tick);
                if (flat) {
                    Heatmap.drawCentred(g, label, x, axisY + Heatmap.TICK + 2 + tick.getAscent());
                } else {
                    // Turned 45 degrees, ending just below its tick, as matplotlib's rotated tick labels do.
                    AffineTransform saved = g.getTransform();
                    g.translate(x + tick.getAscent() / 2.0, axisY + Heatmap.TICK + 4);
                    g.rotate(-Math.PI / 4);
                    g.drawString(label, -tick.stringWidth(label), 0f);
                    g.setTransform(saved);
                }
            }
            g.setFont(Charts.AXIS_TITLE_FONT);
            Heatmap.drawCentred(g, "predicted label", left + pw / 2.0, height - PAD - g.getFontMetrics().getDescent());
            Heatmap.drawRotated(g, "true label", PAD + g.getFontMetrics().getAscent(), TOP + ph / 2.0);

            Heatmap.drawColourBar(g, spec.colorMap(), spec.colourBarTitle(), 0, spec.vmax(),
                    left + pw + Heatmap.BAR_GAP, TOP, ph, width - 12);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * The font of the cell numbers: the tick font a little enlarged, made smaller where the cells are small, so
     * that every number fits its cell whole (a number cut short would be a wrong number).
     */
    private static Font cellFont(Graphics2D g, Spec spec, double cw, double ch) {
        float size = (float) Math.min(Charts.TICK_FONT.getSize2D() * 1.15, ch * CELL_TEXT_SHARE);
        Font font = Charts.TICK_FONT.deriveFont(Math.max(MIN_CELL_FONT, size));
        while (font.getSize2D() > MIN_CELL_FONT && widestCellText(g.getFontMetrics(font), spec) > cw - 4) {
            font = font.deriveFont(Math.max(MIN_CELL_FONT, font.getSize2D() - 1));
        }
        return font;
    }

    private static int widestCellText(FontMetrics fm, Spec spec) {
        int widest = 0;
        for (String[] row : spec.cellText()) {
            for (String text : row) {
                widest = Math.max(widest, fm.stringWidth(text));
            }
        }
        return widest;
    }

    /** Dark text on light cells, white on dark ones (by the cell's relative luminance, as WCAG defines it). */
    static Color readableOn(Color fill) {
        double l = luminance(fill);
        // WCAG contrast ratio with white, 1.05 / (l + 0.05), against that with the dark text colour.
        return 1.05 / (l + 0.05) >= (l + 0.05) / (luminance(Charts.TEXT) + 0.05) ? Color.WHITE : Charts.TEXT;
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** {@code text}, shortened with an ellipsis when wider than {@code maxWidth} pixels. */
    private static String fit(String text, int maxWidth, FontMetrics fm) {
        if (fm.stringWidth(text) <= maxWidth) {
            return text;
        }
        for (int n = text.length() - 1; n > 0; n--) {
            String s = text.substring(0, n) + "…";
            if (fm.stringWidth(s) <= maxWidth) {
                return s;
            }
        }
        return "…";
    }
}
