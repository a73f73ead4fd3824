package org.ser4j.data;

import java.util.List;
import java.util.Objects;

/**
 * What loading or scanning produced: the dataset (clips, and files that could not be labelled, with why) and
 * warnings about the data as a whole that a person should read (e.g. a manifest without speakers, which makes
 * speaker-grouped splits meaningless).
 *
 * @param dataset  the clips and the unrecognised files
 * @param warnings sentences for a person, in the order they arose
 */
public record LoadResult(Dataset dataset, List<String> warnings) {
    public LoadResult {
        Objects.requireNonNull(dataset, "dataset");
        warnings = List.copyOf(warnings);
    }
}
