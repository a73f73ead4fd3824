package org.ser4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ser4j.data.download.Catalogue;
import org.ser4j.data.download.CorpusInstaller;
import org.ser4j.data.download.Installation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ser4j data import}: install a corpus from archives downloaded by hand. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Install a corpus from archives you downloaded yourself (checked against the catalogue's"
                + " checksums when it knows them), laid out under DIR as ser4j's loaders expect.")
final class DataImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogueOption catalogue;

    @Parameters(index = "0", paramLabel = "NAME", description = "The corpus (see: ser4j data list).")
    String name;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "ARCHIVE",
            description = "Its archives (.zip, .tar.gz, .tgz).")
    List<Path> archives;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "corpora",
            description = "Where corpora are installed (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Catalogue.Corpus corpus = catalogue.load().corpus(name);
        printLicence(spec.commandLine().getOut(), corpus);
        Installation done = CorpusInstaller.builder().setDirectory(dir).build().importArchives(corpus, archives);
        report(spec.commandLine().getErr(), done);
        return 0;
    }

    static void printLicence(PrintWriter out, Catalogue.Corpus corpus) {
        out.println(corpus.name() + ": " + corpus.title());
        out.println("Licence: " + corpus.licence() + (corpus.licenceUrl() == null ? "" : " (" + corpus.licenceUrl()
                + ")"));
        if (corpus.citation() != null) {
            out.println("Cite: " + corpus.citation());
        }
        out.flush();
    }

    static void report(PrintWriter err, Installation done) {
        err.println("ser4j: " + done.corpus() + (done.status() == Installation.Status.ALREADY_INSTALLED
                ? " is already installed in " : " installed in ") + done.folder() + " (" + done.clips() + " clips)");
        err.flush();
    }
}
