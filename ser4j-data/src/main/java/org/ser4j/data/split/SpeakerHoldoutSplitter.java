package org.ser4j.data.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.ser4j.data.Clip;
import org.ser4j.data.Dataset;

/**
 * {@link Protocol#SPEAKER_HOLDOUT}: one fold, named "holdout", that partitions the speakers into train,
 * validation and test holding about {@code 1 - v - t}, {@code v} and {@code t} of the clips (defaults 70/10/20:
 * {@link SplitConfig#DEFAULT_HOLDOUT_VALIDATION_FRACTION}, {@link SplitConfig#DEFAULT_HOLDOUT_TEST_FRACTION}),
 * each part with an emotion distribution close to the whole: the stratified group assignment of
 * {@link SpeakerKFoldSplitter} with bins weighted by the fractions. Fractions are met as closely as whole
 * speakers allow; each part gets at least one speaker. A validation fraction of 0 gives no validation part.
 */
public final class SpeakerHoldoutSplitter implements Splitter {

    private final SplitConfig config;

    /** A splitter with {@code config}'s seed, validation and test fractions and duplicate groups. */
    public SpeakerHoldoutSplitter(SplitConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @throws IllegalArgumentException when there are fewer speakers than parts, or no training share left */
    @Override
    public SplitPlan split(Dataset dataset) {
        Splits.Prepared prepared = Splits.prepare(dataset, config);
        double validation = config.validationFractionOr(SplitConfig.DEFAULT_HOLDOUT_VALIDATION_FRACTION);
        double test = config.testFraction().orElse(SplitConfig.DEFAULT_HOLDOUT_TEST_FRACTION);
        double train = 1 - validation - test;
        if (!(train > 0)) {
            throw new IllegalArgumentException("validation fraction " + validation + " and test fraction " + test
                    + " leave nothing to train on");
        }
        double[] weights = validation == 0 ? new double[] {train, test} : new double[] {train, test, validation};
        Map<String, List<Clip>> speakers = Splits.groupBy(prepared.clips(), Clip::speaker);
        if (speakers.size() < weights.length) {
            throw new IllegalArgumentException("a train/" + (validation == 0 ? "" : "validation/")
                    + "test holdout by speaker needs at least " + weights.length + " speakers; the dataset has "
                    + speakers.size());
        }
        List<List<Clip>> groups = new ArrayList<>(speakers.values());
        int[] bin = GroupAssigner.assign(Splits.classCounts(groups), weights, new Random(config.seed()));
        List<List<Clip>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int g = 0; g < groups.size(); g++) {
            parts.get(bin[g]).addAll(groups.get(g));
        }
        Fold fold = new Fold("holdout", parts.get(0), parts.get(2), parts.get(1));
        return new SplitPlan(Protocol.SPEAKER_HOLDOUT, config.seed(), Splits.parameters(
                "trainFraction", Splits.format(train), "validationFraction", Splits.format(validation),
                "testFraction", Splits.format(test)), true, List.of(fold), prepared.excluded());
    }
}
