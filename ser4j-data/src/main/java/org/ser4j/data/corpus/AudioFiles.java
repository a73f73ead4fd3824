package org.ser4j.data.corpus;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which files a scan treats as audio, and the file-name stem the corpus loaders parse.
 *
 * <p>The decision is by extension, case-insensitive ({@code .WAV}, {@code .Flac}), because a scan must not open
 * every README to sniff it; the decoder still detects the real format from the content, so an AIFF file named
 * {@code .wav} (as in TESS) decodes correctly. Extensions the decoder cannot read ({@code .m4a}, {@code .wma})
 * still count as audio, so such files are listed as unrecognised with the decoder's reason instead of being
 * skipped silently.
 */
public final class AudioFiles {

    /** Lower-case extensions, without the dot, that name audio files. */
    public static final Set<String> AUDIO_EXTENSIONS = Set.of(
            "wav", "wave", "flac", "mp3", "ogg", "oga", "opus", "aif", "aiff", "aifc",
            "m4a", "aac", "wma", "caf", "au", "snd", "webm");

    private AudioFiles() {
    }

    /** Whether the file name ends with one of {@link #AUDIO_EXTENSIONS}, in any case. */
    public static boolean isAudio(Path path) {
        return AUDIO_EXTENSIONS.contains(extension(path));
    }

    /** The lower-case extension without the dot, or "" when the name has none. */
    public static String extension(Path path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The file name without its extension, in Unicode NFC: archives made on macOS store names decomposed
     * (NFD), and a pattern written in NFC would not match them.
     */
    public static String stem(Path path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    /** The name of the {@code levelsUp}-th folder above the file (1 = its parent) in NFC, or "" when there is none. */
    public static String folder(Path path, int levelsUp) {
        Path p = path.toAbsolutePath();
        for (int i = 0; i < levelsUp && p != null; i++) {
            p = p.getParent();
        }
        if (p == null || p.getFileName() == null) {
            return "";
        }
        return nfc(p.getFileName().toString());
    }

    private static String fileName(Path path) {
        Objects.requireNonNull(path, "path");
        Path name = path.getFileName();
        return name == null ? "" : nfc(name.toString());
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
