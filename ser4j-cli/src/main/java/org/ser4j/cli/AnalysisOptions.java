package org.ser4j.cli;

import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.core.features.FeatureExtractor;
import org.ser4j.core.features.FeatureSet;
import picocli.CommandLine.Option;

/** The {@code --set} and {@code --sr} options shared by the commands that compute features. */
final class AnalysisOptions {

    /** The set names as users type them (lower case; parsing is case-insensitive). */
    static final class SetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(FeatureSet.values())
                    .map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).iterator();
        }
    }

    @Option(names = "--set", defaultValue = "seed162", paramLabel = "SET", completionCandidates = SetNames.class,
            description = "Feature set: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    FeatureSet set;

    @Option(names = "--sr", defaultValue = AnalysisRate.DEFAULT, converter = AnalysisRate.class, paramLabel = "HZ",
            description = "Analysis sample rate in Hz, or 'native' for each file's own rate (default: ${DEFAULT-VALUE}).")
    int sampleRate;

    /** A decoder producing mono audio at the chosen rate. */
    AudioDecoder decoder() {
        return AnalysisRate.decoder(sampleRate);
    }

    /** An extractor of the chosen set with librosa's default parameters. */
    FeatureExtractor extractor() {
        return FeatureExtractor.of(set, FeatureConfig.defaults());
    }
}
