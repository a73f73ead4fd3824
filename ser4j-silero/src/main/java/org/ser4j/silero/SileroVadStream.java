package org.ser4j.silero;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ser4j.core.vad.SpeechRegion;
import org.ser4j.core.vad.VadStream;

/**
 * One streaming run of the {@link SileroVad}: {@code get_speech_timestamps} of the official Python package turned
 * inside out. Python scores every chunk, then walks the probabilities, then pads the regions against their
 * neighbours; here each chunk is scored and decided as it completes, and a region is returned as soon as its
 * padding can no longer depend on a later one. The regions of all calls together are exactly those of one call
 * on the whole recording, whatever the block sizes, because chunks start at fixed multiples of the chunk length.
 *
 * <p>Not thread-safe. Holds one chunk with its context, the model's recurrent state and a fixed number of
 * positions, whatever the recording's length.
 */
final class SileroVadStream implements VadStream {

    /**
     * Python's {@code min_silence_at_max_speech}: only pauses longer than this are candidate cut points when a
     * region reaches the maximum length.
     */
    static final double MIN_SILENCE_AT_MAX_SPEECH_SECONDS = 0.098;

    private final int sampleRate;
    private final int chunk;
    private final int context;
    private final ChunkScorer scorer;
    private final double threshold;
    private final double negThreshold;
    // Thresholds in samples stay doubles, as in Python, so that the strict comparisons give the same answers.
    private final double minSpeechSamples;
    private final double minSilenceSamples;
    private final double padSamples;
    private final double maxSpeechSamples;
    private final double minSilenceAtMaxSpeechSamples;

    /** Context then the chunk being filled; {@code filled} new samples so far. */
    private final float[] window;
    private int filled;
    private long written;
    private long chunks;

    private boolean triggered;
    private long speechStart;
    /** Start of the silence that may end the current speech; 0 means none, as in Python. */
    private long tempEnd;
    /** The longest pause inside the current speech that may serve as a cut at the maximum length. */
    private boolean hasCut;
    private long cutAt;
    private long cutLength;

    /** The last kept region, its start padded, its end not yet: that depends on the next kept region. */
    private boolean hasPending;
    private long pendingStart;
    private long pendingRawEnd;
    private boolean flushed;

