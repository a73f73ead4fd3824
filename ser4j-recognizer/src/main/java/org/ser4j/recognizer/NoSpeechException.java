package org.ser4j.recognizer;

import org.ser4j.core.Ser4jException;

/** The recording holds no speech the voice-activity detector could find, so there is nothing to recognise. */
public final class NoSpeechException extends Ser4jException {

    private static final long serialVersionUID = 1L;

    /** @param durationSeconds the length of the recording that was searched */
    public NoSpeechException(double durationSeconds) {
        super(String.format(java.util.Locale.ROOT, "no speech found in %.2f s of audio", durationSeconds));
    }
}
