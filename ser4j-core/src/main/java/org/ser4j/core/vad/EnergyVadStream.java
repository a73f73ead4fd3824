package org.ser4j.core.vad;

import java.util.ArrayList;
import java.util.List;
import org.ser4j.core.dsp.FastLog;

/**
 * One streaming run of the {@link EnergyVad}. The regions returned by all calls together are exactly those of
 * {@link EnergyVad#detect} on the concatenated samples, whatever the block sizes. A region is returned as soon
 * as no later audio can change it, so with the default settings about half a second after its speech ends.
 *
 * <p>Not thread-safe; holds one frame of samples and the levels of the first second's frames, whatever the
 * recording's length.
 */
final class EnergyVadStream implements VadStream {

    /**
     * The noise floor starts at the quietest frame of the first second (or of the whole recording when shorter),
     * so speech from the first sample is found: decisions on that second wait until it has been heard.
     */
    static final double WARM_UP_SECONDS = 1.0;

    /** Smallest frame variance considered, to keep the logarithm finite on digital silence (-100 dBFS). */
    private static final double MIN_VARIANCE = 1e-10;

    private final int sampleRate;
    private final int frameLength;
    private final int hop;
    private final double thresholdDb;
    private final double absoluteFloorDbfs;
    private final double floorRisePerFrame;
    private final int minSpeechFrames;
    private final int minSilenceFrames;
    private final long padding;

    /** The last {@code frameLength} samples, circularly at {@code written % frameLength}. */
    private final float[] ring;
    private long written;
    private long frameIndex;
    private double floorDb = Double.NaN;
    /** Levels of the first frames, until the floor is known; null afterwards. */
    private double[] warmUp;
    private int warmUpCount;

    private boolean inSpeech;
    private long runStartFrame;
    private int speechRun;
    private long regionStartFrame;
    private long lastSpeechFrame;
    private int silenceRun;

    /** The last closed region, padded, held back until no later region can merge with it. */
    private boolean hasPending;
    private long pendingStart;
    private long pendingEnd;
    private boolean flushed;

    EnergyVadStream(VadConfig config, int sampleRate) {
        this.sampleRate = sampleRate;
        this.frameLength = (int) Math.max(1, Samples.toSamples(config.frameSeconds(), sampleRate));
        this.hop = (int) Math.max(1, Math.min(frameLength, Samples.toSamples(config.hopSeconds(), sampleRate)));
        this.thresholdDb = config.thresholdDb();
        this.absoluteFloorDbfs = config.absoluteFloorDbfs();
        this.floorRisePerFrame = config.floorRiseDbPerSecond() * hop / sampleRate;
        this.minSpeechFrames = framesCovering(Samples.toSamples(config.minSpeechSeconds(), sampleRate));
        this.minSilenceFrames = framesCovering(Samples.toSamples(config.minSilenceSeconds(), sampleRate));
        this.padding = Samples.toSamples(config.paddingSeconds(), sampleRate);
        this.ring = new float[frameLength];
        this.warmUp = new double[framesCovering(Samples.toSamples(WARM_UP_SECONDS, sampleRate))];
    }

    /** Frames whose hops span at least {@code samples}; at least one. */
    private int framesCovering(long samples) {
        return (int) Math.max(1, (samples + hop - 1) / hop);
    }

    @Override
    public List<SpeechRegion> accept(float[] block, int offset, int length) {
        VadStream.checkBlock(block, offset, length);
        requireOpen();
        List<SpeechRegion> closed = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            ring[(int) (written % frameLength)] = block[i];
            written++;
            // Frames end exactly on a sample because hop <= frame length, so checking each sample sees each frame.
            if (written == frameIndex * hop + frameLength) {
                double level = frameLevelDb();
                if (warmUp != null) {
                    warmUp[warmUpCount++] = level;
                    if (warmUpCount == warmUp.length) {
                        endWarmUp(closed);
                    }
                } else {
                    onFrame(frameIndex, isSpeech(level), closed);
                }
                frameIndex++;
            }
        }
        return closed;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public long undecidedFrom() {
        if (warmUp != null) {
            return 0;
        }
        if (hasPending) {
            return pendingStart;
        }
        if (inSpeech) {
            return paddedStart(regionStartFrame);
        }
        return paddedStart(speechRun > 0 ? runStartFrame : frameIndex);
    }

