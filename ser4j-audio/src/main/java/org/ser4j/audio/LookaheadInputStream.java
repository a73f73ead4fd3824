package org.ser4j.audio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A buffered stream that can look ahead a bounded number of bytes without consuming them: what frame
 * syncing (MP3) and tag skipping (ID3v2 before FLAC and MP3) need. Also counts the bytes consumed, so
 * messages can say where in the file something went wrong.
 */
final class LookaheadInputStream extends InputStream {

    /**
     * Thrown when a reader keeps asking for data after the end has been reported many times: a library
     * stuck in a loop at the end of damaged data (jFLAC re-parses a stale frame header forever when the
     * data ends after a bad sync). Turning that into an exception is what keeps such input from hanging.
     */
    static final class ReadPastEndException extends IOException {
        private static final long serialVersionUID = 1L;

        ReadPastEndException(long position) {
            super("the decoder kept reading past the end of the data (byte " + position + ")");
        }
    }

    /** More end-of-stream answers than any sane reader asks for. */
    private static final int MAX_READS_AT_END = 1000;

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    private long consumed;
    private boolean eof;
    private IOException failure;
    private int readsAtEnd;

    LookaheadInputStream(InputStream in, int initialCapacity) {
        this.in = Objects.requireNonNull(in, "in");
        this.buf = new byte[Math.max(initialCapacity, 16)];
    }

    /**
     * Whether {@code e} is (or wraps) a failure of the underlying stream, as opposed to an IOException a
     * decoding library made up for bad data (jFLAC reports damaged streams that way).
     */
    boolean isStreamFailure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t == failure) {
                return true;
            }
        }
        return false;
    }

    private int fromStream(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    /** Bytes consumed so far: the file offset of the next byte. */
    long position() {
        return consumed;
    }

    /**
     * Makes at least {@code n} bytes available for {@link #peek(int)} unless the stream ends first.
     *
     * @return the bytes available, {@code < n} only at the end of the stream
     */
    int ensure(int n) throws IOException {
        if (limit - pos >= n || eof) {
            return limit - pos;
        }
        if (buf.length < n) {
            buf = Arrays.copyOf(buf, Math.max(n, buf.length * 2));
        }
        if (buf.length - pos < n) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit - pos < n) {
            int r = fromStream(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
                break;
            }
            limit += r;
        }
        return limit - pos;
    }

    /** The byte at {@code offset} past the current position (0..255); {@link #ensure} must cover it. */
    int peek(int offset) {
        if (offset < 0 || offset >= limit - pos) {
            throw new IndexOutOfBoundsException("peek " + offset + " beyond " + (limit - pos) + " buffered bytes");
        }
        return buf[pos + offset] & 0xff;
    }

    /** Copies {@code n} buffered bytes (see {@link #ensure}) at {@code offset} into {@code dst}. */
    void peek(int offset, byte[] dst, int dstOffset, int n) {
        if (offset < 0 || n < 0 || offset + n > limit - pos) {
            throw new IndexOutOfBoundsException("peek " + offset + "+" + n + " beyond " + (limit - pos));
        }
        System.arraycopy(buf, pos + offset, dst, dstOffset, n);
    }

    /** Consumes exactly {@code n} bytes, reading through the stream if they are not buffered. */
    void skipExactly(long n) throws IOException {
        long left = n;
        int fromBuffer = (int) Math.min(left, limit - pos);
        pos += fromBuffer;
        consumed += fromBuffer;
        left -= fromBuffer;
        while (left > 0) {
            if (ensure((int) Math.min(left, buf.length)) == 0) {
                throw new EOFException("stream ends " + left + " bytes before the end of a skipped block");
            }
            int step = (int) Math.min(left, limit - pos);
            pos += step;
            consumed += step;
            left -= step;
        }
    }

    @Override
    public int read() throws IOException {
        if (ensure(1) == 0) {
            return atEnd();
        }
        consumed++;
        return buf[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (pos == limit) {
            if (eof) {
                return atEnd();
            }
            // Large reads bypass the buffer: no point copying twice.
            if (len >= buf.length) {
                int r = fromStream(b, off, len);
                if (r < 0) {
                    eof = true;
                    return atEnd();
                }
                consumed += r;
                return r;
            }
            if (ensure(1) == 0) {
                return atEnd();
            }
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        consumed += n;
        return n;
    }

    private int atEnd() throws ReadPastEndException {
        if (++readsAtEnd > MAX_READS_AT_END) {
            throw new ReadPastEndException(consumed);
        }
        return -1;
    }

    @Override
    public int available() throws IOException {
        return limit - pos;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
