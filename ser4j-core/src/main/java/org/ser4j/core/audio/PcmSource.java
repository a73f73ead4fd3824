package org.ser4j.core.audio;

import java.io.IOException;

/**
 * A stream of decoded, interleaved float PCM in [-1, 1], read block by block so that an hour of audio needs
 * no more memory than one block.
 *
 * <p>Not thread-safe; close it to release the underlying file.
 */
public interface PcmSource extends AutoCloseable {

    /** What the header said. {@link AudioInfo#frames()} may be unknown until the end is reached. */
    AudioInfo info();

    /**
     * Reads up to {@code maxFrames} frames into {@code dst}, interleaved ({@code channels} floats per frame),
     * starting at index 0.
     *
     * @return frames read (at least 1 when {@code maxFrames > 0}), or -1 at the end of the audio
     * @throws AudioDecodeException when the data turns out to be damaged or truncated part-way
     */
    int read(float[] dst, int maxFrames) throws IOException, AudioDecodeException;

    @Override
    void close() throws IOException;
}
