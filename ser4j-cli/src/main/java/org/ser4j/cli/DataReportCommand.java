package org.ser4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ser4j.data.Dataset;
import org.ser4j.report.DatasetReport;
import org.ser4j.report.ReportOptions;
import org.ser4j.report.ReportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ser4j data report}: charts of the dataset and pictures of example clips, with an index.html. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write emotion count charts (overall, by gender, by corpus), a duration histogram, and for "
                + "example clips the waveform, ZCR and energy curves, MFCC and mel-spectrogram images, with an "
                + "index.html that shows them all and the counts table.")
final class DataReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetInput input;

    @Mixin
    DatasetOptions options;

    @Option(names = "--examples", defaultValue = "9", paramLabel = "N",
            description = "Example clips to illustrate: one per emotion, then per extra label (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the report into.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (examples < 0) {
            throw new ParameterException(spec.commandLine(), "--examples must be 0 or more, was " + examples);
        }
        Dataset dataset = options.apply(input.load(err).dataset(), false, err);
        DatasetReport report = new DatasetReport(ReportOptions.defaults().withMaxExamples(examples));
        ReportResult result = report.write(dataset, out);
        for (ReportResult.ExampleFailure f : result.failures()) {
            err.println("ser4j: could not illustrate " + f.clip().path() + ": " + f.reason());
        }
        err.flush();
        stdout.println("wrote " + result.files().size() + " files; open " + result.index());
        stdout.flush();
        return 0;
    }
}
