package org.ser4j.core.vad;

import java.util.List;

/**
 * One streaming detection by a {@link VoiceActivityDetector}: {@link #accept(float[], int, int)} blocks of mono
 * samples in order, then {@link #flush()} once. Each call returns the speech regions that the samples pushed so
 * far have settled, in order and disjoint; together they are the recording's regions.
 *
 * <p>Not thread-safe. Implementations hold bounded state whatever the recording's length, so a caller that
 * keeps only the samples from {@link #undecidedFrom()} on can follow an endless stream.
 */
public interface VadStream {

    /** Samples per second of the stream. */
    int sampleRate();

    /**
     * Pushes a whole block of samples.
     *
     * @param block the next samples, not null; read, not kept
     * @return the regions that this block closed, in order; often empty
     * @throws IllegalStateException after {@link #flush()}
     */
    default List<SpeechRegion> accept(float[] block) {
        if (block == null) {
            throw new IllegalArgumentException("block must not be null");
        }
        return accept(block, 0, block.length);
    }

    /**
     * Pushes {@code length} samples of {@code block} from {@code offset}.
     *
     * @param block  the array holding the next samples, not null; read, not kept
     * @param offset index of the first sample to push
     * @param length number of samples to push, non-negative
     * @return the regions that these samples closed, in order; often empty
     * @throws IllegalStateException after {@link #flush()}
     */
    List<SpeechRegion> accept(float[] block, int offset, int length);

    /**
     * Ends the recording: closes a region still open at its end and returns every region not yet returned.
     *
     * @return the remaining regions, in order
     * @throws IllegalStateException when called twice
     */
    List<SpeechRegion> flush();

    /**
     * Checks the arguments of {@link #accept(float[], int, int)}, for implementations and for other consumers of
     * blocks of samples.
     *
     * @throws IllegalArgumentException if {@code block} is null or the range does not lie within it
     */
    static void checkBlock(float[] block, int offset, int length) {
        if (block == null) {
            throw new IllegalArgumentException("block must not be null");
        }
        if (offset < 0 || length < 0 || offset > block.length - length) {
            throw new IllegalArgumentException("offset " + offset + " and length " + length
                    + " must lie within the block of " + block.length + " samples");
        }
    }

    /**
     * The earliest sample that a region returned later may start at: everything before it is either silence or
     * inside a region already returned. It never decreases. While speech goes on it stays at the open region's
     * start, which is how a caller sees that a region is still growing and may cut it into windows before it
     * closes.
     */
    long undecidedFrom();
}
