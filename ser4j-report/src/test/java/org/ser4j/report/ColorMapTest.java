package org.ser4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColorMapTest {

    @Test
    void endpointsAreMatplotlibs() {
        // matplotlib _viridis_data[0] = (0.267004, 0.004874, 0.329415), [255] = (0.993248, 0.906157, 0.143936)
        assertEquals(0x440154, ColorMap.VIRIDIS.rgb(0));
        assertEquals(0xfde725, ColorMap.VIRIDIS.rgb(1));
        // _magma_data[0] = (0.001462, 0.000466, 0.013866), [255] = (0.987053, 0.991438, 0.749504)
        assertEquals(0x000004, ColorMap.MAGMA.rgb(0));
        assertEquals(0xfcfdbf, ColorMap.MAGMA.rgb(1));
    }

    @Test
    void midpointsMatchMatplotlibWithinOneStep() {
        // _viridis_data[128] = (0.127568, 0.566949, 0.550556) -> (33, 145, 140); position 128/255
        assertClose(0x21918c, ColorMap.VIRIDIS.rgb(128 / 255.0));
        // _magma_data[128] = (0.716387, 0.214982, 0.475290) -> (183, 55, 121)
        assertClose(0xb73779, ColorMap.MAGMA.rgb(128 / 255.0));
    }

    @Test
    void lightnessRisesMonotonically() {
        for (ColorMap map : ColorMap.values()) {
            double previous = -1;
            for (int i = 0; i <= 64; i++) {
                double l = lightness(map.rgb(i / 64.0));
                assertTrue(l > previous, map + " L* at " + i + "/64: " + l + " after " + previous);
                previous = l;
            }
            assertTrue(lightness(map.rgb(1)) - lightness(map.rgb(0)) > 60, map + " spans a wide lightness range");
        }
    }

    @Test
    void positionsOutsideTheMapAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ColorMap.VIRIDIS.rgb(-0.01));
        assertThrows(IllegalArgumentException.class, () -> ColorMap.VIRIDIS.rgb(1.01));
        assertThrows(IllegalArgumentException.class, () -> ColorMap.MAGMA.rgb(Double.NaN));
    }

    private static void assertClose(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xff;
            int a = (actual >> shift) & 0xff;
            assertTrue(Math.abs(e - a) <= 1, String.format("expected %06x, got %06x", expected, actual));
        }
    }

    /** CIE L* of an sRGB colour (D65). */
    static double lightness(int rgb) {
        double y = 0.2126 * linear((rgb >> 16) & 0xff) + 0.7152 * linear((rgb >> 8) & 0xff)
                + 0.0722 * linear(rgb & 0xff);
        return y > 216.0 / 24389 ? 116 * Math.cbrt(y) - 16 : y * 24389.0 / 27;
    }

    private static double linear(int c) {
        double v = c / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
