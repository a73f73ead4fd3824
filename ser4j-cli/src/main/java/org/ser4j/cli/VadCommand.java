package org.ser4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ser4j.silero.SileroModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ser4j vad}: the voice-activity detectors' models. */
@Command(name = "vad", mixinStandardHelpOptions = true, description = "Voice-activity detector models.",
        subcommands = {VadCommand.Download.class})
final class VadCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code ser4j vad download}: fetches Silero VAD from its official release, checked by SHA-256. */
    @Command(name = "download", mixinStandardHelpOptions = true,
            description = {"Download the Silero VAD model (MIT licence, 2.3 MB) from the official snakers4/silero-vad "
                    + "repository at a pinned commit, check its SHA-256, and store it where --vad silero finds it.",
                    "Source: raw.githubusercontent.com/snakers4/silero-vad/<commit>/src/silero_vad/data/silero_vad.onnx"})
    static final class Download implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--to", paramLabel = "FILE", description = "Where to store it (default: ${DEFAULT-VALUE}).")
        Path target = SileroModels.defaultCachePath();

        @Override
        public Integer call() throws Exception {
            Path stored = SileroModels.download(target);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Silero VAD stored at " + stored + " (sha256 " + SileroModels.SHA256 + ")");
            out.flush();
            return 0;
        }
    }
}
