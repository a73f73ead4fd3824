package org.ser4j.core.vad;

import java.util.ArrayList;
import java.util.List;
import org.ser4j.core.audio.PcmAudio;

/**
 * Finds where speech is in a mono recording. Implementations are immutable and thread-safe; each
 * {@link #stream(int)} is a separate, single-threaded detection. {@link EnergyVad} is the built-in one.
 */
public interface VoiceActivityDetector {

    /**
     * A streaming detection of a recording at {@code sampleRate}: push blocks of samples, collect the regions
     * each push closes, and flush at the end.
     *
     * @param sampleRate samples per second, positive
     * @return a new stream
     * @throws IllegalArgumentException if the detector cannot work at that rate
     */
    VadStream stream(int sampleRate);

    /**
     * The speech regions of a whole recording: the stream fed in one block, so both paths agree.
     *
     * @param audio the mono recording, not null
     * @return the regions, in increasing order and disjoint; empty when nothing is speech
     */
    default List<SpeechRegion> detect(PcmAudio audio) {
        if (audio == null) {
            throw new IllegalArgumentException("audio must not be null");
        }
        VadStream stream = stream(audio.sampleRate());
        List<SpeechRegion> regions = new ArrayList<>(stream.accept(audio.samples()));
        regions.addAll(stream.flush());
        return List.copyOf(regions);
    }
}
