package org.ser4j.recognizer;

import java.util.Arrays;

/**
 * The recent part of an endless stream of samples, addressed by absolute sample index: append at the end, drop
 * from the front. Lets the timeline keep only the audio a window may still need, so memory stays bounded
 * whatever the recording's length.
 */
final class SampleBuffer {

    private float[] data = new float[1 << 16];
    /** Absolute index of {@code data[0]}. */
    private long base;
    private int size;

    /** Absolute index one past the last sample appended. */
    long end() {
        return base + size;
    }

    /** Absolute index of the first sample still held. */
    long start() {
        return base;
    }

    void append(float[] block, int offset, int length) {
        if (size + length > data.length) {
            data = Arrays.copyOf(data, Math.max(size + length, data.length * 2));
        }
        System.arraycopy(block, offset, data, size, length);
        size += length;
    }

    /** Forgets the samples before {@code index}; a no-op for an index at or before {@link #start()}. */
    void dropBefore(long index) {
        long drop = Math.min(index, end()) - base;
        if (drop <= 0) {
            return;
        }
        System.arraycopy(data, (int) drop, data, 0, size - (int) drop);
        size -= (int) drop;
        base += drop;
    }

    /**
     * A copy of the samples in {@code [from, to)}.
     *
     * @throws IllegalStateException if part of the range was dropped or not yet appended
     */
    float[] copy(long from, long to) {
        if (from < base || to > end() || from > to) {
            throw new IllegalStateException("samples [" + from + ", " + to + ") are not held; holding [" + base
                    + ", " + end() + ")");
        }
        return Arrays.copyOfRange(data, (int) (from - base), (int) (to - base));
    }
}
