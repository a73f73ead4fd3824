package org.ser4j.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writing pictures, and the placeholder picture shown where there is nothing to draw. */
final class Images {

    private Images() {
    }

    /** Writes {@code image} as PNG to {@code file} (replacing it); returns {@code file}. */
    static Path writePng(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException(file + ": no PNG writer available in this Java runtime");
        }
        return file;
    }

    /** A white picture with {@code text} in the middle, in the charts' title font. */
    static BufferedImage message(String text, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = whiteCanvas(out);
        try {
            g.setColor(Charts.TEXT);
            g.setFont(Charts.AXIS_TITLE_FONT);
            Heatmap.drawCentred(g, text, width / 2.0, height / 2.0);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Graphics on {@code image}, painted white, with anti-aliased shapes and text; dispose of it when done. */
    static Graphics2D whiteCanvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }
}
