package org.ser4j.recognizer;

import java.util.Optional;

/**
 * One rolling answer of a {@link LiveSession}: what the last window of a live stream expresses.
 *
 * @param startSeconds where the window starts, from the beginning of the stream
 * @param endSeconds   where it ends: the newest sample at the time of the answer
 * @param levelDbfs    the window's RMS level in dB full scale, for a level meter
 * @param estimate     the emotion, or empty when the window holds no speech
 */
public record LiveResult(double startSeconds, double endSeconds, double levelDbfs,
        Optional<EmotionEstimate> estimate) {

    public LiveResult {
        if (!(endSeconds > startSeconds && startSeconds >= 0)) {
            throw new IllegalArgumentException("a window needs 0 <= start < end, was [" + startSeconds + ", "
                    + endSeconds + "]");
        }
        estimate = estimate == null ? Optional.empty() : estimate;
    }

    /** Whether the window holds speech. */
    public boolean speech() {
        return estimate.isPresent();
    }

    /** The estimate's label, or {@code "silence"} when the window holds no speech. */
    public String label() {
        return estimate.map(EmotionEstimate::label).orElse("silence");
    }
}
