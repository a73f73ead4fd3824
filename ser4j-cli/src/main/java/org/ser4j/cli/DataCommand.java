package org.ser4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ser4j data}: datasets from corpora and users' manifests. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Scan corpora into a labelled dataset, split it by speaker, and report on it; list, download"
                + " and import corpora.",
        subcommands = {DataScanCommand.class, DataSplitCommand.class, DataReportCommand.class,
                DataListCommand.class, DataDownloadCommand.class, DataImportCommand.class})
final class DataCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
