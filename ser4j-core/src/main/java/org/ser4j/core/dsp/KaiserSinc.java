package org.ser4j.core.dsp;

/**
 * The resampler's anti-aliasing low-pass prototype: a Kaiser-windowed sinc, written as a function of time
 * {@code u} measured in samples of the <em>lower</em> of the two rates, so one design serves every ratio.
 *
 * <pre>
 *   k(u) = CUTOFF * sinc(CUTOFF * u) * I0(BETA * sqrt(1 - (u / ZEROS)^2)) / I0(BETA),   |u| &lt;= ZEROS
 * </pre>
 *
 * <p>Why not scipy's default ({@code resample_poly}: Kaiser beta 5, cutoff at the new Nyquist, half-length 10
 * samples of the lower rate): its transition band is centred on the Nyquist, so it passes a tone just above
 * the new Nyquist at -6 dB (aliasing it back in-band), it is already -0.66 dB at 0.9 x Nyquist, and its
 * ripple is about 0.012 dB (~ -57 dB) across the band with ~ -55 dB sidelobes. Here the cutoff sits at 0.95 x
 * the lower Nyquist, so the whole transition band (0.9 to 1.0 x Nyquist) lies below the new Nyquist, in the
 * region that would alias, and the longer window (64 lower-rate samples each side) with beta 10 makes that
 * transition narrow and deep. Measured on the continuous response (see make-resample-refs.py): deviation
 * from unity below 0.9 x Nyquist under -100 dB (0.00005 dB), attenuation above the Nyquist at least 99.8 dB.
 * The cost is about 128 x max(1, from/to) multiply-adds per output sample.
 */
final class KaiserSinc {

    /** Half-length in samples of the lower rate (scipy's default: 10). */
    static final int ZEROS = 64;
    /** Kaiser shape parameter (scipy's default: 5.0); 10 gives ~100 dB stop band and pass-band flatness. */
    static final double BETA = 10.0;
    /** Cutoff as a fraction of the lower Nyquist rate (scipy's default: 1.0). */
    static final double CUTOFF = 0.95;

    private static final double I0_BETA = besselI0(BETA);

    /** Table points per lower-rate sample for {@link #interpolated}; linear interpolation error ~ 4e-7. */
    static final int TABLE_DENSITY = 1024;
    /** Zero margin beyond +-ZEROS so a tap just outside the support reads zeros rather than out of bounds. */
    static final int TABLE_MARGIN = 4;

    private static final float[] TABLE = buildTable();

    private KaiserSinc() {
    }

    /** The prototype at {@code u} lower-rate samples from the centre, evaluated exactly (double precision). */
    static double at(double u) {
        double a = Math.abs(u);
        if (a > ZEROS) {
            return 0.0;
        }
        double r = u / ZEROS;
        double w = besselI0(BETA * Math.sqrt(Math.max(0.0, 1.0 - r * r))) / I0_BETA;
        return CUTOFF * sinc(CUTOFF * u) * w;
    }

    /**
     * Table of {@link #at} on a fine grid, for ratios whose polyphase bank would be too large: entry {@code j}
     * holds {@code at(j / TABLE_DENSITY - ZEROS - TABLE_MARGIN)}. Shared, never written after construction.
     */
    static float[] interpolated() {
        return TABLE;
    }

    private static float[] buildTable() {
        int half = (ZEROS + TABLE_MARGIN) * TABLE_DENSITY;
        float[] t = new float[2 * half + 2];
        for (int j = 0; j < t.length; j++) {
            t[j] = (float) at((double) (j - half) / TABLE_DENSITY);
        }
        return t;
    }

    /** {@code sin(pi x) / (pi x)}, 1 at 0, as numpy's sinc. */
    static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series (x &lt;= ~20 here). */
    static double besselI0(double x) {
        double q = x * x / 4.0;
        double term = 1.0;
        double sum = 1.0;
        for (int k = 1; k < 200; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
