package org.ser4j.data.split;

import java.util.Locale;

/** The part of a fold a clip belongs to, as written in a split plan's CSV. */
public enum Role {
    /** Fits the model (and is the only part augmentation may touch). */
    TRAIN,
    /** Tunes hyper-parameters and early stopping; speakers drawn from the training side, never from the test. */
    VALIDATION,
    /** Measures; never seen in training or tuning. */
    TEST,
    /** Left out of every fold: a duplicate of a kept clip. Appears only in the CSV. */
    EXCLUDED;

    /** The lower-case name used in the CSV ("train", "validation", "test", "excluded"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
