package org.ser4j.audio;

import java.io.IOException;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.Mixdown;
import org.ser4j.core.audio.PcmSource;
import org.ser4j.core.dsp.Resampler;

/**
 * A decoded stream turned into what analysis wants, block by block: channels averaged as librosa does, then
 * resampled to the analysis rate. Memory stays at one block whatever the length of the recording.
 */
final class MonoSource implements PcmSource {

    private final PcmSource inner;
    private final AudioInfo info;
    private final Resampler.Stream resampler;
    private final float[] block;
    private final float[] mono;
    /** Converted samples not yet handed out: {@code pending[pendingAt..pendingEnd)}. */
    private float[] pending = new float[0];
    private int pendingAt;
    private boolean innerDone;
    private boolean flushed;

    /**
     * @param targetRate the output rate, or 0 to keep the source's rate
     */
    MonoSource(PcmSource inner, int targetRate, int blockFrames) {
        this.inner = inner;
        AudioInfo in = inner.info();
        int rate = targetRate == 0 ? in.sampleRate() : targetRate;
        this.resampler = rate == in.sampleRate() ? null : new Resampler.Stream(in.sampleRate(), rate);
        long frames = !in.lengthKnown() ? AudioInfo.UNKNOWN_LENGTH
                : resampler == null ? in.frames() : Resampler.outputLength(in.frames(), in.sampleRate(), rate);
        this.info = new AudioInfo(in.container(), in.codec(), rate, 1, frames);
        this.block = new float[blockFrames * in.channels()];
        this.mono = new float[blockFrames];
    }

    /** Mono, at the output rate; the length is the source's converted to that rate, when known. */
    @Override
    public AudioInfo info() {
        return info;
    }

    @Override
    public int read(float[] dst, int maxFrames) throws IOException, AudioDecodeException {
        if (maxFrames <= 0) {
            return 0;
        }
        while (pendingAt == pending.length) {
            if (!refill()) {
                return -1;
            }
        }
        int n = Math.min(maxFrames, pending.length - pendingAt);
        System.arraycopy(pending, pendingAt, dst, 0, n);
        pendingAt += n;
        return n;
    }

    /** Converts the next block; false at the end. */
    private boolean refill() throws IOException, AudioDecodeException {
        pendingAt = 0;
        if (!innerDone) {
            int frames = inner.read(block, mono.length);
            if (frames > 0) {
                Mixdown.toMono(block, frames, inner.info().channels(), mono, 0);
                pending = resampler == null ? java.util.Arrays.copyOf(mono, frames)
                        : resampler.process(mono, 0, frames);
                return true;
            }
            innerDone = true;
        }
        if (resampler != null && !flushed) {
            flushed = true;
            pending = resampler.flush();
            return true;
        }
        pending = new float[0];
        return false;
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
