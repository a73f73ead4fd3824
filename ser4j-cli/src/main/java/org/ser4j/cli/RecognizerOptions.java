package org.ser4j.cli;

import java.nio.file.Path;
import org.ser4j.core.Ser4jException;
import org.ser4j.core.vad.EnergyVad;
import org.ser4j.core.vad.VadConfig;
import org.ser4j.core.vad.VoiceActivityDetector;
import org.ser4j.model.ModelFormatException;
import org.ser4j.recognizer.EmotionRecognizer;
import org.ser4j.recognizer.RecognizerConfig;
import picocli.CommandLine.Option;

/** The options shared by the commands that recognise emotions: model, abstention, detector. */
final class RecognizerOptions {

    /** The voice-activity detectors a user can choose. */
    enum Vad { energy, silero }

    @Option(names = "--model", paramLabel = "FILE", description = "A model bundle (default: the bundled model).")
    Path model;

    @Option(names = "--min-confidence", paramLabel = "X", defaultValue = "0",
            description = "Abstain below this top probability: the label becomes 'uncertain' (default: never).")
    double minConfidence;

    @Option(names = "--vad", paramLabel = "NAME", defaultValue = "energy",
            description = "Voice-activity detector: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). Silero "
                    + "needs its ONNX model: --vad-model, SER4J_SILERO_MODEL, or 'ser4j vad download'.")
    Vad vad;

    @Option(names = "--vad-model", paramLabel = "FILE", description = "The Silero VAD ONNX model file.")
    Path vadModel;

    @Option(names = "--vad-floor", paramLabel = "DBFS", defaultValue = "" + VadConfig.DEFAULT_ABSOLUTE_FLOOR_DBFS,
            description = "Energy VAD: frames quieter than this are never speech (default: ${DEFAULT-VALUE}); "
                    + "lower it for very quiet recordings.")
    double vadFloor;

    /**
     * The recogniser these options describe.
     *
     * @param config the command's other settings, to which the abstention threshold is added
     * @throws ModelFormatException if the model cannot be read or run
     * @throws Ser4jException       if the detector's model cannot be found or loaded
     */
    EmotionRecognizer recognizer(RecognizerConfig.Builder config) throws Ser4jException {
        EmotionRecognizer.Builder builder = EmotionRecognizer.builder()
                .optConfig(config.optMinConfidence(minConfidence).build())
                .optVoiceActivityDetector(detector());
        if (model != null) {
            builder.optModel(model);
        }
        return builder.build();
    }

    /** The chosen voice-activity detector. */
    VoiceActivityDetector detector() throws Ser4jException {
        return switch (vad) {
            case energy -> new EnergyVad(VadConfig.builder().optAbsoluteFloorDbfs(vadFloor).build());
            case silero -> SileroSupport.load(vadModel);
        };
    }
}
