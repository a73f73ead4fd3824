package org.ser4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ser4j.data.Dataset;
import org.ser4j.data.DuplicateFinder;
import org.ser4j.data.DuplicateGroup;
import org.ser4j.data.split.Protocol;
import org.ser4j.data.split.SplitConfig;
import org.ser4j.data.split.SplitPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
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

    /** Protocol names as typed: speaker-kfold, loso, loco, speaker-holdout, random. */
    static final class ProtocolConverter implements ITypeConverter<Protocol> {
        @Override
        public Protocol convert(String value) {
            try {
                return Protocol.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The protocol names shown in --help. */
    static final class ProtocolNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Protocol.values()).map(Protocol::cliName).iterator();
        }
    }

    @Option(names = "--protocol", defaultValue = "speaker-kfold", converter = ProtocolConverter.class,
            completionCandidates = ProtocolNames.class, paramLabel = "NAME",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); random is the brief's "
                    + "speaker-dependent 70/30 split, for comparison only.")
    Protocol protocol;

    @Option(names = "--folds", defaultValue = "5", description = "Folds for speaker-kfold (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed; the same seed gives the same plan (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--validation-fraction", paramLabel = "F",
            description = "Validation share: of each fold's training speakers (kfold, loso, loco; default 0.1), "
                    + "of all clips by speaker (speaker-holdout; 0.1), of training clips (random; 0.05).")
    Double validationFraction;

    @Option(names = "--test-fraction", paramLabel = "F",
            description = "Test share for speaker-holdout (default 0.2) and random (default 0.3).")
    Double testFraction;

    @Option(names = "--no-duplicate-check", description = "Skip the search for duplicate audio (faster; not recommended).")
    boolean noDuplicateCheck;

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
        List<DuplicateGroup> duplicates = noDuplicateCheck ? List.of() : DuplicateFinder.defaults().find(dataset).groups();
        SplitConfig config;
        try {
            SplitConfig.Builder b = SplitConfig.builder().optSeed(seed).optFolds(folds).optDuplicates(duplicates);
            if (validationFraction != null) {
                b.optValidationFraction(validationFraction);
            }
            if (testFraction != null) {
                b.optTestFraction(testFraction);
            }
            config = b.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        SplitPlan plan = protocol.splitter(config).split(dataset);
        plan.writeCsv(out);
        stdout.println(plan.describe());
        stdout.printf("duplicates excluded: %d%nwrote %s%n", plan.excluded().size(), out);
        stdout.flush();
        return 0;
    }
}
