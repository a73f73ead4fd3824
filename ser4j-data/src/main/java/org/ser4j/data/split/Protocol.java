package org.ser4j.data.split;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The evaluation protocols ser4j can split a dataset for. */
public enum Protocol {
    /** k folds of speakers, stratified by emotion ({@link SpeakerKFoldSplitter}). */
    SPEAKER_KFOLD("speaker-kfold", true, "speaker-independent k-fold, stratified by emotion, grouped by speaker"),
    /** One fold per speaker, who is the test set ({@link LeaveOneSpeakerOutSplitter}). */
    LEAVE_ONE_SPEAKER_OUT("loso", true, "leave-one-speaker-out"),
    /** One fold per corpus, which is the test set ({@link LeaveOneCorpusOutSplitter}). */
    LEAVE_ONE_CORPUS_OUT("loco", true, "leave-one-corpus-out"),
    /** One fixed train/validation/test partition of the speakers ({@link SpeakerHoldoutSplitter}). */
    SPEAKER_HOLDOUT("speaker-holdout", true, "fixed train/validation/test partition by speaker"),
    /** The brief's random 70/30 split by clip with 5 % validation ({@link RandomSplitter}). */
    RANDOM("random", false, "random split by clip (speaker-dependent: for comparison with the brief only)");

    private final String cliName;
    private final boolean speakerIndependent;
    private final String description;

    Protocol(String cliName, boolean speakerIndependent, String description) {
        this.cliName = cliName;
        this.speakerIndependent = speakerIndependent;
        this.description = description;
    }

    /** The name on the command line: speaker-kfold, loso, loco, speaker-holdout, random. */
    public String cliName() {
        return cliName;
    }

    /** Whether no speaker is ever on two sides of a fold; false only for {@link #RANDOM}. */
    public boolean speakerIndependent() {
        return speakerIndependent;
    }

    /** What the protocol is, for reports; {@link #RANDOM}'s says it is speaker-dependent. */
    public String description() {
        return description;
    }

    /** The splitter of this protocol with {@code config}. */
    public Splitter splitter(SplitConfig config) {
        return switch (this) {
            case SPEAKER_KFOLD -> new SpeakerKFoldSplitter(config);
            case LEAVE_ONE_SPEAKER_OUT -> new LeaveOneSpeakerOutSplitter(config);
            case LEAVE_ONE_CORPUS_OUT -> new LeaveOneCorpusOutSplitter(config);
            case SPEAKER_HOLDOUT -> new SpeakerHoldoutSplitter(config);
            case RANDOM -> new RandomSplitter(config);
        };
    }

    /**
     * A protocol by its command-line name or enum name, ignoring case and '-' versus '_' ({@code loso},
     * {@code speaker-kfold}, {@code LEAVE_ONE_SPEAKER_OUT}, {@code leave-one-corpus-out}).
     *
     * @throws IllegalArgumentException "unknown protocol 'x'; expected one of speaker-kfold, loso, ..."
     */
    public static Protocol parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Protocol p : values()) {
            if (p.cliName.equals(t) || p.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Protocol::cliName).collect(Collectors.joining(", ")));
    }
}
