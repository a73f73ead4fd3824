package org.ser4j.core.audio;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The content is not audio ser4j can decode. Names what the bytes look like and lists what is supported,
 * e.g. "unsupported format: MP4/M4A (AAC) audio; supported: WAV, AIFF/AIFC, FLAC, MP3, Ogg Vorbis, Ogg Opus".
 */
public final class UnsupportedFormatException extends AudioDecodeException {
    private static final long serialVersionUID = 1L;

    private final String detected;

    /**
     * @param detected a human name for what the content looks like ("MP4/M4A (AAC) audio", "PNG image",
     *                 "plain text", "unknown binary data")
     */
    public UnsupportedFormatException(String detected) {
        super(Problem.UNSUPPORTED_FORMAT, "unsupported format: " + detected + "; supported: " + supportedList());
        this.detected = detected;
    }

    /** What the content was detected to be. */
    public String detected() {
        return detected;
    }

    /** The formats ser4j decodes, for messages and API documents. */
    public static List<String> supported() {
        return Arrays.stream(AudioContainer.values())
                .map(AudioContainer::displayName)
                .collect(Collectors.toUnmodifiableList());
    }

    private static String supportedList() {
        return String.join(", ", supported());
    }
}
