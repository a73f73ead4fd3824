package org.ser4j.data;

import java.util.List;

/**
 * What a {@link DuplicateFinder} found.
 *
 * @param groups     the groups of duplicates, sorted by the path of their kept clip
 * @param unreadable clips whose file could not be probed or decoded, with why (not checked for duplicates)
 * @param checked    number of clips looked at
 * @param decoded    number of clips whose audio had to be decoded (those sharing rate, channels and length
 *                   with another)
 * @param tolerance  the largest sample difference that still counted as the same audio
 */
public record DuplicateReport(List<DuplicateGroup> groups, List<Dataset.Unrecognised> unreadable, int checked,
        int decoded, double tolerance) {

    public DuplicateReport {
        groups = List.copyOf(groups);
        unreadable = List.copyOf(unreadable);
    }

    /** Number of clips that duplicate a kept one (what removal takes out). */
    public int duplicateCount() {
        return groups.stream().mapToInt(g -> g.dropped().size()).sum();
    }

    /**
     * The dataset with one clip per group kept (the first by path) and the others removed; see
     * {@link DuplicateGroup#keepOnePerGroup(Dataset, List)}.
     */
    public Selection withoutDuplicates(Dataset dataset) {
        return DuplicateGroup.keepOnePerGroup(dataset, groups);
    }
}
