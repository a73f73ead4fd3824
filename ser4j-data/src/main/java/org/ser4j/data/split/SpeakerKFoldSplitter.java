package org.ser4j.data.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.ser4j.data.Clip;
import org.ser4j.data.Dataset;

/**
 * {@link Protocol#SPEAKER_KFOLD}: the speakers are dealt into {@link SplitConfig#folds()} folds so that each
 * fold's emotion distribution is close to the whole (the greedy stratified group assignment of scikit-learn's
 * {@code StratifiedGroupKFold}, described on {@code GroupAssigner}); fold i tests on its speakers and trains on
 * the others, a fraction of which ({@link SplitConfig#validationFraction()}, default 10 %, at least one speaker)
 * is set aside for validation. Every clip is in exactly one test fold.
 */
public final class SpeakerKFoldSplitter implements Splitter {

    private final SplitConfig config;

    /** A splitter with {@code config}'s seed, folds, validation fraction and duplicate groups. */
    public SpeakerKFoldSplitter(SplitConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @throws IllegalArgumentException when the dataset has fewer speakers than folds */
    @Override
    public SplitPlan split(Dataset dataset) {
        Splits.Prepared prepared = Splits.prepare(dataset, config);
        Map<String, List<Clip>> speakers = Splits.groupBy(prepared.clips(), Clip::speaker);
        int k = config.folds();
        if (speakers.size() < k) {
            throw new IllegalArgumentException(k + " folds need at least " + k + " speakers; the dataset has "
                    + speakers.size());
        }
        double validation = config.validationFractionOr(SplitConfig.DEFAULT_SPEAKER_VALIDATION_FRACTION);
        Random random = new Random(config.seed());
        List<List<Clip>> groups = new ArrayList<>(speakers.values());
        double[] weights = new double[k];
        Arrays.fill(weights, 1.0 / k);
        int[] bin = GroupAssigner.assign(Splits.classCounts(groups), weights, random);
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Clip> test = new ArrayList<>();
            List<Clip> rest = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                (bin[g] == f ? test : rest).addAll(groups.get(g));
            }
            folds.add(Splits.fold("fold-" + (f + 1), test, rest, validation, random));
        }
        return new SplitPlan(Protocol.SPEAKER_KFOLD, config.seed(), Splits.parameters("folds", Integer.toString(k),
                "validationFraction", Splits.format(validation)), true, folds, prepared.excluded());
    }
}
