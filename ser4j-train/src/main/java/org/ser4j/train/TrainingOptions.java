package org.ser4j.train;

/**
 * How to train. Build with {@link #builder()}; every option has a default.
 *
 * @param epochs         maximum passes over the training data; default 50
 * @param batchSize      samples per optimiser step; default 64
 * @param learningRate   Adam's learning rate; default 1e-3 (Adam's usual default)
 * @param weightDecay    Adam's L2 weight decay; default 0
 * @param seed           seeds initialisation, dropout, shuffling, mixup and masks; default 42
 * @param classWeighting loss weighting for imbalanced classes; default {@link ClassWeighting#BALANCED}
 * @param patience       stop after this many epochs without a better validation UA; 0 never stops early;
 *                       default 10. Without a validation set training always runs all epochs.
 * @param mixupAlpha     mixup (Zhang et al. 2018): each batch is blended with a shuffled copy of itself, inputs and
 *                       targets alike, with a weight drawn from Beta(alpha, alpha); 0 turns it off (default)
 * @param specAugment    SpecAugment-style masking (Park et al. 2019) for sequence and image inputs: this many
 *                       time masks and as many channel masks per sample, each up to an eighth of the axis, set to
 *                       the training mean; 0 turns it off (default). Ignored for vector inputs.
 */
public record TrainingOptions(int epochs, int batchSize, float learningRate, float weightDecay, int seed,
        ClassWeighting classWeighting, int patience, float mixupAlpha, int specAugment) {

    /** The defaults listed above. */
    public static final TrainingOptions DEFAULTS = builder().build();

    public TrainingOptions {
        if (epochs <= 0 || batchSize <= 0 || patience < 0 || specAugment < 0) {
            throw new IllegalArgumentException("epochs and batch size must be positive, patience and masks "
                    + "non-negative, were " + epochs + ", " + batchSize + ", " + patience + ", " + specAugment);
        }
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive, was " + learningRate);
        }
        if (!(weightDecay >= 0) || !Float.isFinite(weightDecay) || !(mixupAlpha >= 0) || !Float.isFinite(mixupAlpha)) {
            throw new IllegalArgumentException("weight decay and mixup alpha must be finite and non-negative, were "
                    + weightDecay + " and " + mixupAlpha);
        }
        if (classWeighting == null) {
            throw new IllegalArgumentException("class weighting must be given");
        }
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.weightDecay = weightDecay;
        b.seed = seed;
        b.classWeighting = classWeighting;
        b.patience = patience;
        b.mixupAlpha = mixupAlpha;
        b.specAugment = specAugment;
        return b;
    }

    /** A copy with another number of epochs. */
    public TrainingOptions withEpochs(int e) {
        return toBuilder().optEpochs(e).build();
    }

    /** A copy with another seed. */
    public TrainingOptions withSeed(int s) {
        return toBuilder().optSeed(s).build();
    }

    /** A copy with another class weighting. */
    public TrainingOptions withClassWeighting(ClassWeighting w) {
        return toBuilder().optClassWeighting(w).build();
    }

    /** A copy with another patience. */
    public TrainingOptions withPatience(int p) {
        return toBuilder().optPatience(p).build();
    }

    /** Builds {@link TrainingOptions}; validation happens in {@link #build()}. */
    public static final class Builder {
        private int epochs = 50;
        private int batchSize = 64;
        private float learningRate = 1e-3f;
        private float weightDecay;
        private int seed = 42;
        private ClassWeighting classWeighting = ClassWeighting.BALANCED;
        private int patience = 10;
        private float mixupAlpha;
        private int specAugment;

        private Builder() {
        }

        /** See {@link TrainingOptions#epochs()}. */
        public Builder optEpochs(int v) {
            epochs = v;
            return this;
        }

        /** See {@link TrainingOptions#batchSize()}. */
        public Builder optBatchSize(int v) {
            batchSize = v;
            return this;
        }

        /** See {@link TrainingOptions#learningRate()}. */
        public Builder optLearningRate(float v) {
            learningRate = v;
            return this;
        }

        /** See {@link TrainingOptions#weightDecay()}. */
        public Builder optWeightDecay(float v) {
            weightDecay = v;
            return this;
        }

        /** See {@link TrainingOptions#seed()}. */
        public Builder optSeed(int v) {
            seed = v;
            return this;
        }

        /** See {@link TrainingOptions#classWeighting()}. */
        public Builder optClassWeighting(ClassWeighting v) {
            classWeighting = v;
            return this;
        }

        /** See {@link TrainingOptions#patience()}. */
        public Builder optPatience(int v) {
            patience = v;
            return this;
        }

        /** See {@link TrainingOptions#mixupAlpha()}. */
        public Builder optMixupAlpha(float v) {
            mixupAlpha = v;
            return this;
        }

        /** See {@link TrainingOptions#specAugment()}. */
        public Builder optSpecAugment(int v) {
            specAugment = v;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException if a value is out of range
         */
        public TrainingOptions build() {
            return new TrainingOptions(epochs, batchSize, learningRate, weightDecay, seed, classWeighting, patience,
                    mixupAlpha, specAugment);
        }
    }
}
