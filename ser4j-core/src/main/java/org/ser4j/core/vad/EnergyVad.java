package org.ser4j.core.vad;


/**
 * An energy-based voice activity detector. Immutable and thread-safe; each {@link #stream(int)} is a separate,
 * single-threaded detection.
 *
 * <p>Algorithm, all durations taken from {@link VadConfig}:
 * <ol>
 *   <li>Frames of 30 ms every 10 ms; only whole frames are analysed. A frame's level is the dB of its variance
 *       (mean square after removing the frame's mean), so a DC offset is never heard as speech.</li>
 *   <li>An adaptive noise floor follows the level: it drops at once to any quieter frame and otherwise rises by
 *       at most {@code floorRiseDbPerSecond}, so it tracks the quiet between words and slowly follows noise
 *       that gets louder. It starts at the quietest frame of the first second, so a recording that opens
 *       mid-sentence is heard from its first sample; decisions on that first second wait until it is complete.</li>
 *   <li>A frame is speech when its level exceeds the floor by {@code thresholdDb} and also exceeds
 *       {@code absoluteFloorDbfs}.</li>
 *   <li>Hysteresis: a region opens after {@code minSpeechSeconds} of consecutive speech frames (starting at the
 *       first of them) and closes after {@code minSilenceSeconds} of consecutive silent frames (ending at the
 *       last speech frame). A frame stands for the sample at its centre. Pauses shorter than the minimum
 *       silence therefore stay inside a region; regions are never closer than it.</li>
 *   <li>Each region is widened by {@code paddingSeconds} on both sides, clamped to the recording; regions whose
 *       padding overlaps are merged.</li>
 * </ol>
 *
 * <p>{@link #detect(org.ser4j.core.audio.PcmAudio)} is the streaming path fed in one block, so both give the same regions.
 */
public final class EnergyVad implements VoiceActivityDetector {

    private final VadConfig config;

    /** A detector with {@link VadConfig#defaults()}. */
    public EnergyVad() {
        this(VadConfig.defaults());
    }

    /**
     * A detector with the given settings.
     *
     * @param config the settings, not null
     */
    public EnergyVad(VadConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
    }

    /** The settings of this detector. */
    public VadConfig config() {
        return config;
    }

    /**
     * A streaming detection of a recording at {@code sampleRate}: push blocks of samples, collect the regions
     * each push closes, and flush at the end. Memory stays bounded by one frame whatever the length.
     *
     * @param sampleRate samples per second, positive
     * @return a new stream
     */
    @Override
    public VadStream stream(int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        }
        return new EnergyVadStream(config, sampleRate);
    }
}
