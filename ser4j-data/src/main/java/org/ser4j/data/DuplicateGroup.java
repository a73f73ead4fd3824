package org.ser4j.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Clips whose decoded audio is the same (within the finder's tolerance). The first clip by path is the one kept
 * when duplicates are removed.
 *
 * @param clips two or more clips, sorted by path
 */
public record DuplicateGroup(List<Clip> clips) {

    /** The order that decides which clip is kept: by path. */
    static final Comparator<Clip> BY_PATH = Comparator.comparing(c -> c.path().toString());

    public DuplicateGroup {
        if (clips.size() < 2) {
            throw new IllegalArgumentException("a duplicate group needs at least 2 clips, got " + clips.size());
        }
        clips = clips.stream().sorted(BY_PATH).toList();
        if (clips.stream().map(Clip::path).distinct().count() != clips.size()) {
            throw new IllegalArgumentException("a duplicate group lists the same file twice: " + clips);
        }
    }

    /** The clip kept: the first by path. */
    public Clip kept() {
        return clips.get(0);
    }

    /** The clips removed in favour of {@link #kept()}. */
    public List<Clip> dropped() {
        return clips.subList(1, clips.size());
    }

    /**
     * {@code dataset} with one clip of each group kept and the others removed, counted as
     * {@link RemovalReason#DUPLICATE} with a note per removed clip ("/.../03-01-03-01-02-02-07.flac duplicates
     * /.../03-01-03-01-02-01-07.flac"). The clip kept is the group's first by path among those in
     * {@code dataset}, so a dataset already filtered still keeps one clip of each group; groups with no clip in
     * the dataset change nothing.
     */
    public static Selection keepOnePerGroup(Dataset dataset, List<DuplicateGroup> groups) {
        Set<Path> present = new HashSet<>();
        dataset.clips().forEach(c -> present.add(c.path()));
        Map<Path, Path> keptFor = new HashMap<>();
        for (DuplicateGroup g : groups) {
            Path keep = null;
            for (Clip c : g.clips()) {
                if (!present.contains(c.path())) {
                    continue;
                }
                if (keep == null) {
                    keep = c.path();
                } else {
                    keptFor.put(c.path(), keep);
                }
            }
        }
        List<Clip> kept = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int removed = 0;
        for (Clip c : dataset.clips()) {
            Path original = keptFor.get(c.path());
            if (original != null) {
                removed++;
                notes.add(c.path() + " duplicates " + original);
            } else {
                kept.add(c);
            }
        }
        return new Selection(new Dataset(kept, dataset.unrecognised()), Map.of(RemovalReason.DUPLICATE, removed),
                notes);
    }
}
