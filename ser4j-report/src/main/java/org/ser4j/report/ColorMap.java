package org.ser4j.report;

import java.awt.Color;

/**
 * Perceptually uniform colour maps for spectrogram-like images: lightness rises monotonically from the low end
 * to the high end, so louder always looks brighter, also in grey-scale print and to colour-blind readers.
 *
 * <p>The tables are matplotlib's {@code _viridis_data} and {@code _magma_data} (CC0, by Stéfan van der Walt and
 * Nathaniel Smith), every fifth of their 256 entries, rounded to 8 bits; linear interpolation between these 52
 * anchors stays within one 8-bit step of the full 256-entry tables.
 */
public enum ColorMap {

    /** Blue-violet through green to yellow; matplotlib's default. Used for MFCC images. */
    VIRIDIS(new int[] {
            0x440154, 0x46085c, 0x471063, 0x481769, 0x481d6f, 0x482475, 0x472a7a, 0x46307e,
            0x453781, 0x433d84, 0x414287, 0x3f4889, 0x3d4e8a, 0x3a538b, 0x38598c, 0x355e8d,
            0x33638d, 0x31688e, 0x2e6d8e, 0x2c718e, 0x2a768e, 0x297b8e, 0x27808e, 0x25848e,
            0x23898e, 0x218e8d, 0x20928c, 0x1f978b, 0x1e9c89, 0x1fa188, 0x21a585, 0x24aa83,
            0x28ae80, 0x2eb37c, 0x35b779, 0x3dbc74, 0x46c06f, 0x50c46a, 0x5ac864, 0x65cb5e,
            0x70cf57, 0x7cd250, 0x89d548, 0x95d840, 0xa2da37, 0xb0dd2f, 0xbddf26, 0xcae11f,
            0xd8e219, 0xe5e419, 0xf1e51d, 0xfde725}),

    /** Black through purple and orange to pale yellow; suits dB spectrograms (silence is black). */
    MAGMA(new int[] {
            0x000004, 0x02020b, 0x050416, 0x090720, 0x0e0b2b, 0x140e36, 0x1a1042, 0x21114e,
            0x29115a, 0x311165, 0x390f6e, 0x420f75, 0x4a1079, 0x52137c, 0x5a167e, 0x621980,
            0x6a1c81, 0x721f81, 0x792282, 0x812581, 0x892881, 0x912b81, 0x992d80, 0xa1307e,
            0xaa337d, 0xb2357b, 0xba3878, 0xc23b75, 0xca3e72, 0xd2426f, 0xd9466b, 0xe04c67,
            0xe75263, 0xec5860, 0xf1605d, 0xf4695c, 0xf7725c, 0xf97b5d, 0xfb8560, 0xfc8e64,
            0xfd9869, 0xfea16e, 0xfeaa74, 0xfeb47b, 0xfebd82, 0xfec68a, 0xfecf92, 0xfed89a,
            0xfde2a3, 0xfdebac, 0xfcf4b6, 0xfcfdbf});

    /** Entries of the expanded lookup table: finer than 8-bit colour steps need. */
    private static final int LUT_SIZE = 1024;

    private final int[] anchors;
    private final int[] lut;

    ColorMap(int[] anchors) {
        this.anchors = anchors;
        this.lut = expand(anchors);
    }

    private static int[] expand(int[] anchors) {
        int[] lut = new int[LUT_SIZE];
        int segments = anchors.length - 1;
        for (int i = 0; i < LUT_SIZE; i++) {
            double pos = (double) i / (LUT_SIZE - 1) * segments;
            int k = Math.min((int) pos, segments - 1);
            double t = pos - k;
            int a = anchors[k];
            int b = anchors[k + 1];
            lut[i] = (mix(a >> 16, b >> 16, t) << 16) | (mix(a >> 8, b >> 8, t) << 8) | mix(a, b, t);
        }
        return lut;
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
    }

    /**
     * The colour at position {@code t} of the map, as packed {@code 0xRRGGBB}.
     *
     * @param t position from 0 (low end) to 1 (high end)
     * @throws IllegalArgumentException if {@code t} is outside [0, 1] or NaN: scaling values into the map's range
     *                                  is the caller's decision, never clamped silently here
     */
    public int rgb(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("colour map position must lie in [0, 1], got " + t);
        }
        return lut[(int) Math.round(t * (LUT_SIZE - 1))];
    }

    /** {@link #rgb(double)} as an AWT colour. */
    public Color color(double t) {
        return new Color(rgb(t));
    }

    /** Number of table anchors (the map is piecewise linear between them). */
    public int anchorCount() {
        return anchors.length;
    }
}
