package org.ser4j.train;

/**
 * How to train.
 *
 * @param epochs         maximum passes over the training data; default 50
 * @param batchSize      samples per optimiser step; default 64
 * @param learningRate   Adam's fixed learning rate; default 1e-3 (Adam's usual default)
 * @param seed           seeds initialisation, dropout and shuffling; default 42
 * @param classWeighting loss weighting for imbalanced classes; default {@link ClassWeighting#BALANCED}
 * @param patience       stop after this many epochs without a better validation UA; 0 never stops early;
 *                       default 10. Without a validation set training always runs all epochs.
 */
public record TrainingOptions(int epochs, int batchSize, float learningRate, int seed, ClassWeighting classWeighting,
        int patience) {

    /** The defaults listed above. */
    public static final TrainingOptions DEFAULTS = new TrainingOptions(50, 64, 1e-3f, 42, ClassWeighting.BALANCED, 10);

    public TrainingOptions {
        if (epochs <= 0 || batchSize <= 0 || patience < 0) {
            throw new IllegalArgumentException("epochs and batch size must be positive and patience non-negative, were "
                    + epochs + ", " + batchSize + ", " + patience);
        }
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive, was " + learningRate);
        }
        if (classWeighting == null) {
            throw new IllegalArgumentException("class weighting must be given");
        }
    }

    /** A copy with another number of epochs. */
    public TrainingOptions withEpochs(int e) {
        return new TrainingOptions(e, batchSize, learningRate, seed, classWeighting, patience);
    }

    /** A copy with another seed. */
    public TrainingOptions withSeed(int s) {
        return new TrainingOptions(epochs, batchSize, learningRate, s, classWeighting, patience);
    }

    /** A copy with another class weighting. */
    public TrainingOptions withClassWeighting(ClassWeighting w) {
        return new TrainingOptions(epochs, batchSize, learningRate, seed, w, patience);
    }

    /** A copy with another patience. */
    public TrainingOptions withPatience(int p) {
        return new TrainingOptions(epochs, batchSize, learningRate, seed, classWeighting, p);
    }
}
