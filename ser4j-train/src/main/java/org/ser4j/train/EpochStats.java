package org.ser4j.train;

/**
 * What one training epoch did.
 *
 * @param epoch         0-based epoch index
 * @param loss          mean (weighted) training loss over the epoch's batches
 * @param trainAccuracy fraction of training samples classified right during the epoch (dropout on, weights
 *                      changing: a running figure, not a clean evaluation)
 * @param validationUa  unweighted accuracy on the validation set after the epoch; NaN without one
 * @param seconds       wall time of the epoch, for logs and benchmarks only
 */
public record EpochStats(int epoch, double loss, double trainAccuracy, double validationUa, double seconds) {
}
