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

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    private long consumed;
    private boolean eof;

    LookaheadInputStream(InputStream in, int initialCapacity) {
        this.in = Objects.requireNonNull(in, "in");
        this.buf = new byte[Math.max(initialCapacity, 16)];
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
            int r = in.read(buf, limit, buf.length - limit);
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
            return -1;
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
                return -1;
            }
            // Large reads bypass the buffer: no point copying twice.
            if (len >= buf.length) {
                int r = in.read(b, off, len);
                if (r < 0) {
                    eof = true;
                } else {
                    consumed += r;
                }
                return r;
            }
            if (ensure(1) == 0) {
                return -1;
            }
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        consumed += n;
        return n;
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
