package org.ser4j.report;

/**
 * A signal reduced for drawing: for each of {@code columns} equal time slices its minimum and maximum, as a line
 * that zig-zags min, max, min, max... Drawn at one slice per pixel this looks exactly like every sample drawn,
 * at a cost independent of the clip's length. Signals with fewer than two samples per column are kept whole.
 *
 * @param times           x of each point, seconds
 * @param values          y of each point
 * @param peak            the largest absolute sample
 * @param durationSeconds the signal's duration
 */
record Envelope(double[] times, double[] values, double peak, double durationSeconds) {

    /** The envelope of {@code samples} at {@code sampleRate} for about {@code columns} pixel columns. */
    static Envelope of(float[] samples, int sampleRate, int columns) {
        if (samples.length == 0 || sampleRate <= 0 || columns <= 0) {
            throw new IllegalArgumentException("need samples, a positive rate and columns; got " + samples.length
                    + " samples at " + sampleRate + " Hz for " + columns + " columns");
        }
        double duration = (double) samples.length / sampleRate;
        double peak = 0;
        for (float s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        if (samples.length < 2 * columns) {
            double[] t = new double[samples.length];
            double[] v = new double[samples.length];
            for (int i = 0; i < samples.length; i++) {
                t[i] = (double) i / sampleRate;
                v[i] = samples[i];
            }
            return new Envelope(t, v, peak, duration);
        }
        double[] t = new double[2 * columns];
        double[] v = new double[2 * columns];
        for (int c = 0; c < columns; c++) {
            int from = (int) ((long) samples.length * c / columns);
            int to = (int) ((long) samples.length * (c + 1) / columns);
            float lo = samples[from];
            float hi = samples[from];
            for (int i = from + 1; i < to; i++) {
                lo = Math.min(lo, samples[i]);
                hi = Math.max(hi, samples[i]);
            }
            double mid = (from + to) / 2.0 / sampleRate;
            t[2 * c] = mid;
            t[2 * c + 1] = mid;
            // Alternate the order so consecutive columns join at nearby values instead of crossing the axis.
            v[2 * c] = (c % 2 == 0) ? lo : hi;
            v[2 * c + 1] = (c % 2 == 0) ? hi : lo;
        }
        return new Envelope(t, v, peak, duration);
    }
}
