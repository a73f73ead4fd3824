package org.ser4j.audio;

import java.io.IOException;
import java.io.InputStream;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.PcmSource;

/**
 * Streams uncompressed interleaved samples (the payload of a WAV data or AIFF SSND chunk) block by block
 * through one fixed byte buffer, so memory does not depend on the length of the file.
 *
 * <p>The declared payload size is an upper bound, never a promise: reading stops at whichever comes first,
 * the declared end or the end of the stream (as libsndfile clamps a data chunk to the file). A trailing
 * partial frame, from a file cut mid-frame, is dropped. Only a payload that declares bytes but delivers not
 * a single whole frame is reported, as {@link Problem#TRUNCATED}; an unbounded (streamed) payload without a
 * frame is {@link Problem#EMPTY}.
 */
final class RawPcmSource implements PcmSource {

    /** {@code payloadBytes} for a stream whose header does not say its length: read to end of stream. */
    static final long UNBOUNDED = -1;

    private static final int BUFFER_BYTES = 1 << 16;

    private final InputStream in;
    private final AudioInfo info;
    private final PcmEncoding encoding;
    private final boolean bigEndian;
    private final String formatName;
    private final long declaredBytes;
    private final int frameBytes;
    private final byte[] buffer;
    private long remaining;
    private long framesRead;
    private boolean ended;

    /**
     * @param in           positioned at the first payload byte; this source owns and closes it
     * @param info         what the header said; its channel count sets the frame layout
     * @param payloadBytes declared payload size in bytes, or {@link #UNBOUNDED}
     * @param formatName   "WAV" or "AIFF", for messages
     */
    RawPcmSource(InputStream in, AudioInfo info, PcmEncoding encoding, boolean bigEndian, long payloadBytes,
            String formatName) {
        this.in = in;
        this.info = info;
        this.encoding = encoding;
        this.bigEndian = bigEndian;
        this.formatName = formatName;
        this.declaredBytes = payloadBytes;
        this.remaining = payloadBytes == UNBOUNDED ? Long.MAX_VALUE : payloadBytes;
        this.frameBytes = info.channels() * encoding.bytesPerSample();
        // At most 1024 channels of 8 bytes: a frame is never more than 8 KiB, so the buffer holds 8 or more.
        this.buffer = new byte[Math.max(BUFFER_BYTES / frameBytes, 1) * frameBytes];
    }

    @Override
    public AudioInfo info() {
        return info;
    }

    @Override
    public int read(float[] dst, int maxFrames) throws IOException, AudioDecodeException {
        int channels = info.channels();
        if (maxFrames < 0) {
            throw new IllegalArgumentException("maxFrames must be non-negative, was " + maxFrames);
        }
        if ((long) maxFrames * channels > dst.length) {
            throw new IllegalArgumentException("destination holds " + dst.length + " floats, fewer than "
                    + maxFrames + " frames of " + channels + " channels");
        }
        if (maxFrames == 0) {
            return 0;
        }
        if (ended) {
            return -1;
        }
        long wanted = Math.min(Math.min(maxFrames, buffer.length / frameBytes) * (long) frameBytes, remaining);
        int got = in.readNBytes(buffer, 0, (int) wanted);
        remaining -= got;
        int frames = got / frameBytes;
        if (frames == 0 || got < wanted) {
            // End of stream or of the declared payload: a partial trailing frame is dropped here.
            ended = true;
        }
        if (remaining < frameBytes) {
            ended = true;
        }
        if (frames == 0) {
            return noMoreFrames();
        }
        encoding.decode(buffer, frames * channels, bigEndian, dst);
        framesRead += frames;
        return frames;
    }

    private int noMoreFrames() throws AudioDecodeException {
        if (framesRead > 0) {
            return -1;
        }
        if (declaredBytes == UNBOUNDED) {
            throw new AudioDecodeException(Problem.EMPTY, "no audio: the " + formatName
                    + " file ends before its first whole frame of " + frameBytes + " bytes");
        }
        throw new AudioDecodeException(Problem.TRUNCATED, "the " + formatName + " audio chunk declares "
                + declaredBytes + " bytes but the file ends before its first whole frame of " + frameBytes
                + " bytes");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
