package org.ser4j.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.PcmSource;

/**
 * Finds clips whose decoded audio is the same, whatever their names or containers: the same recording stored
 * twice would otherwise land in train and test at once.
 *
 * <p>Two clips are duplicates when they have the same sample rate, channel count and number of frames, and no
 * two corresponding samples differ by more than the {@linkplain Builder#optTolerance(double) tolerance}.
 * A tolerance of 0 asks for bit-identical decoded samples. The default, {@link #DEFAULT_TOLERANCE} (2^-12, 8
 * steps of 16-bit audio), exists because conversions dither: the RAVDESS pair that is byte-identical in the
 * original release differs by up to 2 steps of 16 bits in 24,277 of its 54,454 samples after conversion to
 * 16-bit FLAC, while distinct recordings differ by thousands of steps as soon as someone speaks.
 *
 * <p>How it stays fast: every file's header is probed (no decoding) and only clips sharing rate, channels and
 * length with another are decoded. Each of those gets a fingerprint, the mean absolute sample value in 64 equal
 * blocks of its length, streaming, without keeping the audio; two clips within the tolerance sample by sample
 * are within it block by block, so pairs whose fingerprints differ by more cannot be duplicates. Only the pairs
 * left (found by a sweep over the clips sorted by overall mean absolute value) are compared sample by sample, by
 * streaming both files again. Duplicates are grouped transitively (a ~ b and b ~ c put a, b, c in one group).
 * Files are probed and decoded on a pool of {@link Builder#optThreads(int) threads}.
 *
 * <p>Files that cannot be probed or decoded are not checked; they are listed in
 * {@link DuplicateReport#unreadable()} with the reason, never skipped silently.
 *
 * <p>Immutable and thread-safe.
 */
public final class DuplicateFinder {

    /** Default {@link Builder#optTolerance(double)}: 2^-12 of full scale (8 steps of 16-bit audio). */
    public static final double DEFAULT_TOLERANCE = 1.0 / 4096;

    /** Fingerprint resolution: enough blocks that different speech differs in some, few enough to stay tiny. */
    static final int BLOCKS = 64;

    private static final int READ_FRAMES = 4096;

    /** Rounding allowance for block means summed in double from float samples. */
    private static final double SUM_SLACK = 1e-9;

    private static final DuplicateFinder DEFAULTS = builder().build();

    private final AudioDecoder decoder;
    private final double tolerance;
    private final int threads;

    private DuplicateFinder(Builder b) {
        this.decoder = b.decoder;
        this.tolerance = b.tolerance;
        this.threads = b.threads;
    }

    /** A finder with the default tolerance, decoder and thread count. */
    public static DuplicateFinder defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The largest sample difference that still counts as the same audio. */
    public double tolerance() {
        return tolerance;
    }

    /** Finds the duplicates among a dataset's clips. */
    public DuplicateReport find(Dataset dataset) {
        return find(dataset.clips());
    }

