package org.ser4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code ser4j} command; subcommands do the work. */
@Command(name = "ser4j", mixinStandardHelpOptions = true, version = "ser4j 0.1.0",
        description = "Speech emotion recognition for the JVM.",
        subcommands = {InfoCommand.class, FeaturesCommand.class, DataCommand.class, TrainCommand.class,
                EvalCommand.class, ExperimentCommand.class, PredictCommand.class, ListenCommand.class, ServeCommand.class,
                VadCommand.class, BatchCommand.class,
                BenchCommand.class})
public final class Ser4jCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: case-insensitive enum values, errors mapped in {@link ErrorHandler}. */
    static CommandLine commandLine() {
        return new CommandLine(new Ser4jCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new ErrorHandler())
                .setParameterExceptionHandler(ErrorHandler::handleParameterException);
    }

    /** The command line as typed ("ser4j train --arch mlp ..."), for provenance. */
    static java.util.List<String> invocation(picocli.CommandLine.Model.CommandSpec spec) {
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add("ser4j");
        CommandLine.ParseResult pr = spec.root().commandLine().getParseResult();
        if (pr != null) {
            out.addAll(pr.originalArgs());
        }
        return out;
    }
}
