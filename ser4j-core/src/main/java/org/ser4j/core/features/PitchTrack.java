package org.ser4j.core.features;

import java.util.Arrays;

/**
 * A pitch track from {@link Yin}: one entry per frame. Arrays are copied on the way in and on the way out.
 *
 * @param f0Hz    librosa.yin's estimate of each frame's fundamental frequency, Hz: the first CMND trough
 *                below the threshold or, failing one, the global minimum, refined by parabolic interpolation.
 *                Defined (and finite) for unvoiced frames too, as librosa.yin returns it; use {@link #voiced()}
 *                to decide whether it means anything
 * @param cmndMin the smallest value of the cumulative mean normalised difference over the searched periods:
 *                near 0 for a clean periodic frame, around 1 or above for noise, exactly 1 for a frame with no
 *                signal to analyse (digital silence, a constant)
 * @param voiced  whether the frame is voiced: the chosen period is a dip inside the search range, below the
 *                voicing threshold (see {@link Yin})
 */
public record PitchTrack(double[] f0Hz, double[] cmndMin, boolean[] voiced) {

    public PitchTrack {
        if (f0Hz == null || cmndMin == null || voiced == null) {
            throw new IllegalArgumentException("pitch track arrays must not be null");
        }
        if (cmndMin.length != f0Hz.length || voiced.length != f0Hz.length) {
            throw new IllegalArgumentException("pitch track arrays must have one entry per frame, had "
                    + f0Hz.length + " f0, " + cmndMin.length + " cmnd and " + voiced.length + " voicing values");
        }
        f0Hz = f0Hz.clone();
        cmndMin = cmndMin.clone();
        voiced = voiced.clone();
    }

    /** Number of frames. */
    public int frames() {
        return f0Hz.length;
    }

    /** A copy of the F0 estimates, Hz. */
    @Override
    public double[] f0Hz() {
        return f0Hz.clone();
    }

    /** A copy of the CMND minima. */
    @Override
    public double[] cmndMin() {
        return cmndMin.clone();
    }

    /** A copy of the voicing decisions. */
    @Override
    public boolean[] voiced() {
        return voiced.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PitchTrack p && Arrays.equals(f0Hz, p.f0Hz) && Arrays.equals(cmndMin, p.cmndMin)
                && Arrays.equals(voiced, p.voiced);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(f0Hz) + Arrays.hashCode(cmndMin)) + Arrays.hashCode(voiced);
    }

    @Override
    public String toString() {
        return "PitchTrack[" + f0Hz.length + " frames]";
    }
}
