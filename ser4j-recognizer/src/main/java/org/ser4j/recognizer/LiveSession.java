package org.ser4j.recognizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.dsp.Resampler;
import org.ser4j.core.vad.VadStream;

/**
 * Rolling recognition of a live mono stream, such as a microphone: {@link #accept} blocks as they arrive and
 * receive, every hop, an answer about the last window. A window without speech (per the recogniser's
 * voice-activity detector) is reported as silence rather than given to the model. Memory holds one window.
 *
 * <p>The same code path serves a microphone and a file or pipe fed in blocks, which is how it is tested.
 * Not thread-safe: one session per stream.
 */
public final class LiveSession {

    private final EmotionRecognizer recognizer;
    private final int rate;
    private final Resampler.Stream resampler;
    private final SampleBuffer buffer = new SampleBuffer();
    private final long window;
    private final long hop;
    private long nextEnd;

    LiveSession(EmotionRecognizer recognizer, int inputRate, double windowSeconds, double hopSeconds) {
        if (inputRate <= 0) {
            throw new IllegalArgumentException("input sample rate must be positive, was " + inputRate);
        }
        if (!(windowSeconds >= 0.5 && windowSeconds <= 60)) {
            throw new IllegalArgumentException("window must lie in [0.5, 60] s, was " + windowSeconds);
        }
        if (!(hopSeconds > 0 && hopSeconds <= windowSeconds)) {
            throw new IllegalArgumentException("hop must lie in (0, window = " + windowSeconds + " s], was "
                    + hopSeconds);
        }
        this.recognizer = recognizer;
        this.rate = recognizer.sampleRate();
        this.resampler = inputRate == rate ? null : new Resampler.Stream(inputRate, rate);
        this.window = Math.round(windowSeconds * rate);
        this.hop = Math.max(1, Math.round(hopSeconds * rate));
        this.nextEnd = window;
    }

    /**
     * Pushes the next samples.
     *
     * @param block  mono samples at the session's input rate, in [-1, 1]; read, not kept
     * @param offset the first sample to push
     * @param length how many to push
     * @return the answers this block completed, oldest first; often empty
     */
    public List<LiveResult> accept(float[] block, int offset, int length) {
        VadStream.checkBlock(block, offset, length);
        if (resampler == null) {
            buffer.append(block, offset, length);
        } else {
            float[] out = resampler.process(block, offset, length);
            buffer.append(out, 0, out.length);
        }
        List<LiveResult> results = new ArrayList<>();
        while (buffer.end() >= nextEnd) {
            results.add(answer(nextEnd - window, nextEnd));
            nextEnd += hop;
            buffer.dropBefore(nextEnd - window);
        }
        return results;
    }

    private LiveResult answer(long start, long end) {
        float[] samples = buffer.copy(start, end);
        PcmAudio audio = new PcmAudio(samples, rate);
        Optional<EmotionEstimate> estimate = recognizer.vad().detect(audio).isEmpty() ? Optional.empty()
                : Optional.of(EmotionEstimate.of(recognizer.labels(), recognizer.score(samples),
                        recognizer.config().minConfidence()));
        return new LiveResult((double) start / rate, (double) end / rate, levelDbfs(samples), estimate);
    }

    private static double levelDbfs(float[] samples) {
        double sum = 0;
        for (float x : samples) {
            sum += (double) x * x;
        }
        return 10 * Math.log10(Math.max(1e-10, sum / samples.length));
    }
}
