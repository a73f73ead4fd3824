package org.ser4j.audio;

import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;

/**
 * Plausibility limits shared by the WAV and AIFF parsers. A header outside them is damage, not audio: no
 * recording has 0 or 5,000 channels or a 0 Hz or 50 MHz sample rate, and trusting such values would make a
 * corrupted header allocate absurd buffers.
 */
final class HeaderChecks {

    /** More channels than this is taken as a corrupted header (real files stop far below). */
    static final int MAX_CHANNELS = 1024;

    /** A sample rate above this (10 MHz) is taken as a corrupted header. */
    static final long MAX_SAMPLE_RATE = 10_000_000;

    private HeaderChecks() {
    }

    /** Checks a channel count read from a header. */
    static int channels(long channels, String formatName) throws AudioDecodeException {
        if (channels <= 0) {
            throw new AudioDecodeException(Problem.MALFORMED,
                    formatName + " header says " + channels + " channels; at least 1 is needed");
        }
        if (channels > MAX_CHANNELS) {
            throw new AudioDecodeException(Problem.MALFORMED, formatName + " header says " + channels
                    + " channels, more than the plausible maximum of " + MAX_CHANNELS + " (damaged header?)");
        }
        return (int) channels;
    }

    /** Checks a sample rate read from a header. */
    static int sampleRate(long rate, String formatName) throws AudioDecodeException {
        if (rate <= 0) {
            throw new AudioDecodeException(Problem.MALFORMED,
                    formatName + " header says a sample rate of " + rate + " Hz; it must be positive");
        }
        if (rate > MAX_SAMPLE_RATE) {
            throw new AudioDecodeException(Problem.MALFORMED, formatName + " header says a sample rate of "
                    + rate + " Hz, above the plausible maximum of " + MAX_SAMPLE_RATE + " Hz (damaged header?)");
        }
        return (int) rate;
    }
}
