package org.ser4j.audio;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.ser4j.audio.TestAudio.Iff;
import org.ser4j.core.audio.PcmSource;

/** An hour of audio streams through a fixed amount of memory: nothing is sized by, or grows with, its length. */
class StreamingTest {

    private static final int RATE = 16000;
    private static final long FRAMES = 3600L * RATE;

    /** A 16-bit mono WAV of a sawtooth, generated on the fly: the file never exists as a whole. */
    private static final class GeneratedWav extends InputStream {
        private final byte[] header;
        private final long total;
        private long position;

        GeneratedWav(long frames) {
            byte[] full = Iff.wav().chunk("fmt ", TestAudio.fmt(LITTLE_ENDIAN, 1, 1, RATE, 16))
                    .chunk("data", frames * 2, new byte[0], false).build();
            this.header = full;
            this.total = full.length + frames * 2;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - position);
            for (int i = 0; i < n; i++, position++) {
                b[off + i] = position < header.length ? header[(int) position] : sample(position - header.length);
            }
            return n;
        }

        private static byte sample(long dataByte) {
            long frame = dataByte >> 1;
            int value = (int) (frame % 65536) - 32768;
            return (byte) ((dataByte & 1) == 0 ? value : value >> 8);
        }
    }

    @Test
    void anHourAt16kHzStreamsThroughBoundedMemory() throws Exception {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        long thread = Thread.currentThread().getId();

        float[] block = new float[4096];
        long frames = 0;
        float last = Float.NaN;
        long before = threads.getThreadAllocatedBytes(thread);
        try (PcmSource source = AudioDecoder.defaults().open(new GeneratedWav(FRAMES))) {
            assertEquals(FRAMES, source.info().frames());
            for (int n = source.read(block, block.length); n > 0; n = source.read(block, block.length)) {
                frames += n;
                last = block[n - 1];
            }
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertEquals(FRAMES, frames);
        // The last frame is number FRAMES - 1 of the sawtooth.
        assertEquals(((FRAMES - 1) % 65536 - 32768) / 32768f, last, 0f);
        // 115 MB of input and 230 MB of floats went through; the decoder's own buffers are a few hundred KB.
        assertTrue(allocated < 4L << 20, "allocated " + allocated + " bytes while streaming an hour");
    }
}
