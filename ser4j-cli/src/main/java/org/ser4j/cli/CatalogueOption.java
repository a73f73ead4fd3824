package org.ser4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.ser4j.data.download.Catalogue;
import org.ser4j.data.download.DownloadException;
import picocli.CommandLine.Option;

/** The hidden {@code --catalogue FILE} of the {@code data list/download/import} commands (tests, mirrors). */
final class CatalogueOption {

    @Option(names = "--catalogue", hidden = true, paramLabel = "FILE",
            description = "Read the corpus catalogue from this JSON file instead of the built-in one.")
    Path file;

    /** The catalogue given, or the built-in one. */
    Catalogue load() throws DownloadException, IOException {
        return file == null ? Catalogue.builtIn() : Catalogue.load(file);
    }
}
