package org.ser4j.data.download;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ser4j.data.download.DownloadException.Problem;

/** The lists of file names a {@link Catalogue.Format#FILE_LIST} download fetches one by one. */
@FunctionalInterface
public interface NameLists {

    /** Where {@link #builtIn()} reads list {@code X}: this folder, file {@code X.txt}, one name per line. */
    String RESOURCE_FOLDER = "/org/ser4j/data/download/lists/";

    /**
     * The names of the list.
     *
     * @throws DownloadException CATALOGUE when there is no such list
     */
    List<String> names(String list) throws DownloadException;

    /** The lists shipped with ser4j, as class-path resources; blank lines and {@code #} comments are skipped. */
    static NameLists builtIn() {
        return list -> {
            String resource = RESOURCE_FOLDER + list + ".txt";
            try (InputStream in = NameLists.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new DownloadException(Problem.CATALOGUE, "the list of file names '" + list
                            + "' is missing from this build of ser4j (expected the resource " + resource + ")");
                }
                return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
            } catch (IOException e) {
                throw new DownloadException(Problem.CATALOGUE, "cannot read " + resource + ": " + e.getMessage(), e);
            }
        };
    }
}
