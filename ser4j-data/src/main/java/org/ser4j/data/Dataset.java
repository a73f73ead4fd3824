package org.ser4j.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A set of labelled clips, and the files that were looked at but could not be recognised (kept so that
 * nothing is skipped silently). Immutable; operations return new datasets.
 *
 * @param clips        the recognised clips, in a stable order (sorted by path)
 * @param unrecognised files found but not parsed by any loader, with why
 */
public record Dataset(List<Clip> clips, List<Unrecognised> unrecognised) {

    /** A file a scan found but could not label. */
    public record Unrecognised(Path path, String reason) {
        public Unrecognised {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public Dataset {
        clips = List.copyOf(clips);
        unrecognised = List.copyOf(unrecognised);
    }

    /** A dataset of these clips, nothing unrecognised. */
    public static Dataset of(List<Clip> clips) {
        return new Dataset(clips, List.of());
    }

    /** Number of clips. */
    public int size() {
        return clips.size();
    }
}
