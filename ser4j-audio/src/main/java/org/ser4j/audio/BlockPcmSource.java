package org.ser4j.audio;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.PcmSource;

/**
 * A {@link PcmSource} for codecs that decode a block (frame, packet) at a time: holds one decoded block,
 * hands it out in pieces, and trims the stream to the range the container says is real audio.
 *
 * <p>Trimming works on absolute frame positions counted from the first decoded frame: frames before
 * {@link #skipLeading(long)} (MP3 encoder + decoder delay, Opus pre-skip) and from {@link #endAt(long)} on
 * (MP3 padding, Ogg end granule, FLAC total) are dropped. Memory stays one block whatever the length.
 *
 * <p>Errors part-way: frames decoded before the damage are still returned; the exception is thrown by the
 * next {@code read} (and every one after it), so a caller sees all the good audio and then a typed
 * {@link AudioDecodeException}.
 */
abstract class BlockPcmSource implements PcmSource {

    private final InputStream in;
    private final int channels;
    private AudioInfo info;

    private float[] block = new float[0];
    private int blockPos;     // next frame to hand out, in frames
    private int blockEnd;     // frames held
    private long decoded;     // absolute position (frames) of the frame after the held block
    private long skip;
    private long end = Long.MAX_VALUE;
    private long emitted;
    private boolean finished;
    private AudioDecodeException pendingFailure;
    private boolean closed;

    BlockPcmSource(InputStream in, AudioInfo info) {
        this.in = Objects.requireNonNull(in, "in");
        this.info = Objects.requireNonNull(info, "info");
        this.channels = info.channels();
    }

    /**
     * Decodes the next block into {@link #blockBuffer(int)} (interleaved, {@code channels} floats per frame).
     *
     * @return frames decoded (may be 0 for blocks that yield no audio), or -1 at the end of the stream
     */
    protected abstract int decodeBlock() throws IOException, AudioDecodeException;

    /** A buffer for at least {@code frames} frames, reused between blocks. */
    protected final float[] blockBuffer(int frames) {
        int needed = frames * channels;
        if (block.length < needed) {
            block = new float[needed];
        }
        return block;
    }

    /** Drops the first {@code frames} decoded frames (may be called before the first block only). */
    protected final void skipLeading(long frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("frames to skip must be >= 0, was " + frames);
        }
        this.skip = frames;
    }

    /** Ends the output at absolute decoded position {@code position}: that frame and later ones are dropped. */
    protected final void endAt(long position) {
        this.end = Math.min(this.end, Math.max(position, 0));
    }

    /** Absolute position (in decoded frames) of the next frame {@link #decodeBlock()} will produce. */
    protected final long decodedFrames() {
        return decoded;
    }

    @Override
    public final AudioInfo info() {
        return info;
    }

    @Override
    public final int read(float[] dst, int maxFrames) throws IOException, AudioDecodeException {
        Objects.requireNonNull(dst, "dst");
        if (maxFrames < 0) {
            throw new IllegalArgumentException("maxFrames must be >= 0, was " + maxFrames);
        }
        if ((long) maxFrames * channels > dst.length) {
            throw new IllegalArgumentException("dst holds " + dst.length + " floats, too few for " + maxFrames
                    + " frames of " + channels + " channels");
        }
        if (closed) {
            throw new IOException("source is closed");
        }
        if (maxFrames == 0) {
            return 0;
        }
        int copied = 0;
        while (copied < maxFrames) {
            if (blockPos == blockEnd && !fill()) {
                break;
            }
            int n = Math.min(maxFrames - copied, blockEnd - blockPos);
            System.arraycopy(block, blockPos * channels, dst, copied * channels, n * channels);
            blockPos += n;
            copied += n;
            emitted += n;
        }
        if (copied > 0) {
            return copied;
        }
        if (pendingFailure != null) {
            throw pendingFailure; // every later read too: damage must never look like a clean end
        }
        return -1;
    }

    /** Decodes blocks until one has frames inside the trim range; false at the end or on a failure. */
    private boolean fill() throws IOException {
        while (!finished && pendingFailure == null) {
            if (decoded >= end) {
                finish();
                return false;
            }
            int frames;
            try {
                frames = decodeBlock();
            } catch (AudioDecodeException e) {
                pendingFailure = e;
                return false;
            }
            if (frames < 0) {
                finish();
                return false;
            }
            long start = decoded;
            decoded += frames;
            long from = Math.max(start, skip);
            long to = Math.min(decoded, end);
            if (to > from) {
                blockPos = (int) (from - start);
                blockEnd = (int) (to - start);
                return true;
            }
        }
        return false;
    }

    private void finish() {
        finished = true;
        blockPos = blockEnd = 0;
        if (!info.lengthKnown()) {
            info = info.withFrames(emitted);
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            in.close();
        }
    }
}
