package org.ser4j.recognizer;

import java.util.Arrays;

/**
 * The recent part of an endless stream of samples, addressed by absolute sample index: append at the end, drop
 * from the front. Lets the timeline keep only the audio a window may still need, so memory stays bounded
 * whatever the recording's length. Dropping only moves a mark; the array is compacted when it would otherwise
 * grow, so each sample is copied a bounded number of times.
 */
final class SampleBuffer {

    private float[] data = new float[1 << 16];
    /** Absolute index of {@code data[0]}. */
    private long base;
    /** Index in {@code data} of the first sample held. */
    private int head;
    /** Index in {@code data} one past the last sample held. */
    private int tail;

    /** Absolute index one past the last sample appended. */
    long end() {
        return base + tail;
    }

    /** Absolute index of the first sample still held. */
    long start() {
        return base + head;
    }

    void append(float[] block, int offset, int length) {
        if (tail + length > data.length) {
            int held = tail - head;
            float[] target = held + length > data.length / 2 ? new float[Math.max(2 * (held + length),
                    data.length)] : data;
            System.arraycopy(data, head, target, 0, held);
            data = target;
            base += head;
            head = 0;
            tail = held;
        }
        System.arraycopy(block, offset, data, tail, length);
        tail += length;
    }

    /** Forgets the samples before {@code index}; a no-op for an index at or before {@link #start()}. */
    void dropBefore(long index) {
        long to = Math.min(index, end());
        if (to > start()) {
            head = (int) (to - base);
        }
    }

    /**
     * A copy of the samples in {@code [from, to)}.
     *
     * @throws IllegalStateException if part of the range was dropped or not yet appended
     */
    float[] copy(long from, long to) {
        if (from < start() || to > end() || from > to) {
            throw new IllegalStateException("samples [" + from + ", " + to + ") are not held; holding [" + start()
                    + ", " + end() + ")");
        }
        return Arrays.copyOfRange(data, (int) (from - base), (int) (to - base));
    }
}
