package org.ser4j.cli;

import java.nio.file.Path;
import org.ser4j.core.Ser4jException;
import org.ser4j.core.vad.VoiceActivityDetector;
import org.ser4j.silero.SileroConfig;
import org.ser4j.silero.SileroModels;
import org.ser4j.silero.SileroVad;

/** Finds and loads the Silero VAD model for the commands. */
final class SileroSupport {

    private SileroSupport() {
    }

    /**
     * The Silero detector on the model at {@code explicit}, or wherever {@link SileroModels#locate} finds one.
     *
     * @throws Ser4jException if no model is configured or it cannot be loaded, saying how to get one
     */
    static VoiceActivityDetector load(Path explicit) throws Ser4jException {
        Path model = SileroModels.locate(explicit).orElseThrow(() -> new Ser4jException(
                "--vad silero needs the Silero VAD model (2.3 MB, MIT): give --vad-model FILE, set "
                        + "SER4J_SILERO_MODEL, or run 'ser4j vad download' to fetch it from its official release "
                        + "into " + SileroModels.defaultCachePath()));
        return SileroVad.load(model, SileroConfig.utterances());
    }
}
