package org.ser4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ser4j.data.Dataset;
import org.ser4j.data.split.Protocol;
import org.ser4j.data.split.SplitPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ser4j data split}: a reproducible train/validation/test plan, by speaker unless the brief's random
 * split is asked for (and then labelled speaker-dependent).
 */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = "Split a dataset into folds (train, validation, test) and write the plan as CSV "
                + "(path,fold,role). Duplicates are found first and kept on one side only.")
final class DataSplitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetInput input;

    @Mixin
    DatasetOptions options;

    @Option(names = "--protocol", defaultValue = "speaker-kfold", converter = ProtocolOptions.ProtocolConverter.class,
            completionCandidates = ProtocolOptions.ProtocolNames.class, paramLabel = "NAME",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); random is the brief's "
                    + "speaker-dependent 70/30 split, for comparison only.")
    Protocol protocol;

    @Option(names = "--seed", defaultValue = "42", description = "Seed; the same seed gives the same plan (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ProtocolOptions split;

    @Option(names = "--out", required = true, paramLabel = "CSV", description = "Where to write the plan.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dataset dataset = options.apply(input.load(err).dataset(), true, err);
        if (dataset.size() == 0) {
            err.println("ser4j: no labelled clip left to split");
            return ErrorHandler.EXIT_FAILED;
        }
        SplitPlan plan = split.plan(protocol, dataset, seed);
        plan.writeCsv(out);
        stdout.println(plan.describe());
        stdout.printf("duplicates excluded: %d%nwrote %s%n", plan.excluded().size(), out);
        stdout.flush();
        return 0;
    }
}
