package org.ser4j.data;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.data.corpus.AudioFiles;
import org.ser4j.data.corpus.CorpusLoader;
import org.ser4j.data.corpus.CorpusLoaders;
import org.ser4j.data.corpus.EmotionFolderLoader;
import org.ser4j.data.corpus.ParseResult;
import org.ser4j.data.manifest.ManifestException;
import org.ser4j.data.manifest.ManifestLoader;

/**
 * Finds the corpora under folders (any nesting) and loads users' manifests: what {@code ser4j data scan} runs.
 *
 * <p>For each input: a folder is walked to any depth, without following symbolic links inside it (a link found
 * there with an audio name is listed as unrecognised; the inputs themselves may be links); a {@code .csv} file is
 * loaded with {@link ManifestLoader}; an audio file is taken as is. Every audio file (by extension, see
 * {@link AudioFiles}) is offered to the loaders in their priority order ({@link CorpusLoaders#parse}); files
 * that are not audio (README, .txt, .csv inside folders, images) are ignored. Each clip's duration is read from
 * its header ({@link AudioDecoder#probe(Path)}), in parallel; a file that fails to decode is listed as
 * unrecognised with the decoder's message. Nothing is skipped silently: every audio file found ends up as a clip
 * or as an unrecognised entry with its reason.
 *
 * <p>The result is deterministic: clips and unrecognised files sorted by path; a file reached twice (overlapping
 * inputs, or listed in a manifest and found in a folder) is kept once, from the first input that reached it,
 * with a warning. Immutable and thread-safe.
 */
public final class CorpusScanner {

    private final List<CorpusLoader> loaders;
    private final AudioDecoder decoder;
    private final int parallelism;

    private CorpusScanner(Builder b) {
        this.loaders = b.loaders;
        this.decoder = b.decoder;
        this.parallelism = b.parallelism;
    }

    /** A scanner with every default: {@link CorpusLoaders#standard()}, {@link AudioDecoder#defaults()}. */
    public static CorpusScanner defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The loaders, in the order files are offered to them. */
    public List<CorpusLoader> loaders() {
        return loaders;
    }

    /** As {@link #scan(List)}. */
    public LoadResult scan(Path... inputs) throws IOException, ManifestException {
        return scan(List.of(inputs));
    }

    /**
     * Scans folders, manifests and audio files.
     *
     * @throws NoSuchFileException when an input does not exist
     * @throws ManifestException   when a manifest given as input is malformed
     * @throws IOException         when a folder or manifest cannot be read
     */
    public LoadResult scan(List<Path> inputs) throws IOException, ManifestException {
        Objects.requireNonNull(inputs, "inputs");
        List<String> warnings = new ArrayList<>();
        List<Dataset.Unrecognised> unrecognised = new ArrayList<>();
        Map<Path, Clip> clips = new LinkedHashMap<>();
        int reachedTwice = 0;
        for (Path input : inputs) {
            Path arg = input.toAbsolutePath().normalize();
            if (!Files.exists(arg)) {
                throw new NoSuchFileException(input.toString(), null, "no such file or folder");
            }
            List<Clip> found = new ArrayList<>();
            if (Files.isDirectory(arg)) {
                List<Path> audio = new ArrayList<>();
                walk(arg, audio, unrecognised, warnings);
                audio.sort(Comparator.naturalOrder());
                found.addAll(parseAll(audio, unrecognised, warnings));
            } else if (AudioFiles.extension(arg).equals("csv")) {
                LoadResult manifest = ManifestLoader.load(arg);
                warnings.addAll(manifest.warnings());
                unrecognised.addAll(manifest.dataset().unrecognised());
                found.addAll(manifest.dataset().clips());
            } else if (AudioFiles.isAudio(arg)) {
                found.addAll(parseAll(List.of(arg), unrecognised, warnings));
            } else {
                unrecognised.add(new Dataset.Unrecognised(arg, "neither an audio file nor a .csv manifest"));
            }
            for (Clip c : found) {
                if (clips.putIfAbsent(c.path(), c) != null) {
                    reachedTwice++;
                }
            }
        }
        if (reachedTwice > 0) {
            warnings.add(reachedTwice + " files were reached by more than one input; each was kept once, as the first"
                    + " input read it");
        }
        List<Clip> withDurations = probeAll(new ArrayList<>(clips.values()), unrecognised);
        withDurations.sort(Comparator.comparing(Clip::path));
        unrecognised.sort(Comparator.comparing(Dataset.Unrecognised::path));
        return new LoadResult(new Dataset(withDurations, unrecognised), warnings);
    }

