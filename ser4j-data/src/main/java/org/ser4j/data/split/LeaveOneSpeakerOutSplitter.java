package org.ser4j.data.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.ser4j.data.Clip;
import org.ser4j.data.Dataset;

/**
 * {@link Protocol#LEAVE_ONE_SPEAKER_OUT}: one fold per speaker (named by the speaker id, in sorted order), who
 * is its test set; the other speakers train, a fraction of them ({@link SplitConfig#validationFraction()},
 * default 10 %, at least one) set aside for validation. Every clip is in exactly one test fold.
 */
public final class LeaveOneSpeakerOutSplitter implements Splitter {

    private final SplitConfig config;

    /** A splitter with {@code config}'s seed, validation fraction and duplicate groups. */
    public LeaveOneSpeakerOutSplitter(SplitConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @throws IllegalArgumentException when the dataset has fewer than 2 speakers (3 with validation) */
    @Override
    public SplitPlan split(Dataset dataset) {
        Splits.Prepared prepared = Splits.prepare(dataset, config);
        return leaveOneOut(Protocol.LEAVE_ONE_SPEAKER_OUT, "speakers", Splits.groupBy(prepared.clips(), Clip::speaker),
                prepared, config);
    }

    /** One fold per group (speaker or corpus) as the test set; shared with leave-one-corpus-out. */
    static SplitPlan leaveOneOut(Protocol protocol, String what, Map<String, List<Clip>> groups,
            Splits.Prepared prepared, SplitConfig config) {
        if (groups.size() < 2) {
            throw new IllegalArgumentException(protocol.cliName() + " needs at least 2 " + what
                    + "; the dataset has " + groups.size());
        }
        double validation = config.validationFractionOr(SplitConfig.DEFAULT_SPEAKER_VALIDATION_FRACTION);
        Random random = new Random(config.seed());
        List<Fold> folds = new ArrayList<>();
        for (Map.Entry<String, List<Clip>> held : groups.entrySet()) {
            List<Clip> rest = new ArrayList<>();
            groups.forEach((id, clips) -> {
                if (!id.equals(held.getKey())) {
                    rest.addAll(clips);
                }
            });
            folds.add(Splits.fold(held.getKey(), held.getValue(), rest, validation, random));
        }
        return new SplitPlan(protocol, config.seed(), Splits.parameters("validationFraction",
                Splits.format(validation)), true, folds, prepared.excluded());
    }
}
