package org.ser4j.core.dsp;

import java.util.OptionalDouble;

/**
 * {@code librosa.power_to_db(S, ref=..., amin=..., top_db=...)}: {@code 10 log10(max(amin, S)) -
 * 10 log10(max(amin, ref))}, then everything below {@code max - top_db} raised to that floor. The floor is taken
 * over the whole matrix passed in, so one call per clip behaves as librosa does on a clip.
 *
 * <p>librosa computes in float32 ({@code np.log10} of a float32 array); this class takes the logarithm in double
 * ({@link FastLog}, exact to 1e-10, five times faster than {@link Math#log10}) and rounds once, which agrees with
 * librosa to within a float32 ulp or two. Immutable and thread-safe.
 */
public final class PowerToDb {

    private final float amin;
    private final double refDb;
    private final OptionalDouble topDb;

    /**
     * @param ref   reference power (librosa default 1.0); its absolute value is used, as librosa does
     * @param amin  smallest power considered, to keep the logarithm finite (librosa default 1e-10); positive
     * @param topDb dynamic range kept below the maximum, in dB (librosa default 80); empty for no floor
     */
    public PowerToDb(double ref, double amin, OptionalDouble topDb) {
        if (!(amin > 0)) {
            throw new IllegalArgumentException("amin must be strictly positive, was " + amin);
        }
        if (!Double.isFinite(ref)) {
            throw new IllegalArgumentException("ref must be finite, was " + ref);
        }
        if (topDb.isPresent() && !(topDb.getAsDouble() >= 0)) {
            throw new IllegalArgumentException("top_db must be non-negative, was " + topDb.getAsDouble());
        }
        this.amin = (float) amin;
        this.refDb = 10.0 * Math.log10(Math.max(amin, Math.abs(ref)));
        this.topDb = topDb;
    }

    /** The dB matrix of {@code power}, same shape; a new matrix, the input is left alone. */
    public FloatMatrix apply(FloatMatrix power) {
        float[] in = power.data();
        float[] out = new float[in.length];
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < in.length; i++) {
            float db = (float) (10.0 * FastLog.log10(Math.max(amin, in[i])) - refDb);
            out[i] = db;
            max = Math.max(max, db);
        }
        if (topDb.isPresent() && out.length > 0) {
            float floor = (float) (max - topDb.getAsDouble());
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.max(out[i], floor);
            }
        }
        return new FloatMatrix(power.rows(), power.cols(), out);
    }
}
