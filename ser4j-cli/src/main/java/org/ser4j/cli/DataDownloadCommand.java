package org.ser4j.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ser4j.data.download.Catalogue;
import org.ser4j.data.download.CorpusInstaller;
import org.ser4j.data.download.DownloadProgress;
import org.ser4j.data.download.Installation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ser4j data download}: fetch, verify and install public corpora. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download corpora (resuming interrupted downloads), verify their checksums and unpack them"
                + " under DIR as ser4j's loaders expect; a corpus already installed is left alone.")
final class DataDownloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogueOption catalogue;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Corpora to download (see: ser4j data list).")
    List<String> names;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "corpora",
            description = "Where corpora are installed (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--accept-licence", description = "Accept each corpus's licence without asking.")
    boolean acceptLicence;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Catalogue c = catalogue.load();
        List<Catalogue.Corpus> corpora = new ArrayList<>();
        for (String name : names) {
            corpora.add(c.corpus(name)); // every name checked before anything is fetched
        }
        CorpusInstaller installer = CorpusInstaller.builder().setDirectory(dir).build();
        Progress progress = new Progress(err);
        for (Catalogue.Corpus corpus : corpora) {
            if (corpus.access() != Catalogue.Access.PUBLIC) {
                out.println(corpus.name() + " cannot be downloaded by ser4j ("
                        + corpus.access().name().toLowerCase(Locale.ROOT) + " needed).");
                out.println(corpus.instructions() == null ? "See " + corpus.homepage() : corpus.instructions());
                out.println("Then run: ser4j data import " + corpus.name() + " ARCHIVE --dir " + dir);
                out.flush();
                return ErrorHandler.EXIT_FAILED;
            }
            DataImportCommand.printLicence(out, corpus);
            if (!acceptLicence && !askToAccept(corpus)) {
                err.println("ser4j: " + corpus.name() + "'s licence (" + corpus.licence() + ") was not accepted;"
                        + " pass --accept-licence to accept it");
                err.flush();
                return ErrorHandler.EXIT_FAILED;
            }
            Installation done = installer.download(corpus, bytes(progress, corpus.name()));
            DataImportCommand.report(err, done);
        }
        return 0;
    }

    private static boolean askToAccept(Catalogue.Corpus corpus) {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        String answer = console.readLine("Accept the licence of %s (%s)? [y/N] ", corpus.name(), corpus.licence());
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    /** Download progress in KiB through the CLI's progress bar, one bar per file. */
    private static DownloadProgress bytes(Progress progress, String corpus) {
        return new DownloadProgress() {
            private String file;
            private Progress.Task task;

            @Override
            public void update(String name, long done, long total) {
                if (!name.equals(file)) {
                    if (task != null) {
                        task.close();
                    }
                    file = name;
                    task = progress.task(corpus + " " + name + " (KiB)", (int) Math.max(0, total / 1024));
                }
                task.accept((int) (done / 1024));
                if (total >= 0 && done >= total) {
                    task.close();
                    file = null;
                    task = null;
                }
            }
        };
    }
}
