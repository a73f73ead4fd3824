package org.ser4j.data.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.core.features.Features;

class FeatureCacheTest {

    @TempDir
    Path dir;

    private final Features features = new Features(FeatureSet.ZCR_RMS, new int[] {2, 2}, new float[] {1, 2, 3, 4},
            16000);

    @Test
    void whatIsPutIsReadBackExactly() throws IOException {
        Path audio = Files.writeString(dir.resolve("a.wav"), "pretend audio");
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        FeatureCache.Key key = FeatureCache.Key.of(audio, FeatureSet.ZCR_RMS, "config", "original");
        assertEquals(Optional.empty(), cache.get(key));
        cache.put(key, features);
        assertEquals(Optional.of(features), cache.get(key));
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file is left behind");
        }
    }

    @Test
    void aChangedFileParameterOrAugmentationIsAMiss() throws IOException {
        Path audio = Files.writeString(dir.resolve("a.wav"), "pretend audio");
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        cache.put(FeatureCache.Key.of(audio, FeatureSet.ZCR_RMS, "config", "original"), features);
        assertTrue(cache.get(FeatureCache.Key.of(audio, FeatureSet.ZCR_RMS, "other config", "original")).isEmpty());
        assertTrue(cache.get(FeatureCache.Key.of(audio, FeatureSet.ZCR_RMS, "config", "noise;copy=0")).isEmpty());
        Files.setLastModifiedTime(audio, FileTime.fromMillis(Files.getLastModifiedTime(audio).toMillis() + 5000));
        assertTrue(cache.get(FeatureCache.Key.of(audio, FeatureSet.ZCR_RMS, "config", "original")).isEmpty());
    }

    @Test
    void aDamagedEntryIsAMissAndIsReplaced() throws IOException {
        Path audio = Files.writeString(dir.resolve("a.wav"), "pretend audio");
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        FeatureCache.Key key = FeatureCache.Key.of(audio, FeatureSet.ZCR_RMS, "config", "original");
        cache.put(key, features);
        Path entry;
        try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
            entry = files.filter(p -> p.toString().endsWith(".f32")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertTrue(cache.get(key).isEmpty());
        cache.put(key, features);
        assertEquals(Optional.of(features), cache.get(key));
    }
}
