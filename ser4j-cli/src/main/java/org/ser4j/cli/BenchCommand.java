package org.ser4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ser4j bench}: speed measurements, printed as JSON lines for docs/benchmarks.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed; each subcommand prints one JSON line per result.",
        subcommands = {BenchFeaturesCommand.class, BenchDecodeCommand.class, BenchPredictCommand.class,
            BenchLoadCommand.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
