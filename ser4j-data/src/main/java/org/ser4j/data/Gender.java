package org.ser4j.data;

/** A speaker's gender as the corpus documents it; {@link #UNKNOWN} where it does not. */
public enum Gender {
    MALE, FEMALE, UNKNOWN
}
