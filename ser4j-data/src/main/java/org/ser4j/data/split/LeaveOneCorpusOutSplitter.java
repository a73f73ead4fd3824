package org.ser4j.data.split;

import java.util.Objects;
import org.ser4j.data.Clip;
import org.ser4j.data.Dataset;

/**
 * {@link Protocol#LEAVE_ONE_CORPUS_OUT}: one fold per corpus (named by the corpus, in sorted order), which is its
 * test set; the other corpora train, a fraction of their speakers ({@link SplitConfig#validationFraction()},
 * default 10 %, at least one) set aside for validation. Measures how well a model carries over to recordings,
 * speakers and often a language it has never heard. Every clip is in exactly one test fold.
 */
public final class LeaveOneCorpusOutSplitter implements Splitter {

    private final SplitConfig config;

    /** A splitter with {@code config}'s seed, validation fraction and duplicate groups. */
    public LeaveOneCorpusOutSplitter(SplitConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @throws IllegalArgumentException when the dataset has fewer than 2 corpora */
    @Override
    public SplitPlan split(Dataset dataset) {
        Splits.Prepared prepared = Splits.prepare(dataset, config);
        return LeaveOneSpeakerOutSplitter.leaveOneOut(Protocol.LEAVE_ONE_CORPUS_OUT, "corpora",
                Splits.groupBy(prepared.clips(), Clip::corpus), prepared, config);
    }
}