    @Override
    public List<SpeechRegion> flush() {
        requireOpen();
        flushed = true;
        List<SpeechRegion> closed = new ArrayList<>();
        if (warmUp != null) {
            endWarmUp(closed);
        }
        if (inSpeech) {
            closeRegion(closed);
        }
        if (hasPending) {
            // Only here can padding run past the recording, whose length is now known.
            closed.add(new SpeechRegion(pendingStart, Math.min(pendingEnd, written), sampleRate));
            hasPending = false;
        }
        return closed;
    }

    private void requireOpen() {
        if (flushed) {
            throw new IllegalStateException("stream already flushed");
        }
    }

    /** Level of the frame in the ring, in dB of its variance. */
    private double frameLevelDb() {
        double sum = 0;
        double sumSquares = 0;
        for (float x : ring) {
            sum += x;
            sumSquares += (double) x * x;
        }
        double mean = sum / frameLength;
        double variance = Math.max(MIN_VARIANCE, sumSquares / frameLength - mean * mean);
        return 10.0 * FastLog.log10((float) variance);
    }

    /** Sets the floor to the quietest warm-up frame, then decides the warm-up frames in order. */
    private void endWarmUp(List<SpeechRegion> closed) {
        double[] levels = warmUp;
        int count = warmUpCount;
        warmUp = null;
        if (count == 0) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, levels[i]);
        }
        floorDb = min;
        for (int i = 0; i < count; i++) {
            onFrame(i, isSpeech(levels[i]), closed);
        }
    }

    private boolean isSpeech(double levelDb) {
        floorDb = Double.isNaN(floorDb) ? levelDb : Math.min(floorDb + floorRisePerFrame, levelDb);
        return levelDb > floorDb + thresholdDb && levelDb > absoluteFloorDbfs;
    }

    private void onFrame(long frame, boolean speech, List<SpeechRegion> closed) {
        if (!inSpeech) {
            if (speech) {
                if (speechRun == 0) {
                    runStartFrame = frame;
                }
                speechRun++;
                if (speechRun >= minSpeechFrames) {
                    inSpeech = true;
                    regionStartFrame = runStartFrame;
                    lastSpeechFrame = frame;
                    silenceRun = 0;
                }
            } else {
                speechRun = 0;
            }
        } else if (speech) {
            lastSpeechFrame = frame;
            silenceRun = 0;
        } else if (++silenceRun >= minSilenceFrames) {
            closeRegion(closed);
        }
        emitPendingIfFinal(frame, closed);
    }

    private long centre(long frame) {
        return frame * hop + frameLength / 2;
    }

    private long paddedStart(long firstFrame) {
        return Math.max(0, centre(firstFrame) - padding);
    }

    private void closeRegion(List<SpeechRegion> closed) {
        long start = paddedStart(regionStartFrame);
        long end = centre(lastSpeechFrame) + 1 + padding;
        inSpeech = false;
        speechRun = 0;
        if (hasPending && start <= pendingEnd) {
            pendingEnd = Math.max(pendingEnd, end);
            return;
        }
        if (hasPending) {
            // No merge means the new region starts after the pending one ends, so it lies within the audio.
            closed.add(new SpeechRegion(pendingStart, pendingEnd, sampleRate));
        }
        hasPending = true;
        pendingStart = start;
        pendingEnd = end;
    }

    /** Returns the pending region once the earliest region still possible would start after its end. */
    private void emitPendingIfFinal(long frame, List<SpeechRegion> closed) {
        if (!hasPending || pendingEnd > frame * hop + frameLength) {
            return;
        }
        long earliestFrame = inSpeech ? regionStartFrame : speechRun > 0 ? runStartFrame : frame + 1;
        if (paddedStart(earliestFrame) > pendingEnd) {
            closed.add(new SpeechRegion(pendingStart, pendingEnd, sampleRate));
            hasPending = false;
        }
    }
}
