package org.ser4j.train;

import java.util.List;
import java.util.Objects;
import org.ser4j.model.ModelBundle;

/**
 * The outcome of a training run.
 *
 * @param epochs    per-epoch figures, in order (fewer than asked when training stopped early)
 * @param bestEpoch the epoch whose weights the bundle holds: best validation UA (earliest on ties), or the last
 *                  epoch without a validation set
 * @param bundle    the trained model
 */
public record TrainingResult(List<EpochStats> epochs, int bestEpoch, ModelBundle bundle) {

    public TrainingResult {
        epochs = List.copyOf(epochs);
        Objects.requireNonNull(bundle, "bundle");
        if (bestEpoch < 0 || bestEpoch >= epochs.size()) {
            throw new IllegalArgumentException("best epoch " + bestEpoch + " is not one of the " + epochs.size() + " run");
        }
    }
}
