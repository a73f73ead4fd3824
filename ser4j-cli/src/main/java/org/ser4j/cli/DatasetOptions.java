package org.ser4j.cli;

import java.io.PrintWriter;
import org.ser4j.data.Dataset;
import org.ser4j.data.DatasetFilter;
import org.ser4j.data.LabelMapping;
import org.ser4j.data.Selection;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Filters and label mappings shared by the {@code data} commands; what they remove is always reported. */
final class DatasetOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--min-duration", paramLabel = "S", description = "Keep clips at least this long (the brief kept > 1 s).")
    Double minDuration;

    @Option(names = "--max-duration", paramLabel = "S", description = "Keep clips at most this long.")
    Double maxDuration;

    @Option(names = "--keep-unknown-duration",
            description = "With a duration bound, keep clips whose duration is unknown (default: drop them).")
    boolean keepUnknownDuration;

    @Option(names = "--emotions", paramLabel = "LIST", description = "Keep these emotions, e.g. angry,happy,sad,neutral.")
    String emotions;

    @Option(names = "--corpora", paramLabel = "LIST", description = "Keep these corpora, e.g. RAVDESS,EmoDB.")
    String corpora;

    @Option(names = "--languages", paramLabel = "LIST", description = "Keep these languages (BCP 47 prefixes), e.g. en,de.")
    String languages;

    @Option(names = "--genders", paramLabel = "LIST", description = "Keep these genders: male, female, unknown.")
    String genders;

    @Option(names = "--map", paramLabel = "LIST",
            description = "Label mappings FROM=TO, e.g. calm=neutral or, for a corpus label, excited=happy.")
    String map;

    @Option(names = "--drop", paramLabel = "LIST", description = "Drop these emotions, e.g. boredom,calm.")
    String drop;

    @Option(names = "--keep-extra-labels",
            description = "Keep clips whose label has no emotion of the vocabulary (default: drop them when mapping).")
    boolean keepExtraLabels;

    /**
     * Applies the filter, then the label mapping, printing what each removed to {@code err}.
     *
     * @param alwaysMap apply a mapping even without --map/--drop (training needs every clip to have an
     *                  emotion); otherwise the labels are left as scanned
     */
    Dataset apply(Dataset dataset, boolean alwaysMap, PrintWriter err) {
        Dataset out = report(filter().apply(dataset), err);
        if (alwaysMap || map != null || drop != null) {
            out = report(mapping().apply(out), err);
        }
        return out;
    }

    private static Dataset report(Selection selection, PrintWriter err) {
        if (selection.removedCount() > 0 || !selection.notes().isEmpty()) {
            err.println("ser4j: " + selection.summary());
            selection.notes().forEach(n -> err.println("ser4j: note: " + n));
            err.flush();
        }
        return selection.dataset();
    }

    private DatasetFilter filter() {
        try {
            DatasetFilter.Builder b = DatasetFilter.builder();
            if (minDuration != null) {
                b.optMinDurationSeconds(minDuration);
            }
            if (maxDuration != null) {
                b.optMaxDurationSeconds(maxDuration);
            }
            if (emotions != null) {
                b.optEmotions(emotions);
            }
            if (corpora != null) {
                b.optCorpora(corpora);
            }
            if (languages != null) {
                b.optLanguages(languages);
            }
            if (genders != null) {
                b.optGenders(genders);
            }
            if (keepUnknownDuration) {
                b.optUnknownDuration(DatasetFilter.UnknownDuration.KEEP);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private LabelMapping mapping() {
        try {
            LabelMapping.Builder b = LabelMapping.builder();
            if (map != null) {
                b.map(map);
            }
            if (drop != null) {
                b.drop(drop);
            }
            if (keepExtraLabels) {
                b.optExtraLabels(LabelMapping.ExtraLabels.KEEP);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
