package org.ser4j.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FeaturesTest {

    @Test
    void arraysAreCopiedInAndOut() {
        int[] shape = {2, 2};
        float[] values = {1, 2, 3, 4};
        Features f = new Features(FeatureSet.LOGMEL, shape, values, 16000);
        shape[0] = 9;
        values[0] = 9;
        f.values()[1] = 9;
        f.shape()[1] = 9;
        assertArrayEquals(new int[] {2, 2}, f.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4}, f.values());
        assertEquals(3f, f.toMatrix().get(1, 0));
    }

    @Test
    void equalityIsByContent() {
        assertEquals(new Features(FeatureSet.MFCC, new int[] {1, 2}, new float[] {1, 2}, 8000),
                new Features(FeatureSet.MFCC, new int[] {1, 2}, new float[] {1, 2}, 8000));
    }

    @Test
    void rejectsValuesThatDoNotFillTheShape() {
        assertThrows(IllegalArgumentException.class,
                () -> new Features(FeatureSet.MFCC, new int[] {2, 2}, new float[3], 16000));
        assertThrows(IllegalArgumentException.class,
                () -> new Features(FeatureSet.MFCC, new int[] {0, 2}, new float[0], 16000));
        assertThrows(IllegalStateException.class,
                () -> new Features(FeatureSet.SEED162, new int[] {2}, new float[2], 16000).toMatrix());
    }
}
