package org.ser4j.data;

/**
 * Why a filter, a label mapping or duplicate removal took a clip out of a dataset. A clip is counted under the
 * first reason that applies, in the order of this enum.
 */
public enum RemovalReason {
    /** Its corpus is not among the selected corpora. */
    CORPUS_NOT_SELECTED("corpus not selected"),
    /** Its language matches none of the selected languages. */
    LANGUAGE_NOT_SELECTED("language not selected"),
    /** Its speaker's gender is not among the selected genders. */
    GENDER_NOT_SELECTED("gender not selected"),
    /** Its emotion is not among the selected emotions (clips with only an extra label count here too). */
    EMOTION_NOT_SELECTED("emotion not selected"),
    /** A duration criterion is set and the clip's duration is not known. */
    DURATION_UNKNOWN("duration unknown"),
    /** Shorter than the minimum duration. */
    TOO_SHORT("shorter than the minimum duration"),
    /** Longer than the maximum duration. */
    TOO_LONG("longer than the maximum duration"),
    /** Its emotion (after mapping) is one the label mapping drops. */
    EMOTION_DROPPED("emotion dropped"),
    /** Its corpus label has no counterpart in the vocabulary and no mapping gave it one. */
    NOT_IN_VOCABULARY("label not in the vocabulary"),
    /** Its audio duplicates a clip that was kept. */
    DUPLICATE("duplicate audio");

    private final String description;

    RemovalReason(String description) {
        this.description = description;
    }

    /** How the reason reads in a summary ("shorter than the minimum duration"). */
    public String description() {
        return description;
    }
}
