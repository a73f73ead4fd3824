package org.ser4j.core.audio;

/**
 * A mono signal: float samples (nominally in [-1, 1]) at a sample rate. The input of every feature.
 *
 * <p>The array is not copied on the way in or out, for speed on long signals: treat it as read-only.
 *
 * @param samples    the mono signal
 * @param sampleRate samples per second
 */
public record PcmAudio(float[] samples, int sampleRate) {

    public PcmAudio {
        if (samples == null) {
            throw new IllegalArgumentException("samples must not be null");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
    }

    /** Number of samples. */
    public int length() {
        return samples.length;
    }

    /** Duration in seconds. */
    public double durationSeconds() {
        return (double) samples.length / sampleRate;
    }
}
