package org.ser4j.cli;

import org.ser4j.recognizer.RecognizerConfig;
import picocli.CommandLine.Option;

/** How recordings are cut into a timeline: window, hop, merging. */
final class TimelineOptions {

    @Option(names = "--window", paramLabel = "S", defaultValue = "" + RecognizerConfig.DEFAULT_WINDOW_SECONDS,
            description = "The model's window in seconds: longer speech is cut into windows (default: "
                    + "${DEFAULT-VALUE}).")
    double window;

    @Option(names = "--hop", paramLabel = "S",
            description = "Step between windows in seconds (default: half the window).")
    Double hop;

    @Option(names = "--no-merge", description = "Report every window as its own segment instead of merging "
            + "neighbours that agree.")
    boolean noMerge;

    /** The configuration these options describe. */
    RecognizerConfig.Builder config() {
        RecognizerConfig.Builder builder = RecognizerConfig.builder().optWindowSeconds(window)
                .optMergeAgreeing(!noMerge);
        if (hop != null) {
            builder.optHopSeconds(hop);
        }
        return builder;
    }
}
