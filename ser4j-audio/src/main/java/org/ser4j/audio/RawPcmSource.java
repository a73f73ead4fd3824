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
 * <p>The declared payload size is never trusted for an allocation. A file that ends before its declared
 * payload is truncated (a cut download, a lying header): the whole frames that are there are returned first,
 * then the next read throws {@link Problem#TRUNCATED} saying how much was declared and how much was found, so
 * that no caller takes a partial file for a whole one. A shortfall of less than one frame (a writer that
 * counted a pad byte) is tolerated. An unbounded (streamed) payload is read to the end of the stream; without
 * a single frame it is {@link Problem#EMPTY}.
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
    /** Set when the stream ended more than a frame short of the declared payload; thrown on the next read. */
    private AudioDecodeException truncation;

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
        if (truncation != null) {
            throw truncation;
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
        if (got < wanted && declaredBytes != UNBOUNDED && remaining >= frameBytes) {
            truncation = truncated();
            if (frames == 0) {
                throw truncation;
            }
        }
        if (frames == 0) {
            return noMoreFrames();
        }
        encoding.decode(buffer, frames * channels, bigEndian, dst);
        framesRead += frames;
        return frames;
    }

    private AudioDecodeException truncated() {
        long found = declaredBytes - remaining;
        double rate = (double) info.sampleRate() * frameBytes;
        return new AudioDecodeException(Problem.TRUNCATED, String.format(java.util.Locale.ROOT,
                "the %s file is truncated: its audio chunk declares %d bytes (%.3f s) but the file ends after %d "
                        + "bytes (%.3f s)", formatName, declaredBytes, declaredBytes / rate, found, found / rate));
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
