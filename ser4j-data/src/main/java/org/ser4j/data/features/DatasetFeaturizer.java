package org.ser4j.data.features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.Ser4jException;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.augment.AugmentationPolicy;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.core.features.FeatureExtractor;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.core.features.Features;
import org.ser4j.data.Clip;

/**
 * Decodes clips and computes one feature set for each, plus the features of augmented copies when asked, in
 * parallel and through an optional {@link FeatureCache}. The augmented copies of a clip depend only on the
 * clip (corpus, speaker, file name), the policy and the seed, never on the fold, the thread or the folder, so
 * one cache serves every fold of every protocol, and augmentation is applied where the caller puts it: on training clips only, after the split.
 *
 * <p>A clip that cannot be decoded is reported in {@link Result#failures()} and left out; the others continue.
 */
public final class DatasetFeaturizer {

    private final FeatureExtractor extractor;
    private final AudioDecoder decoder;
    private final int sampleRate;
    private final Optional<FeatureCache> cache;
    private final int threads;

    private DatasetFeaturizer(Builder b) {
        this.extractor = FeatureExtractor.of(b.set, b.config);
        this.sampleRate = b.sampleRate;
        this.decoder = AudioDecoder.builder().optTargetSampleRate(b.sampleRate).build();
        this.cache = Optional.ofNullable(b.cache);
        this.threads = b.threads;
    }

    /** A builder; the feature set is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One clip's features.
     *
     * @param clip      the clip
     * @param original  its features
     * @param augmented the features of its augmented copies, in copy order (empty without augmentation)
     */
    public record ClipFeatures(Clip clip, Features original, List<Features> augmented) {
        public ClipFeatures {
            Objects.requireNonNull(clip, "clip");
            Objects.requireNonNull(original, "original");
            augmented = List.copyOf(augmented);
        }
    }

    /**
     * A clip that could not be featurised.
     *
     * @param clip  the clip
     * @param error what went wrong, for a person
     */
    public record Failure(Clip clip, String error) {
    }

    /**
     * The outcome.
     *
     * @param features  the clips that worked, in input order
     * @param failures  the clips that did not
     * @param cacheHits entries read from the cache rather than computed
     */
    public record Result(List<ClipFeatures> features, List<Failure> failures, int cacheHits) {
        public Result {
            features = List.copyOf(features);
            failures = List.copyOf(failures);
        }
    }

    /**
     * Featurises clips without augmentation.
     *
     * @param progress called with the number of clips done so far, from worker threads
     */
    public Result featurize(List<Clip> clips, IntConsumer progress) throws InterruptedException {
        return featurize(clips, AugmentationPolicy.NONE, 0, progress);
    }

    /**
     * Featurises clips and {@code policy.copies()} augmented copies of each.
     *
     * @param policy   the augmentation; {@link AugmentationPolicy#NONE} for none
     * @param seed     the augmentation seed; each clip's copies use a seed derived from it and the clip's corpus,
     *                 speaker and file name
     * @param progress called with the number of clips done so far, from worker threads
     * @throws InterruptedException if interrupted while waiting for the workers
     */
    public Result featurize(List<Clip> clips, AugmentationPolicy policy, long seed, IntConsumer progress)
            throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger hits = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ser4j-featurize");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Clip clip : clips) {
                futures.add(pool.submit(() -> {
                    try {
                        return one(clip, policy, seed, hits);
                    } catch (IOException | Ser4jException | IllegalArgumentException e) {
                        return new Failure(clip, e.getMessage() == null ? e.toString() : e.getMessage());
                    } finally {
                        progress.accept(done.incrementAndGet());
                    }
                }));
            }
            List<ClipFeatures> ok = new ArrayList<>();
            List<Failure> failed = new ArrayList<>();
            for (Future<Object> f : futures) {
                Object r = f.get();
                if (r instanceof ClipFeatures c) {
                    ok.add(c);
                } else {
                    failed.add((Failure) r);
                }
            }
            return new Result(ok, failed, hits.get());
        } catch (ExecutionException e) {
            throw new IllegalStateException("feature extraction failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private ClipFeatures one(Clip clip, AugmentationPolicy policy, long seed, AtomicInteger hits)
            throws IOException, Ser4jException {
        String parameters = extractor.config() + ";sr=" + sampleRate;
        List<FeatureCache.Key> keys = new ArrayList<>();
        FeatureCache.Key original = FeatureCache.Key.of(clip.path(), extractor.set(), parameters, "original");
        keys.add(original);
        // Seeded by what the clip is, not where it lies, so that a corpus moved elsewhere gives the same copies.
        long clipSeed = seed ^ mix(clip.corpus() + '/' + clip.speaker() + '/' + clip.path().getFileName());
        for (int c = 0; c < policy.copies(); c++) {
            keys.add(original.withAugmentation(policy.spec() + ";seed=" + clipSeed + ";copy=" + c));
        }
        List<Features> out = new ArrayList<>();
        PcmAudio audio = null;
        for (int i = 0; i < keys.size(); i++) {
            FeatureCache.Key key = keys.get(i);
            Optional<Features> cached = cache.flatMap(c -> c.get(key));
            if (cached.isPresent()) {
                hits.incrementAndGet();
                out.add(cached.get());
                continue;
            }
            if (audio == null) {
                audio = decoder.decode(clip.path());
            }
            PcmAudio input = i == 0 ? audio : policy.apply(audio, clipSeed, i - 1);
            Features f = extractor.extract(input);
            if (cache.isPresent()) {
                cache.get().put(key, f);
            }
            out.add(f);
        }
        return new ClipFeatures(clip, out.get(0), out.subList(1, out.size()));
    }

    /** A 64-bit hash of a string (FNV-1a), stable across runs and JVMs unlike {@link String#hashCode()}'s spread. */
    private static long mix(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Builds a {@link DatasetFeaturizer}. */
    public static final class Builder {
        private FeatureSet set;
        private FeatureConfig config = FeatureConfig.defaults();
        private int sampleRate = 16000;
        private FeatureCache cache;
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /** The feature set to compute (required). */
        public Builder setFeatureSet(FeatureSet value) {
            set = value;
            return this;
        }

        /** Its parameters; default {@link FeatureConfig#defaults()}. */
        public Builder optFeatureConfig(FeatureConfig value) {
            config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** The analysis rate clips are resampled to; default 16,000 Hz. */
        public Builder optSampleRate(int hz) {
            if (hz <= 0) {
                throw new IllegalArgumentException("sample rate must be positive, was " + hz);
            }
            sampleRate = hz;
            return this;
        }

        /** A cache to read from and write to; default none. */
        public Builder optCache(FeatureCache value) {
            cache = value;
            return this;
        }

        /** Worker threads; default the available processors. */
        public Builder optThreads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + value);
            }
            threads = value;
            return this;
        }

        /**
         * The featurizer.
         *
         * @throws IllegalArgumentException if no feature set was given
         */
        public DatasetFeaturizer build() {
            if (set == null) {
                throw new IllegalArgumentException("a feature set is required");
            }
            return new DatasetFeaturizer(this);
        }
    }
}
