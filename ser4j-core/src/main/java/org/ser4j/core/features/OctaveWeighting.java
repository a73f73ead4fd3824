package org.ser4j.core.features;

/**
 * The Gaussian window over octaves that librosa's {@code filters.chroma} multiplies into its chroma filter bank
 * ({@code ctroct}, {@code octwidth}): a frequency {@code o} octaves above C0 (A440 / 16 Hz) is weighted by
 * {@code exp(-0.5 ((o - centreOctave) / octaveWidth)^2)}.
 *
 * @param centreOctave centre of the window in octaves above A440/16 Hz (librosa {@code ctroct}, default 5.0)
 * @param octaveWidth  standard deviation of the window in octaves (librosa {@code octwidth}, default 2); positive,
 *                     and infinite for no weighting at all (librosa {@code octwidth=None})
 */
public record OctaveWeighting(double centreOctave, double octaveWidth) {

    /** librosa's default: {@code ctroct=5.0, octwidth=2}. */
    public static final OctaveWeighting LIBROSA_DEFAULT = new OctaveWeighting(5.0, 2.0);

    /** No octave weighting (librosa {@code octwidth=None}): every column keeps unit L2 norm. */
    public static final OctaveWeighting NONE = new OctaveWeighting(0.0, Double.POSITIVE_INFINITY);

    public OctaveWeighting {
        if (!Double.isFinite(centreOctave)) {
            throw new IllegalArgumentException("centre octave must be finite, was " + centreOctave);
        }
        if (!(octaveWidth > 0)) {
            throw new IllegalArgumentException("octave width must be positive (or infinite for none), was "
                    + octaveWidth);
        }
    }

    /** The weight of a frequency {@code octaves} octaves above A440/16 Hz; exactly 1 for {@link #NONE}. */
    public double weight(double octaves) {
        if (octaveWidth == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        double z = (octaves - centreOctave) / octaveWidth;
        return Math.exp(-0.5 * (z * z));
    }
}
