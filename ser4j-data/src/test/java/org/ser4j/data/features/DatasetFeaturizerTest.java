package org.ser4j.data.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.core.Emotion;
import org.ser4j.core.augment.AugmentationPolicy;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.data.Clip;
import org.ser4j.data.Gender;
import org.ser4j.data.TinyWav;

class DatasetFeaturizerTest {

    @TempDir
    Path dir;

    private Clip clip(Path path) {
        return new Clip(path, "test", "test:1", Gender.UNKNOWN, "und", Optional.of(Emotion.SAD), "sad",
                Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalDouble.empty());
    }

    @Test
    void augmentedCopiesAreDeterministicDistinctAndCached() throws Exception {
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clips.add(clip(TinyWav.write(dir.resolve("c" + i + ".wav"), 8000 + 1000 * i)));
        }
        AugmentationPolicy policy = AugmentationPolicy.parse("gain:-6..6;noise:snr=20..30");
        DatasetFeaturizer f = DatasetFeaturizer.builder().setFeatureSet(FeatureSet.SEED162)
                .optCache(new FeatureCache(dir.resolve("cache"))).optThreads(2).build();
        AtomicInteger progress = new AtomicInteger();
        DatasetFeaturizer.Result first = f.featurize(clips, policy, 7, progress::set);
        assertEquals(3, progress.get());
        assertEquals(0, first.cacheHits());
        assertEquals(3, first.features().size());
        for (DatasetFeaturizer.ClipFeatures c : first.features()) {
            assertEquals(2, c.augmented().size());
            assertFalse(c.original().equals(c.augmented().get(0)), "a copy differs from the original");
        }
        DatasetFeaturizer.Result second = f.featurize(clips, policy, 7, n -> { });
        assertEquals(9, second.cacheHits());
        DatasetFeaturizer uncached = DatasetFeaturizer.builder().setFeatureSet(FeatureSet.SEED162).optThreads(1)
                .build();
        DatasetFeaturizer.Result third = uncached.featurize(clips, policy, 7, n -> { });
        assertEquals(first.features(), third.features(), "same seed, same copies, whatever the threads or cache");
        DatasetFeaturizer.Result otherSeed = uncached.featurize(clips, policy, 8, n -> { });
        assertFalse(first.features().equals(otherSeed.features()));
    }

    @Test
    void aClipThatCannotBeDecodedIsReportedAndTheOthersContinue() throws IOException, InterruptedException {
        Path good = TinyWav.write(dir.resolve("good.wav"), 8000);
        Path bad = Files.writeString(dir.resolve("bad.wav"), "not audio at all");
        DatasetFeaturizer.Result r = DatasetFeaturizer.builder().setFeatureSet(FeatureSet.SEED162).build()
                .featurize(List.of(clip(bad), clip(good), clip(dir.resolve("missing.wav"))), n -> { });
        assertEquals(1, r.features().size());
        assertEquals(good, r.features().get(0).clip().path());
        assertEquals(2, r.failures().size());
        assertTrue(r.failures().get(0).error().length() > 5, r.failures().get(0).error());
    }
}