    /**
     * Finds the duplicates among {@code clips} (a clip listed twice by path is looked at once).
     *
     * @throws CancellationException when the calling thread is interrupted
     */
    public DuplicateReport find(List<Clip> clips) {
        Map<String, Clip> byPath = new LinkedHashMap<>();
        clips.stream().sorted(DuplicateGroup.BY_PATH).forEach(c -> byPath.putIfAbsent(c.path().toString(), c));
        List<Clip> unique = new ArrayList<>(byPath.values());
        List<Dataset.Unrecognised> unreadable = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ser4j-duplicates");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<Shape, List<Probed>> byShape = new LinkedHashMap<>();
            List<Outcome<Shape>> shapes = runAll(pool, unique, this::shape);
            for (int i = 0; i < unique.size(); i++) {
                Outcome<Shape> s = shapes.get(i);
                if (s.error != null) {
                    unreadable.add(new Dataset.Unrecognised(unique.get(i).path(), s.error));
                } else {
                    byShape.computeIfAbsent(s.value, k -> new ArrayList<>()).add(new Probed(unique.get(i), s.value));
                }
            }
            List<Probed> toDecode = byShape.values().stream().filter(g -> g.size() > 1)
                    .flatMap(List::stream).toList();
            List<Outcome<Fingerprint>> prints = runAll(pool, toDecode, this::fingerprint);
            Map<Shape, List<Fingerprint>> printsByShape = new LinkedHashMap<>();
            for (int i = 0; i < toDecode.size(); i++) {
                Outcome<Fingerprint> p = prints.get(i);
                if (p.error != null) {
                    unreadable.add(new Dataset.Unrecognised(toDecode.get(i).clip.path(), p.error));
                } else {
                    printsByShape.computeIfAbsent(p.value.shape, k -> new ArrayList<>()).add(p.value);
                }
            }
            List<Fingerprint[]> candidates = new ArrayList<>();
            printsByShape.values().forEach(g -> candidates.addAll(candidatePairs(g)));
            List<Outcome<Boolean>> verdicts = runAll(pool, candidates, pair -> same(pair[0].clip, pair[1].clip));
            UnionFind groups = new UnionFind();
            for (int i = 0; i < candidates.size(); i++) {
                Outcome<Boolean> v = verdicts.get(i);
                if (v.error != null) {
                    unreadable.add(new Dataset.Unrecognised(candidates.get(i)[1].clip.path(), v.error));
                } else if (v.value) {
                    groups.union(candidates.get(i)[0].clip, candidates.get(i)[1].clip);
                }
            }
            List<DuplicateGroup> found = groups.groups().stream().map(DuplicateGroup::new)
                    .sorted(Comparator.comparing(g -> g.kept().path().toString())).toList();
            List<Dataset.Unrecognised> distinctUnreadable = unreadable.stream()
                    .collect(Collectors.toMap(Dataset.Unrecognised::path, u -> u, (a, b) -> a,
                            LinkedHashMap::new)).values().stream().toList();
            return new DuplicateReport(found, distinctUnreadable, unique.size(), toDecode.size(), tolerance);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rate, channels and length: what two duplicates must share. */
    private record Shape(int sampleRate, int channels, long frames) {
    }

    /** A clip and its shape. */
    private record Probed(Clip clip, Shape shape) {
    }

    /** The block means of one clip, and its overall mean absolute sample value. */
    private record Fingerprint(Clip clip, Shape shape, long decodedFrames, double meanAbs, double[] blocks) {
    }

    /** A result or why there is none (a file that cannot be read). */
    private record Outcome<T>(T value, String error) {
    }

    @FunctionalInterface
    private interface Task<I, O> {
        O apply(I input) throws IOException, AudioDecodeException;
    }

    private static <I, O> List<Outcome<O>> runAll(ExecutorService pool, List<I> inputs, Task<I, O> task) {
        List<Callable<Outcome<O>>> calls = new ArrayList<>(inputs.size());
        for (I input : inputs) {
            calls.add(() -> {
                try {
                    return new Outcome<>(task.apply(input), null);
                } catch (IOException | AudioDecodeException e) {
                    return new Outcome<>(null, e.getMessage() == null ? e.toString() : e.getMessage());
                }
            });
        }
        try {
            List<Outcome<O>> out = new ArrayList<>(inputs.size());
            for (Future<Outcome<O>> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while looking for duplicates");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Shape shape(Clip clip) throws IOException, AudioDecodeException {
        AudioInfo info = decoder.probe(clip.path());
        if (info.frames() == 0) {
            throw new AudioDecodeException(AudioDecodeException.Problem.EMPTY, clip.path() + ": no audio frame");
        }
        return new Shape(info.sampleRate(), info.channels(), info.frames());
    }

    private Fingerprint fingerprint(Probed probed) throws IOException, AudioDecodeException {
        Clip clip = probed.clip;
        Shape shape = probed.shape;
        try (PcmSource source = decoder.open(clip.path())) {
            int ch = source.info().channels();
            long frames = shape.frames;
            float[] buffer = new float[READ_FRAMES * ch];
            double[] sums = new double[BLOCKS];
            long[] counts = new long[BLOCKS];
            long frame = 0;
            double total = 0;
            for (int n = source.read(buffer, READ_FRAMES); n > 0; n = source.read(buffer, READ_FRAMES)) {
                for (int i = 0; i < n; i++, frame++) {
                    // Frames past a header's stated length (a damaged WAV) go to the last block.
                    int block = (int) (Math.min(frame, frames - 1) * BLOCKS / frames);
                    double s = 0;
                    for (int c = 0; c < ch; c++) {
                        s += Math.abs(buffer[i * ch + c]);
                    }
                    sums[block] += s;
                    counts[block] += ch;
                    total += s;
                }
            }
            for (int b = 0; b < BLOCKS; b++) {
                sums[b] = counts[b] == 0 ? 0 : sums[b] / counts[b];
            }
            return new Fingerprint(clip, shape, frame, frame == 0 ? 0 : total / (frame * ch), sums);
        }
    }

    /** Pairs whose fingerprints are within the tolerance: a sweep over the clips sorted by mean. */
    private List<Fingerprint[]> candidatePairs(List<Fingerprint> group) {
        List<Fingerprint> sorted = new ArrayList<>(group);
        sorted.sort(Comparator.comparingDouble(Fingerprint::meanAbs));
        double reach = tolerance + SUM_SLACK;
        List<Fingerprint[]> pairs = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Fingerprint a = sorted.get(i);
            for (int j = i + 1; j < sorted.size() && sorted.get(j).meanAbs - a.meanAbs <= reach; j++) {
                Fingerprint b = sorted.get(j);
                if (a.decodedFrames == b.decodedFrames && blocksWithin(a.blocks, b.blocks, reach)) {
                    boolean aFirst = DuplicateGroup.BY_PATH.compare(a.clip, b.clip) < 0;
                    pairs.add(aFirst ? new Fingerprint[] {a, b} : new Fingerprint[] {b, a});
                }
            }
        }
        return pairs;
    }

    private static boolean blocksWithin(double[] a, double[] b, double reach) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > reach) {
                return false;
            }
        }
        return true;
    }

    /** Whether the two files' samples are all within the tolerance, streaming both. */
    private boolean same(Clip a, Clip b) throws IOException, AudioDecodeException {
        try (PcmSource sa = decoder.open(a.path()); PcmSource sb = decoder.open(b.path())) {
            if (sa.info().channels() != sb.info().channels()) {
                return false;
            }
            Samples x = new Samples(sa);
            Samples y = new Samples(sb);
            while (true) {
                boolean more = x.hasNext();
                if (more != y.hasNext()) {
                    return false;
                }
                if (!more) {
                    return true;
                }
                if (!(Math.abs(x.next() - y.next()) <= tolerance)) {
                    return false;
                }
            }
        }
    }

    /** One source's interleaved samples one at a time, whatever block sizes its decoder returns. */
    private static final class Samples {
        private final PcmSource source;
        private final float[] buffer;
        private int length;
        private int position;

        Samples(PcmSource source) {
            this.source = source;
            this.buffer = new float[READ_FRAMES * source.info().channels()];
        }

        boolean hasNext() throws IOException, AudioDecodeException {
            if (position < length) {
                return true;
            }
            int frames = source.read(buffer, READ_FRAMES);
            if (frames <= 0) {
                return false;
            }
            length = frames * source.info().channels();
            position = 0;
            return true;
        }

        float next() {
            return buffer[position++];
        }
    }

    /** Groups clips connected by verified pairs. */
    private static final class UnionFind {
        private final Map<Clip, Clip> parent = new LinkedHashMap<>();

        void union(Clip a, Clip b) {
            Clip ra = find(a);
            Clip rb = find(b);
            if (ra != rb) {
                parent.put(rb, ra);
            }
        }

        Clip find(Clip c) {
            parent.putIfAbsent(c, c);
            Clip root = c;
            while (parent.get(root) != root) {
                root = parent.get(root);
            }
            return root;
        }

        List<List<Clip>> groups() {
            Map<Clip, List<Clip>> byRoot = new LinkedHashMap<>();
            for (Clip c : new ArrayList<>(parent.keySet())) {
                byRoot.computeIfAbsent(find(c), k -> new ArrayList<>()).add(c);
            }
            return new ArrayList<>(byRoot.values());
        }
    }

    /** Settings of a {@link DuplicateFinder}; every one optional. Not thread-safe. */
    public static final class Builder {
        private AudioDecoder decoder = AudioDecoder.defaults();
        private double tolerance = DEFAULT_TOLERANCE;
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /**
         * The largest difference between two corresponding samples (full scale 1.0) that still counts as the
         * same audio; default {@link #DEFAULT_TOLERANCE}; 0 for bit-identical decoded audio only.
         *
         * @throws IllegalArgumentException when negative, NaN or infinite
         */
        public Builder optTolerance(double maxSampleDifference) {
            if (!(maxSampleDifference >= 0) || Double.isInfinite(maxSampleDifference)) {
                throw new IllegalArgumentException("tolerance must be a finite number >= 0, was "
                        + maxSampleDifference);
            }
            this.tolerance = maxSampleDifference;
            return this;
        }

        /** Threads that probe and decode; default: the number of processors. */
        public Builder optThreads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + count);
            }
            this.threads = count;
            return this;
        }

        /** The decoder that reads the files (its own native rate is used; resampling does not matter here). */
        public Builder optDecoder(AudioDecoder audioDecoder) {
            this.decoder = Objects.requireNonNull(audioDecoder, "audioDecoder");
            return this;
        }

        /** The immutable finder. */
        public DuplicateFinder build() {
            return new DuplicateFinder(this);
        }
    }
}
