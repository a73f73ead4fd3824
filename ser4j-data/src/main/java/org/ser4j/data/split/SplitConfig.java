package org.ser4j.data.split;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.ser4j.data.DuplicateGroup;

/**
 * The settings every splitter reads; each protocol uses those that concern it (documented per field) and
 * ignores the others.
 *
 * @param seed               seed of every random choice (speaker order ties, validation speakers, the random
 *                           split); default {@link #DEFAULT_SEED}
 * @param folds              number of folds of {@link Protocol#SPEAKER_KFOLD}; default {@link #DEFAULT_FOLDS}
 * @param validationFraction the validation part. {@code SPEAKER_KFOLD}, {@code LEAVE_ONE_SPEAKER_OUT},
 *                           {@code LEAVE_ONE_CORPUS_OUT}: fraction of each fold's training speakers (rounded, at
 *                           least one when above 0; 0 for no validation), default
 *                           {@link #DEFAULT_SPEAKER_VALIDATION_FRACTION}. {@code SPEAKER_HOLDOUT}: fraction of
 *                           all clips, by speaker, default {@link #DEFAULT_HOLDOUT_VALIDATION_FRACTION}.
 *                           {@code RANDOM}: fraction of the training clips, default
 *                           {@link #DEFAULT_RANDOM_VALIDATION_FRACTION} (the brief's 5 %)
 * @param testFraction       the test part of {@code SPEAKER_HOLDOUT} (fraction of all clips, by speaker; default
 *                           {@link #DEFAULT_HOLDOUT_TEST_FRACTION}) and {@code RANDOM} (fraction of the clips;
 *                           default {@link #DEFAULT_RANDOM_TEST_FRACTION}, the brief's 30 %)
 * @param duplicates         groups of duplicate audio ({@link org.ser4j.data.DuplicateFinder}); every splitter
 *                           keeps one clip of each group and excludes the others, so no group can be on two
 *                           sides of a fold; default none
 */
public record SplitConfig(long seed, int folds, OptionalDouble validationFraction, OptionalDouble testFraction,
        List<DuplicateGroup> duplicates) {

    /** Default {@link #seed()}. */
    public static final long DEFAULT_SEED = 42;
    /** Default {@link #folds()}. */
    public static final int DEFAULT_FOLDS = 5;
    /** Default validation fraction of the speaker protocols: 10 % of each fold's training speakers. */
    public static final double DEFAULT_SPEAKER_VALIDATION_FRACTION = 0.1;
    /** Default validation fraction of {@link Protocol#SPEAKER_HOLDOUT}: 10 % (70/10/20). */
    public static final double DEFAULT_HOLDOUT_VALIDATION_FRACTION = 0.1;
    /** Default test fraction of {@link Protocol#SPEAKER_HOLDOUT}: 20 % (70/10/20). */
    public static final double DEFAULT_HOLDOUT_TEST_FRACTION = 0.2;
    /** Default validation fraction of {@link Protocol#RANDOM}: 5 % of the training clips, as in the brief. */
    public static final double DEFAULT_RANDOM_VALIDATION_FRACTION = 0.05;
    /** Default test fraction of {@link Protocol#RANDOM}: 30 %, as in the brief. */
    public static final double DEFAULT_RANDOM_TEST_FRACTION = 0.3;

    /** Every default. */
    public static final SplitConfig DEFAULTS = builder().build();

    public SplitConfig {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be at least 2, was " + folds);
        }
        Objects.requireNonNull(validationFraction, "validationFraction");
        Objects.requireNonNull(testFraction, "testFraction");
        validationFraction.ifPresent(f -> requireFraction(f, "validation", true));
        testFraction.ifPresent(f -> requireFraction(f, "test", false));
        duplicates = List.copyOf(duplicates);
    }

    private static void requireFraction(double f, String what, boolean zeroAllowed) {
        if (!(f < 1) || !(zeroAllowed ? f >= 0 : f > 0)) {
            throw new IllegalArgumentException(what + " fraction must be in " + (zeroAllowed ? "[0, 1)" : "(0, 1)")
                    + ", was " + f);
        }
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The validation fraction, or {@code orElse} when not set. */
    double validationFractionOr(double orElse) {
        return validationFraction.orElse(orElse);
    }

    /** Builds a {@link SplitConfig}. Not thread-safe. */
    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private int folds = DEFAULT_FOLDS;
        private OptionalDouble validationFraction = OptionalDouble.empty();
        private OptionalDouble testFraction = OptionalDouble.empty();
        private List<DuplicateGroup> duplicates = List.of();

        private Builder() {
        }

        /** Seed of every random choice; default {@link #DEFAULT_SEED}. */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /** Folds of {@link Protocol#SPEAKER_KFOLD}, at least 2; default {@link #DEFAULT_FOLDS}. */
        public Builder optFolds(int count) {
            if (count < 2) {
                throw new IllegalArgumentException("folds must be at least 2, was " + count);
            }
            this.folds = count;
            return this;
        }

        /** The validation fraction, in [0, 1); its meaning per protocol is on {@link SplitConfig#validationFraction()}. */
        public Builder optValidationFraction(double fraction) {
            requireFraction(fraction, "validation", true);
            this.validationFraction = OptionalDouble.of(fraction);
            return this;
        }

        /** The test fraction, in (0, 1), of {@code SPEAKER_HOLDOUT} and {@code RANDOM}. */
        public Builder optTestFraction(double fraction) {
            requireFraction(fraction, "test", false);
            this.testFraction = OptionalDouble.of(fraction);
            return this;
        }

        /** Groups of duplicate audio to keep out of the splits (one clip of each kept). */
        public Builder optDuplicates(List<DuplicateGroup> groups) {
            this.duplicates = List.copyOf(groups);
            return this;
        }

        /** The immutable configuration. */
        public SplitConfig build() {
            return new SplitConfig(seed, folds, validationFraction, testFraction, duplicates);
        }
    }
}
