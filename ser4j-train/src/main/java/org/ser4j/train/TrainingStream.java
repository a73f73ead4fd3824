package org.ser4j.train;

import java.util.Arrays;
import java.util.Objects;
import org.ser4j.model.Normalisation;

/**
 * Training data too big to hold at once: a {@link TrainingSource} of chunks, with what the trainer must know
 * before the first epoch, computed by the caller in one pass over the data (for instance a Spark aggregation
 * with {@link FeatureMoments}).
 *
 * @param source        the chunks of each epoch
 * @param normalisation the standardisation to fit the model to and store in its card, computed on the
 *                      training rows only
 * @param classCounts   training rows per class, indexed like the label list (class weighting, the number of
 *                      batches per epoch, and a check that every epoch delivered every row); copied
 */
public record TrainingStream(TrainingSource source, Normalisation normalisation, long[] classCounts) {

    public TrainingStream {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(normalisation, "normalisation");
        classCounts = classCounts.clone();
        long total = 0;
        for (long c : classCounts) {
            if (c < 0) {
                throw new IllegalArgumentException("class counts must be non-negative, were "
                        + Arrays.toString(classCounts));
            }
            total += c;
        }
        if (total == 0) {
            throw new IllegalArgumentException("class counts must add up to at least one row, were "
                    + Arrays.toString(classCounts));
        }
    }

    /** The rows of one epoch: the sum of the class counts. */
    public long rows() {
        return Arrays.stream(classCounts).sum();
    }

    @Override
    public long[] classCounts() {
        return classCounts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingStream s && source.equals(s.source) && normalisation.equals(s.normalisation)
                && Arrays.equals(classCounts, s.classCounts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, normalisation, Arrays.hashCode(classCounts));
    }

    @Override
    public String toString() {
        return "TrainingStream[" + rows() + " rows, classes " + Arrays.toString(classCounts) + "]";
    }
}
