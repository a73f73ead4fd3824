package org.ser4j.train;

/** How training compensates for classes of different sizes. */
public enum ClassWeighting {
    /** Every sample counts the same. */
    NONE,
    /**
     * Each sample's loss is weighted by {@code n / (k * n_c)} (n samples, k classes, n_c samples of its class),
     * scikit-learn's "balanced": every class contributes the same total weight, and the mean weight stays 1.
     */
    BALANCED
}
