package org.ser4j.data;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What a curation step ({@link DatasetFilter}, {@link LabelMapping}, duplicate removal) returns: the dataset it
 * kept, how many clips it removed for each reason, and notes worth showing a person (a criterion that matched
 * nothing, clips of unknown duration dropped, how many labels a mapping changed).
 *
 * @param dataset the clips kept, in their original order, with the input's unrecognised files unchanged
 * @param removed clips removed per reason; only reasons that removed something are present
 * @param notes   remarks in the order they arose
 */
public record Selection(Dataset dataset, Map<RemovalReason, Integer> removed, List<String> notes) {

    public Selection {
        Objects.requireNonNull(dataset, "dataset");
        EnumMap<RemovalReason, Integer> copy = new EnumMap<>(RemovalReason.class);
        removed.forEach((reason, n) -> {
            if (n < 0) {
                throw new IllegalArgumentException("negative count " + n + " for " + reason);
            }
            if (n > 0) {
                copy.put(reason, n);
            }
        });
        removed = Collections.unmodifiableMap(copy);
        notes = List.copyOf(notes);
    }

    /** Total number of clips removed. */
    public int removedCount() {
        return removed.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * One line for a person: {@code "kept 1200 of 1440 clips; removed 192 emotion not selected, 48 shorter than
     * the minimum duration"}, or {@code "kept all 1440 clips"}.
     */
    public String summary() {
        int kept = dataset.size();
        int total = kept + removedCount();
        if (removed.isEmpty()) {
            return "kept all " + total + " clips";
        }
        StringJoiner reasons = new StringJoiner(", ", "; removed ", "");
        removed.forEach((reason, n) -> reasons.add(n + " " + reason.description()));
        return "kept " + kept + " of " + total + " clips" + reasons;
    }
}
