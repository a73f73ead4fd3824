package org.ser4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.ser4j.core.Emotion;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.core.features.Features;
import org.ser4j.data.Clip;
import org.ser4j.data.Gender;
import org.ser4j.data.features.DatasetFeaturizer.ClipFeatures;

class SpeakerNormalisationTest {

    private static ClipFeatures clip(String name, String speaker, float[] values, float[]... copies) {
        Clip c = new Clip(Path.of("/x", name), "c", speaker, Gender.UNKNOWN, "und", Optional.of(Emotion.SAD), "sad",
                Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalDouble.empty());
        return new ClipFeatures(c, vector(values), java.util.Arrays.stream(copies).map(SpeakerNormalisationTest::vector)
                .toList());
    }

    private static Features vector(float[] v) {
        return new Features(FeatureSet.SEED162, new int[] {v.length}, v, 16000);
    }

    @Test
    void eachSpeakerIsStandardisedByItsOwnOriginalClips() {
        Map<Path, ClipFeatures> in = new LinkedHashMap<>();
        for (ClipFeatures f : List.of(clip("a1", "A", new float[] {1, 10}, new float[] {3, 10}),
                clip("a2", "A", new float[] {3, 10}), clip("b1", "B", new float[] {100, -1}),
                clip("b2", "B", new float[] {200, -3}))) {
            in.put(f.clip().path(), f);
        }
        Map<Path, ClipFeatures> out = SpeakerNormalisation.apply(in);
        assertEquals(List.copyOf(in.keySet()), List.copyOf(out.keySet()));
        // Speaker A: mean (2, 10), std (1, 0 -> only centred).
        assertArrayEquals(new float[] {-1, 0}, out.get(Path.of("/x/a1")).original().values());
        assertArrayEquals(new float[] {1, 0}, out.get(Path.of("/x/a2")).original().values());
        assertArrayEquals(new float[] {1, 0}, out.get(Path.of("/x/a1")).augmented().get(0).values(),
                "copies use the speaker's statistics of the originals");
        assertArrayEquals(new float[] {-1, 1}, out.get(Path.of("/x/b1")).original().values());
    }

    @Test
    void frameFeaturesAreRefused() {
        Clip c = clip("a", "A", new float[] {1}).clip();
        ClipFeatures frames = new ClipFeatures(c, new Features(FeatureSet.ZCR_RMS, new int[] {1, 2}, new float[] {1, 2},
                16000), List.of());
        assertThrows(IllegalArgumentException.class, () -> SpeakerNormalisation.apply(Map.of(c.path(), frames)));
    }
}
