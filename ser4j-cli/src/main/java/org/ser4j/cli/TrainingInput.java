package org.ser4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ser4j.data.LoadResult;
import picocli.CommandLine.Option;

/** {@code --data} and {@code --manifest}: the labelled audio that training and evaluation read. */
final class TrainingInput {

    @Option(names = "--data", arity = "1..*", paramLabel = "DIR",
            description = "Folders holding corpora (any nesting; RAVDESS, SAVEE, TESS, EmoDB, EMOVO, CREMA-D, ... "
                    + "are recognised by their file names).")
    List<Path> data = new ArrayList<>();

    @Option(names = "--manifest", arity = "1..*", paramLabel = "CSV",
            description = "CSV manifests: path,emotion[,speaker,gender,language,...].")
    List<Path> manifests = new ArrayList<>();

    @Option(names = "--crema-d-demographics", paramLabel = "CSV",
            description = "CREMA-D's VideoDemographics.csv, for actors' sexes (default: the built-in table).")
    Path cremaDemographics;

    boolean isEmpty() {
        return data.isEmpty() && manifests.isEmpty();
    }

    /** Scans the inputs, printing the scanner's warnings to {@code err}. */
    LoadResult load(PrintWriter err) throws Exception {
        List<Path> paths = new ArrayList<>(data);
        paths.addAll(manifests);
        return DatasetInput.scan(paths, cremaDemographics, err);
    }
}
