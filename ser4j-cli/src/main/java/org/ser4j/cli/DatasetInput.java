package org.ser4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.ser4j.data.CorpusScanner;
import org.ser4j.data.LoadResult;
import org.ser4j.data.corpus.CorpusLoaders;
import org.ser4j.data.corpus.CremaDLoader;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs every {@code data} command reads: folders of corpora, audio files and CSV manifests. */
final class DatasetInput {

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Folders holding corpora (any nesting), audio files, or CSV manifests "
                    + "(path,emotion[,speaker,gender,language,...]).")
    List<Path> paths;

    @Option(names = "--crema-d-demographics", paramLabel = "CSV",
            description = "CREMA-D's VideoDemographics.csv, for actors' sexes (default: the built-in table).")
    Path cremaDemographics;

    /** Scans the inputs, printing the scanner's warnings to {@code err}. */
    LoadResult load(PrintWriter err) throws Exception {
        return scan(paths, cremaDemographics, err);
    }

    /** Scans paths with the standard loaders, printing the scanner's warnings to {@code err}. */
    static LoadResult scan(List<Path> paths, Path cremaDemographics, PrintWriter err) throws Exception {
        CorpusScanner.Builder b = CorpusScanner.builder();
        if (cremaDemographics != null) {
            b.optLoaders(CorpusLoaders.standard(CremaDLoader.withDemographics(cremaDemographics)));
        }
        LoadResult loaded = b.build().scan(paths);
        for (String warning : loaded.warnings()) {
            err.println("ser4j: warning: " + warning);
        }
        err.flush();
        return loaded;
    }
}
