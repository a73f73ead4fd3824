package org.ser4j.core.vad;

/** Shared checks and conversions for sample spans; package-private. */
final class Samples {

    private Samples() {
    }

    static void requireSpan(long startSample, long endSample, int sampleRate) {
        if (startSample < 0) {
            throw new IllegalArgumentException("start sample must be non-negative, was " + startSample);
        }
        if (endSample <= startSample) {
            throw new IllegalArgumentException(
                    "end sample must be greater than start sample " + startSample + ", was " + endSample);
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
    }

    /** {@code seconds} at {@code sampleRate}, rounded to the nearest sample. */
    static long toSamples(double seconds, int sampleRate) {
        return Math.round(seconds * sampleRate);
    }

    static void requirePositiveFinite(double value, String what) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be positive and finite, was " + value);
        }
    }

    static void requireNonNegativeFinite(double value, String what) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be non-negative and finite, was " + value);
        }
    }
}
