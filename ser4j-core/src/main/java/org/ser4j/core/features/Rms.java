package org.ser4j.core.features;

import org.ser4j.core.dsp.CentredFrames;

/**
 * {@code librosa.feature.rms(y=y, frame_length, hop_length, center=True, pad_mode="constant")}: the root mean
 * square of each centred frame of the time signal, zeros outside the signal, divided by the full frame length.
 *
 * <p>Squares are taken in float as librosa's {@code abs2(dtype=float32)} takes them; sums run in double, which
 * is at least as exact as numpy's float32 mean. Frames overlap (by three quarters with the defaults), so the
 * squares are summed once per {@link CentredFrames#blockLength() block} and each frame adds up its blocks.
 * Immutable and thread-safe.
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
        int blockLength = frames.blockLength();
        double[] blocks = new double[frames.blockCount(n)];
        for (int j = 0; j < blocks.length; j++) {
            int first = frames.blockStart(j);
            int to = Math.min(n, first + blockLength);
            double sum = 0;
            for (int k = Math.max(0, first); k < to; k++) {
                float v = y[k];
                sum += v * v;
            }
            blocks[j] = sum;
        }
        float[] out = new float[count];
        int step = frames.hopLength() / blockLength;
        int perFrame = frames.blocksPerFrame();
        double length = frames.frameLength();
        for (int t = 0; t < count; t++) {
            double sum = 0;
            for (int j = t * step, end = j + perFrame; j < end; j++) {
                sum += blocks[j];
            }
            out[t] = (float) Math.sqrt(sum / length);
        }
        return out;
    }
}
