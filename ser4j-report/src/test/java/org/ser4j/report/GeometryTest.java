package org.ser4j.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.ser4j.core.Emotion;
import org.ser4j.data.Clip;
import org.ser4j.data.Gender;

/** The arithmetic behind the pictures: ticks, waveform envelopes, histogram bins, categories and colours. */
class GeometryTest {

    @Test
    void ticksUseRoundSteps() {
        Ticks t = Ticks.of(0, 10, 6);
        assertEquals(2, t.step(), 1e-12);
        assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0, 10.0), t.values());
        Ticks db = Ticks.of(-83.2, 3.1, 6);
        assertEquals(20, db.step(), 1e-12);
        assertEquals(List.of(-80.0, -60.0, -40.0, -20.0, 0.0), db.values());
        Ticks fine = Ticks.of(0, 1.2, 6);
        assertEquals(0.25, fine.step(), 1e-12);
        assertEquals("0.25", fine.format(0.25));
        assertEquals("0.00", fine.format(-1e-17));
    }

    @Test
    void envelopeKeepsEveryColumnsExtremes() {
        float[] s = new float[16_000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.sin(i * 0.3) * (i < 8000 ? 0.2f : 0.9f);
        }
        s[12_345] = -1f;
        Envelope e = Envelope.of(s, 16_000, 100);
        assertEquals(200, e.values().length);
        assertEquals(1.0, e.peak(), 1e-6);
        assertEquals(1.0, e.durationSeconds(), 1e-12);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : e.values()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(-1.0, min, 1e-6);
        assertEquals(0.9, max, 1e-3);
        for (int i = 1; i < e.times().length; i++) {
            assertTrue(e.times()[i] >= e.times()[i - 1], "time runs forward");
        }
    }

    @Test
    void envelopeOfAShortSignalIsTheSignal() {
        float[] s = {0.1f, -0.2f, 0.3f};
        Envelope e = Envelope.of(s, 10, 100);
        assertArrayEquals(new double[] {0, 0.1, 0.2}, e.times(), 1e-12);
        assertArrayEquals(new double[] {0.1f, -0.2f, 0.3f}, e.values(), 1e-12);
    }

    @Test
    void histogramBinsEveryKnownDurationAndCountsTheUnknown() {
        List<Clip> clips = new ArrayList<>();
        double[] d = {1.01, 1.5, 2.0, 2.0, 3.7, 4.99};
        for (double x : d) {
            clips.add(clip("angry", OptionalDouble.of(x)));
        }
        clips.add(clip("angry", OptionalDouble.empty()));
        DurationHistogram h = DurationHistogram.of(clips);
        assertEquals(6, h.known());
        assertEquals(1, h.unknown());
        assertEquals(6, java.util.Arrays.stream(h.counts()).sum());
        assertTrue(h.edges()[0] <= 1.01 && h.edges()[h.edges().length - 1] > 4.99);
        double width = h.edges()[1] - h.edges()[0];
        assertEquals(0.1, width, 1e-9, "at most about 60 bins of a round width over 4 s");
        assertTrue(h.counts().length <= 61);
        assertEquals(1.01, h.min(), 1e-12);
        assertEquals(2.0, h.median(), 1e-12);
        assertEquals(4.99, h.max(), 1e-12);
    }

    @Test
    void extraLabelsAreCategoriesAfterTheVocabularyWithTheirOwnColours() {
        List<Clip> clips = List.of(clip("sad", OptionalDouble.empty()), clip("anxious", OptionalDouble.empty()),
                clip("angry", OptionalDouble.empty()), clip("bored-ish", OptionalDouble.empty()));
        List<Category> cats = Category.present(clips);
        assertEquals(List.of("sad", "angry", "anxious", "bored-ish"), cats.stream().map(Category::name).toList());
        var colours = Category.colours(cats);
        assertEquals(EmotionPalette.of(Emotion.SAD), colours.get(cats.get(0)));
        assertEquals(EmotionPalette.ofExtra(0), colours.get(cats.get(2)));
        assertEquals(EmotionPalette.ofExtra(1), colours.get(cats.get(3)));
        assertEquals(cats.size(), colours.values().stream().distinct().count(), "no two categories share a colour");
    }

    @Test
    void everyEmotionHasItsOwnColour() {
        assertEquals(Emotion.values().length, java.util.Arrays.stream(Emotion.values()).map(EmotionPalette::of)
                .distinct().count());
    }

    private static Clip clip(String label, OptionalDouble seconds) {
        return new Clip(Path.of("/x/" + label + ".wav"), "C", "C:1", Gender.FEMALE, "en", Emotion.parse(label), label,
                Optional.empty(), Optional.empty(), OptionalInt.empty(), seconds);
    }
}
