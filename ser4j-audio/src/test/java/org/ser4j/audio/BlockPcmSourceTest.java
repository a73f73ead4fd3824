package org.ser4j.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;
import org.ser4j.core.audio.AudioInfo;

class BlockPcmSourceTest {

    /** Stereo blocks of {@code blockFrames} frames whose left sample is the absolute frame index. */
    private static final class Counting extends BlockPcmSource {
        private final int blockFrames;
        private final int blocks;
        private final AudioDecodeException failAfter;
        private int made;

        Counting(int blockFrames, int blocks, long skip, long end, AudioDecodeException failAfter) {
            super(new ByteArrayInputStream(new byte[0]),
                    new AudioInfo(AudioContainer.MP3, "test", 8000, 2, AudioInfo.UNKNOWN_LENGTH));
            this.blockFrames = blockFrames;
            this.blocks = blocks;
            this.failAfter = failAfter;
            skipLeading(skip);
            endAt(end);
        }

        @Override
        protected int decodeBlock() throws AudioDecodeException {
            if (made == blocks) {
                if (failAfter != null) {
                    throw failAfter;
                }
                return -1;
            }
            float[] b = blockBuffer(blockFrames);
            long first = decodedFrames();
            for (int i = 0; i < blockFrames; i++) {
                b[2 * i] = first + i;
                b[2 * i + 1] = -(first + i);
            }
            made++;
            return blockFrames;
        }
    }

    private static float[] readAll(BlockPcmSource src, int chunk) throws Exception {
        float[] all = new float[0];
        float[] buf = new float[chunk * 2];
        int n;
        while ((n = src.read(buf, chunk)) >= 0) {
            int at = all.length;
            all = Arrays.copyOf(all, at + 2 * n);
            System.arraycopy(buf, 0, all, at, 2 * n);
        }
        return all;
    }

    @Test
    void trimsLeadingAndTrailingFramesAcrossBlockBoundariesAndLearnsTheLength() throws Exception {
        Counting src = new Counting(100, 10, 150, 925, null);
        float[] out = readAll(src, 37);

        assertEquals(2 * (925 - 150), out.length);
        for (int i = 0; i < out.length / 2; i++) {
            assertEquals(150 + i, out[2 * i]);
            assertEquals(-(150 + i), out[2 * i + 1]);
        }
        assertEquals(775, src.info().frames());
    }

    @Test
    void goodFramesComeFirstThenTheFailureOnEveryLaterRead() throws Exception {
        AudioDecodeException damage = new AudioDecodeException(Problem.TRUNCATED, "cut");
        Counting src = new Counting(100, 3, 0, Long.MAX_VALUE, damage);
        float[] buf = new float[2 * 1000];

        assertEquals(300, src.read(buf, 1000));
        assertSame(damage, assertThrows(AudioDecodeException.class, () -> src.read(buf, 1000)));
        assertSame(damage, assertThrows(AudioDecodeException.class, () -> src.read(buf, 1000)));
    }

    @Test
    void zeroFramesAskedReadsNothingAndBadArgumentsAreRejected() throws Exception {
        Counting src = new Counting(100, 3, 0, Long.MAX_VALUE, null);
        float[] buf = new float[10];

        assertEquals(0, src.read(buf, 0));
        assertArrayEquals(new float[10], buf);
        assertThrows(IllegalArgumentException.class, () -> src.read(buf, 6)); // 6 stereo frames need 12 floats
        assertThrows(IllegalArgumentException.class, () -> src.read(buf, -1));
    }
}
