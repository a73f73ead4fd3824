package org.ser4j.data.split;

import org.ser4j.data.Dataset;

/**
 * One evaluation protocol: a dataset in, the folds out. Implementations are immutable, thread-safe and
 * deterministic: the same dataset (in any order) and configuration give the same plan.
 */
@FunctionalInterface
public interface Splitter {

    /**
     * Splits {@code dataset} into folds.
     *
     * @throws IllegalArgumentException when the dataset cannot be split this way (too few speakers or corpora,
     *                                  no clip)
     */
    SplitPlan split(Dataset dataset);
}
