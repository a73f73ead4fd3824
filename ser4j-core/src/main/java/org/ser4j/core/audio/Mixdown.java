package org.ser4j.core.audio;

/**
 * Averages interleaved channels to mono exactly as librosa's {@code to_mono} does on float32 audio
 * ({@code np.mean(y, axis=0)}): the channels of each frame are summed in float, first to last, and the sum is
 * divided by the channel count in float. For the usual one to eight channels numpy's reduction is this plain
 * sequential sum, so the result is bit-identical; doing the sum in double would not be.
 *
 * <p>Stateless and allocation-free apart from {@link #toMono(float[], int)}; safe from any thread.
 */
public final class Mixdown {

    private Mixdown() {
    }

    /**
     * Mixes {@code frames} interleaved frames of {@code src} down to mono, writing them to
     * {@code dst[dstOffset ..]}. With one channel the samples are copied unchanged.
     *
     * @throws IllegalArgumentException when {@code channels < 1}, {@code frames < 0} or an array is too short
     */
    public static void toMono(float[] src, int frames, int channels, float[] dst, int dstOffset) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1, was " + channels);
        }
        if (frames < 0) {
            throw new IllegalArgumentException("frames must be non-negative, was " + frames);
        }
        if ((long) frames * channels > src.length) {
            throw new IllegalArgumentException("source holds " + src.length + " samples, fewer than "
                    + frames + " frames of " + channels + " channels");
        }
        if (dstOffset < 0 || (long) dstOffset + frames > dst.length) {
            throw new IllegalArgumentException("destination of length " + dst.length + " cannot take "
                    + frames + " samples at offset " + dstOffset);
        }
        if (channels == 1) {
            System.arraycopy(src, 0, dst, dstOffset, frames);
            return;
        }
        float count = channels;
        int base = 0;
        for (int f = 0; f < frames; f++) {
            float sum = src[base];
            for (int c = 1; c < channels; c++) {
                sum += src[base + c];
            }
            dst[dstOffset + f] = sum / count;
            base += channels;
        }
    }

    /**
     * Mixes a whole interleaved signal down to mono.
     *
     * @throws IllegalArgumentException when {@code channels < 1} or the length is not a multiple of it
     */
    public static float[] toMono(float[] interleaved, int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be at least 1, was " + channels);
        }
        if (interleaved.length % channels != 0) {
            throw new IllegalArgumentException("interleaved length " + interleaved.length
                    + " is not a multiple of " + channels + " channels");
        }
        int frames = interleaved.length / channels;
        float[] mono = new float[frames];
        toMono(interleaved, frames, channels, mono, 0);
        return mono;
    }
}
