package org.ser4j.recognizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleBufferTest {

    @Test
    void holdsWhatWasAppendedAndNotDroppedByAbsoluteIndex() {
        SampleBuffer buffer = new SampleBuffer();
        Random random = new Random(2);
        long next = 0;
        for (int round = 0; round < 2_000; round++) {
            int length = random.nextInt(10_000);
            float[] block = new float[length];
            for (int i = 0; i < length; i++) {
                block[i] = (next + i) % 1_000_000;
            }
            buffer.append(block, 0, length);
            next += length;
            assertEquals(next, buffer.end());
            buffer.dropBefore(next - random.nextInt(50_000));
            long from = buffer.start() + random.nextInt((int) Math.max(1, buffer.end() - buffer.start()));
            float[] copy = buffer.copy(from, buffer.end());
            for (int i = 0; i < copy.length; i++) {
                assertEquals((from + i) % 1_000_000, copy[i], "sample " + (from + i));
            }
        }
    }

    @Test
    void refusesRangesItDoesNotHold() {
        SampleBuffer buffer = new SampleBuffer();
        buffer.append(new float[] {1, 2, 3, 4}, 0, 4);
        buffer.dropBefore(2);
        buffer.dropBefore(1);
        assertEquals(2, buffer.start());
        assertArrayEquals(new float[] {3, 4}, buffer.copy(2, 4));
        assertThrows(IllegalStateException.class, () -> buffer.copy(1, 3));
        assertThrows(IllegalStateException.class, () -> buffer.copy(2, 5));
    }
}