    /** Collects the audio files under {@code root}, in no particular order. */
    private static void walk(Path root, List<Path> audio, List<Dataset.Unrecognised> unrecognised,
            List<String> warnings) throws IOException {
        // The root itself may be a link the user named; links below it are not followed.
        Path start = Files.isSymbolicLink(root) ? root.toRealPath() : root;
        Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        Path path = root.resolve(start.relativize(file));
                        if (!AudioFiles.isAudio(path)) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (attrs.isSymbolicLink()) {
                            unrecognised.add(new Dataset.Unrecognised(path, "a symbolic link: links inside a scanned"
                                    + " folder are not followed (scan its target, or name the link as an input)"));
                        } else if (attrs.isRegularFile()) {
                            audio.add(path);
                        } else {
                            unrecognised.add(new Dataset.Unrecognised(path, "not a regular file"));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        warnings.add("could not read " + root.resolve(start.relativize(file)) + ": " + e.getMessage());
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    /** Offers each file to the loaders; warns about folder-per-emotion corpora without speakers. */
    private List<Clip> parseAll(List<Path> files, List<Dataset.Unrecognised> unrecognised, List<String> warnings) {
        List<Clip> parsed = new ArrayList<>();
        Map<String, Integer> withoutSpeaker = new TreeMap<>();
        for (Path file : files) {
            ParseResult result = CorpusLoaders.parse(loaders, file);
            if (result instanceof ParseResult.Parsed p) {
                parsed.add(p.clip());
                if (p.clip().speaker().equals(p.clip().corpus() + ":" + EmotionFolderLoader.UNKNOWN_SPEAKER)) {
                    withoutSpeaker.merge(p.clip().corpus(), 1, Integer::sum);
                }
            } else if (result instanceof ParseResult.Invalid i) {
                unrecognised.add(new Dataset.Unrecognised(file, i.reason()));
            } else if (result instanceof ParseResult.NotThisCorpus n) {
                unrecognised.add(new Dataset.Unrecognised(file, n.reason()));
            }
        }
        withoutSpeaker.forEach((corpus, n) -> warnings.add(n + " clips of '" + corpus + "' (one folder per emotion)"
                + " have no speaker folder; they count as one speaker, so speaker-grouped splits are meaningless"
                + " for them (lay them out as <emotion>/<speaker>/ or use a manifest with a speaker column)"));
        return parsed;
    }

    /** Reads the durations the clips lack from their headers, in parallel; failures become unrecognised. */
    private List<Clip> probeAll(List<Clip> clips, List<Dataset.Unrecognised> unrecognised) throws IOException {
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        List<Probed> results;
        try {
            results = pool.submit(() -> clips.parallelStream().map(this::probe).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading clip durations", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading a clip duration failed unexpectedly", e.getCause());
        } finally {
            pool.shutdown();
        }
        List<Clip> probed = new ArrayList<>(clips.size());
        for (Probed r : results) {
            if (r instanceof Known k) {
                probed.add(k.clip());
            } else if (r instanceof Failed f) {
                unrecognised.add(f.file());
            }
        }
        return probed;
    }

    /** What reading one header gave. */
    private sealed interface Probed permits Known, Failed {
    }

    /** The clip, with its duration. */
    private record Known(Clip clip) implements Probed {
    }

    /** The file could not be decoded or read. */
    private record Failed(Dataset.Unrecognised file) implements Probed {
    }

    /** The clip with its duration, or the file as unrecognised with the decoder's reason. */
    private Probed probe(Clip clip) {
        if (clip.durationSeconds().isPresent()) {
            return new Known(clip);
        }
        try {
            AudioInfo info = decoder.probe(clip.path());
            double seconds = info.durationSeconds();
            return new Known(Double.isNaN(seconds) ? clip : clip.withDuration(seconds));
        } catch (AudioDecodeException e) {
            return new Failed(new Dataset.Unrecognised(clip.path(), "named like " + clip.corpus()
                    + ", but the audio cannot be decoded: " + e.getMessage()));
        } catch (IOException e) {
            return new Failed(new Dataset.Unrecognised(clip.path(), "named like " + clip.corpus()
                    + ", but the file cannot be read: " + e.getMessage()));
        }
    }

    /** Options of a {@link CorpusScanner}. */
    public static final class Builder {
        private List<CorpusLoader> loaders = CorpusLoaders.standard();
        private AudioDecoder decoder = AudioDecoder.defaults();
        private int parallelism = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /** The loaders in priority order; default {@link CorpusLoaders#standard()}. */
        public Builder optLoaders(List<? extends CorpusLoader> value) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("at least one loader is needed");
            }
            this.loaders = List.copyOf(value);
            return this;
        }

        /** The decoder that reads durations; default {@link AudioDecoder#defaults()}. */
        public Builder optDecoder(AudioDecoder value) {
            this.decoder = Objects.requireNonNull(value, "decoder");
            return this;
        }

        /** Threads reading headers at once; default the number of processors. */
        public Builder optParallelism(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, was " + threads);
            }
            this.parallelism = threads;
            return this;
        }

        /** The scanner. */
        public CorpusScanner build() {
            return new CorpusScanner(this);
        }
    }
}
