package org.ser4j.train;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Training rows delivered in chunks, one pass per epoch, so that a trainer holds one chunk at a time rather
 * than the whole set (a feature table on Spark, files on disk). The trainer standardises each chunk, shuffles
 * its rows and cuts them into batches, carrying a chunk's last partial batch over into the next chunk.
 *
 * <p>A source must deliver the same rows every epoch (their number is checked against the class counts of the
 * {@link TrainingStream}); the order of the chunks and of the rows across chunks is its own business, and
 * should change from epoch to epoch, since the trainer only shuffles within a chunk.
 */
@FunctionalInterface
public interface TrainingSource {

    /**
     * The rows of one epoch, in chunks of a bounded number of rows, all of the same dimension.
     *
     * @param epoch the 0-based epoch, for a source that shuffles by epoch
     */
    Iterator<LabelledFeatures> chunks(int epoch);

    /**
     * A set held in memory, as one chunk every epoch (the trainer shuffles it): what
     * {@link NetworkTrainer#train(List, LabelledFeatures, java.util.Optional, ModelDescription, TrainingListener)}
     * trains on.
     */
    static TrainingSource inMemory(LabelledFeatures set) {
        Objects.requireNonNull(set, "set");
        return epoch -> List.of(set).iterator();
    }
}
