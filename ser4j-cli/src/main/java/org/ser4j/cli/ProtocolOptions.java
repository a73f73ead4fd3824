package org.ser4j.cli;

import java.util.List;
import org.ser4j.data.Dataset;
import org.ser4j.data.DuplicateFinder;
import org.ser4j.data.DuplicateGroup;
import org.ser4j.data.split.Protocol;
import org.ser4j.data.split.SplitConfig;
import org.ser4j.data.split.SplitPlan;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** How to split a dataset: protocol, folds, fractions and the duplicate check. */
final class ProtocolOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

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

    @Option(names = "--folds", defaultValue = "5", description = "Folds for speaker-kfold (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--validation-fraction", paramLabel = "F",
            description = "Validation share: of each fold's training speakers (kfold, loso, loco; default 0.1), "
                    + "of all clips by speaker (speaker-holdout; 0.1), of training clips (random; 0.05).")
    Double validationFraction;

    @Option(names = "--test-fraction", paramLabel = "F",
            description = "Test share for speaker-holdout (default 0.2) and random (default 0.3).")
    Double testFraction;

    @Option(names = "--no-duplicate-check", description = "Skip the search for duplicate audio (faster; not recommended).")
    boolean noDuplicateCheck;

    /**
     * The plan of {@code protocol} over {@code dataset}.
     *
     * @throws ParameterException if a fraction or the fold count is invalid
     */
    SplitPlan plan(Protocol protocol, Dataset dataset, long seed) {
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
        return protocol.splitter(config).split(dataset);
    }
}
