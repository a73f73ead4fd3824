package org.ser4j.core.features;

import org.ser4j.core.dsp.CentredFrames;

/**
 * {@code librosa.feature.rms(y=y, frame_length, hop_length, center=True, pad_mode="constant")}: the root mean
 * square of each centred frame of the time signal, zeros outside the signal, divided by the full frame length.
 *
 * <p>Squares are taken in float as librosa's {@code abs2(dtype=float32)} takes them; the sum runs in double,
 * which is at least as exact as numpy's float32 mean. Immutable and thread-safe.
 */
public final class Rms {

    private final CentredFrames frames;

    /** @param frames frame grid (librosa default 2048 / 512) */
    public Rms(CentredFrames frames) {
        this.frames = frames;
    }

    /** One value per frame, {@link CentredFrames#count} values. */
    public float[] compute(float[] y) {
        int n = y.length;
        int count = frames.count(n);
        float[] out = new float[count];
        int length = frames.frameLength();
        for (int t = 0; t < count; t++) {
            int first = frames.firstSample(t);
            int from = Math.max(0, first);
            int to = Math.min(n, first + length);
            double sum = 0;
            for (int k = from; k < to; k++) {
                float v = y[k];
                sum += v * v;
            }
            out[t] = (float) Math.sqrt(sum / length);
        }
        return out;
    }
}
