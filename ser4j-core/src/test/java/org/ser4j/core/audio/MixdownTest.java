package org.ser4j.core.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MixdownTest {

    @Test
    void monoIsCopiedUnchanged() {
        float[] x = {0.1f, -0.2f, 0.3f};
        assertArrayEquals(x, Mixdown.toMono(x, 1));
    }

    @Test
    void stereoIsTheFloatAverageOfBothChannels() {
        float[] x = {0.1f, 0.2f, -1f, 1f, 0.7f, 0.3f};
        float[] expected = {(0.1f + 0.2f) / 2f, 0f, (0.7f + 0.3f) / 2f};
        assertArrayEquals(expected, Mixdown.toMono(x, 2), 0f);
    }

    @Test
    void threeChannelsAreSummedSequentiallyInFloatLikeNumpy() {
        // 1e8 + 1 - 1e8 is 0 in float when summed left to right (numpy float32 gives 0.0); in double it is 1.
        float[] x = {1e8f, 1f, -1e8f};
        float sequential = ((1e8f + 1f) + -1e8f) / 3f;
        assertArrayEquals(new float[] {sequential}, Mixdown.toMono(x, 3), 0f);
        assertArrayEquals(new float[] {0f}, Mixdown.toMono(x, 3), 0f);
    }

    @Test
    void writesAtTheGivenOffset() {
        float[] dst = new float[4];
        Mixdown.toMono(new float[] {1f, 0f, 0.5f, 0.5f}, 2, 2, dst, 2);
        assertArrayEquals(new float[] {0f, 0f, 0.5f, 0.5f}, dst, 0f);
    }

    @Test
    void rejectsALengthThatIsNotWholeFrames() {
        assertThrows(IllegalArgumentException.class, () -> Mixdown.toMono(new float[3], 2));
        assertThrows(IllegalArgumentException.class, () -> Mixdown.toMono(new float[3], 0));
    }
}
