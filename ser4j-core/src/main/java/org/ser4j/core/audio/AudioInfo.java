package org.ser4j.core.audio;

import java.util.Objects;

/**
 * What a decoder learned from a file's header: container, codec, rate, channels and length.
 *
 * @param container     the detected format
 * @param codec         a human description of the encoding ("PCM 16-bit integer", "IEEE float 32-bit",
 *                      "FLAC 24-bit", "MPEG-1 Layer III 128 kbps", "Vorbis", "Opus")
 * @param sampleRate    frames per second of the stored audio (Opus: 48000, its decoding rate)
 * @param channels      interleaved channels in the stored audio
 * @param frames        frames per channel when the header says, {@link #UNKNOWN_LENGTH} when it does not
 *                      (streamed WAV, MP3 without a Xing/LAME header)
 */
public record AudioInfo(AudioContainer container, String codec, int sampleRate, int channels, long frames) {

    /** {@link #frames()} when the length is not known before decoding. */
    public static final long UNKNOWN_LENGTH = -1;

    public AudioInfo {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(codec, "codec");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        if (channels <= 0) {
            throw new IllegalArgumentException("channel count must be positive, was " + channels);
        }
        if (frames < UNKNOWN_LENGTH) {
            throw new IllegalArgumentException("frames must be >= 0 or UNKNOWN_LENGTH, was " + frames);
        }
    }

    /** Whether {@link #frames()} is known. */
    public boolean lengthKnown() {
        return frames != UNKNOWN_LENGTH;
    }

    /** Duration in seconds, or {@code NaN} when the length is unknown. */
    public double durationSeconds() {
        return lengthKnown() ? (double) frames / sampleRate : Double.NaN;
    }

    /** The same info with the length learned by decoding. */
    public AudioInfo withFrames(long decodedFrames) {
        return new AudioInfo(container, codec, sampleRate, channels, decodedFrames);
    }
}
