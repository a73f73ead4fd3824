package org.ser4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands the paths given on a command line: files are taken as they are (any extension: the decoder looks
 * at the content), directories are walked for files with an audio extension, in a stable sorted order.
 */
final class InputFiles {

    /** Extensions picked up when walking a directory. Explicitly named files need none of them. */
    static final Set<String> AUDIO_EXTENSIONS =
            Set.of("wav", "wave", "flac", "mp3", "ogg", "oga", "opus", "aif", "aiff", "aifc");

    private InputFiles() {
    }

    /**
     * @return the files to process; a path that does not exist is kept so that the command reports it as a
     *         per-file error rather than silently dropping it
     */
    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(InputFiles::hasAudioExtension).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    static boolean hasAudioExtension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && AUDIO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
