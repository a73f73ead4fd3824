package org.ser4j.train;

/**
 * Hears about a training run's progress (for progress bars and logs). Called on the training thread; keep it
 * cheap.
 */
public interface TrainingListener {

    /** Ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** A batch finished: {@code batch} of {@code batches} in epoch {@code epoch} (both 0-based). */
    default void batchDone(int epoch, int batch, int batches) {
    }

    /** An epoch finished. */
    default void epochDone(EpochStats stats) {
    }
}
