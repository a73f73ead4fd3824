package org.ser4j.core.audio;

/** The audio formats ser4j decodes, chosen by content (magic bytes), never by file extension. */
public enum AudioContainer {
    /** RIFF/RIFX/RF64 WAVE: integer and float PCM, WAVE_FORMAT_EXTENSIBLE. */
    WAV("WAV"),
    /** AIFF and AIFF-C (uncompressed, 'sowt' little-endian and float variants). */
    AIFF("AIFF/AIFC"),
    /** Native FLAC. */
    FLAC("FLAC"),
    /** MPEG-1/2/2.5 Layer III. */
    MP3("MP3"),
    /** Ogg with a Vorbis stream. */
    OGG_VORBIS("Ogg Vorbis"),
    /** Ogg with an Opus stream. */
    OGG_OPUS("Ogg Opus");

    private final String displayName;

    AudioContainer(String displayName) {
        this.displayName = displayName;
    }

    /** The name shown to users. */
    public String displayName() {
        return displayName;
    }
}