    SileroVadStream(SileroConfig config, int sampleRate, ChunkScorer scorer) {
        this.sampleRate = sampleRate;
        this.chunk = SileroVad.chunkSamples(sampleRate);
        this.context = SileroVad.contextSamples(sampleRate);
        this.scorer = scorer;
        this.threshold = config.threshold();
        this.negThreshold = config.negThreshold();
        this.minSpeechSamples = sampleRate * config.minSpeechSeconds();
        this.minSilenceSamples = sampleRate * config.minSilenceSeconds();
        this.padSamples = sampleRate * config.speechPadSeconds();
        this.maxSpeechSamples = sampleRate * config.maxSpeechSeconds() - chunk - 2 * padSamples;
        this.minSilenceAtMaxSpeechSamples = sampleRate * MIN_SILENCE_AT_MAX_SPEECH_SECONDS;
        this.window = new float[context + chunk];
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public List<SpeechRegion> accept(float[] block, int offset, int length) {
        VadStream.checkBlock(block, offset, length);
        requireOpen();
        List<SpeechRegion> closed = new ArrayList<>();
        int at = offset;
        int end = offset + length;
        while (at < end) {
            int n = Math.min(chunk - filled, end - at);
            System.arraycopy(block, at, window, context + filled, n);
            filled += n;
            written += n;
            at += n;
            if (filled == chunk) {
                scoreChunk(closed);
            }
        }
        return closed;
    }

    @Override
    public List<SpeechRegion> flush() {
        requireOpen();
        flushed = true;
        List<SpeechRegion> closed = new ArrayList<>();
        if (filled > 0) {
            // Python pads the last partial chunk with zeros and scores it like the others.
            Arrays.fill(window, context + filled, window.length, 0f);
            scoreChunk(closed);
        }
        if (triggered && written - speechStart > minSpeechSamples) {
            keep(speechStart, written, closed);
        }
        triggered = false;
        if (hasPending) {
            emitPending(padEnd(pendingRawEnd), closed);
        }
        return closed;
    }

    @Override
    public long undecidedFrom() {
        if (hasPending) {
            return pendingStart;
        }
        return padStart(triggered ? speechStart : chunks * chunk);
    }

    private void requireOpen() {
        if (flushed) {
            throw new IllegalStateException("stream already flushed");
        }
    }

    private void scoreChunk(List<SpeechRegion> closed) {
        float probability = scorer.score(window);
        System.arraycopy(window, chunk, window, 0, context);
        filled = 0;
        decide(probability, chunks * chunk, closed);
        chunks++;
        emitPendingIfFinal(closed);
    }

    /** One step of Python's loop over the probabilities, for the chunk starting at {@code at}. */
    private void decide(float probability, long at, List<SpeechRegion> closed) {
        boolean speech = probability >= threshold;
        if (speech && tempEnd != 0) {
            long pause = at - tempEnd;
            // Python keeps every such pause and takes the first longest: keeping only that one is the same.
            if (pause > minSilenceAtMaxSpeechSamples && (!hasCut || pause > cutLength)) {
                hasCut = true;
                cutAt = tempEnd;
                cutLength = pause;
            }
            tempEnd = 0;
        }
        if (speech && !triggered) {
            triggered = true;
            speechStart = at;
            return;
        }
        if (triggered && at - speechStart > maxSpeechSamples) {
            if (hasCut) {
                keep(speechStart, cutAt, closed);
                long nextStart = cutAt + cutLength;
                if (nextStart < cutAt + at) {
                    speechStart = nextStart;
                } else {
                    triggered = false;
                }
                tempEnd = 0;
                hasCut = false;
            } else {
                keep(speechStart, at, closed);
                endSpeech();
                return;
            }
        }
        if (probability < negThreshold && triggered) {
            if (tempEnd == 0) {
                tempEnd = at;
            }
            if (at - tempEnd < minSilenceSamples) {
                return;
            }
            if (tempEnd - speechStart > minSpeechSamples) {
                keep(speechStart, tempEnd, closed);
            }
            endSpeech();
        }
    }

    private void endSpeech() {
        triggered = false;
        tempEnd = 0;
        hasCut = false;
    }

    /**
     * A region [rawStart, rawEnd) is kept: it settles the end of the pending one (Python splits a gap shorter
     * than two paddings between the neighbours) and becomes pending itself.
     */
    private void keep(long rawStart, long rawEnd, List<SpeechRegion> closed) {
        long start;
        if (hasPending && rawStart - pendingRawEnd < 2 * padSamples) {
            long half = (rawStart - pendingRawEnd) / 2;
            emitPending(pendingRawEnd + half, closed);
            start = Math.max(0, rawStart - half);
        } else {
            if (hasPending) {
                emitPending(padEnd(pendingRawEnd), closed);
            }
            start = padStart(rawStart);
        }
        hasPending = true;
        pendingStart = start;
        pendingRawEnd = rawEnd;
    }

    /** Returns the pending region once no region kept later can start within two paddings of its end. */
    private void emitPendingIfFinal(List<SpeechRegion> closed) {
        if (!hasPending) {
            return;
        }
        long earliestNextStart = triggered ? speechStart : chunks * chunk;
        if (earliestNextStart - pendingRawEnd >= 2 * padSamples) {
            emitPending(padEnd(pendingRawEnd), closed);
        }
    }

    private void emitPending(long end, List<SpeechRegion> closed) {
        closed.add(new SpeechRegion(pendingStart, end, sampleRate));
        hasPending = false;
    }

    /** Python's {@code int(max(0, start - pad))}. */
    private long padStart(long rawStart) {
        return (long) Math.max(0, rawStart - padSamples);
    }

    /**
     * Python's {@code int(min(length, end + pad))}. Before the end of the recording this is only called once the
     * samples pushed reach past the padded end, so {@code written} stands for the length.
     */
    private long padEnd(long rawEnd) {
        return (long) Math.min(written, rawEnd + padSamples);
    }
}
