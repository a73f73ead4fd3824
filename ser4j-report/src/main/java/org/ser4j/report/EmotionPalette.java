package org.ser4j.report;

import java.awt.Color;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ser4j.core.Emotion;

/**
 * One colour per emotion, the same in every chart of every report, so a reader learns it once. The vocabulary
 * uses Okabe and Ito's colour-blind-safe palette (its eight colours plus their usual grey for neutral); labels
 * outside the vocabulary take colours from Paul Tol's colour-blind-safe "muted" scheme, which shares none of
 * them.
 */
public final class EmotionPalette {

    private static final Map<Emotion, Color> VOCABULARY = new EnumMap<>(Map.of(
            Emotion.NEUTRAL, new Color(0x999999),   // grey: no colour for no emotion
            Emotion.CALM, new Color(0x56B4E9),      // sky blue
            Emotion.HAPPY, new Color(0xF0E442),     // yellow
            Emotion.SAD, new Color(0x0072B2),       // blue
            Emotion.ANGRY, new Color(0xD55E00),     // vermillion
            Emotion.FEAR, new Color(0xCC79A7),      // reddish purple
            Emotion.DISGUST, new Color(0x009E73),   // bluish green
            Emotion.SURPRISE, new Color(0xE69F00),  // orange
            Emotion.BOREDOM, new Color(0x000000))); // black

    private static final List<Color> EXTRA = List.of(
            new Color(0x882255), new Color(0x999933), new Color(0x332288), new Color(0x44AA99),
            new Color(0xDDCC77), new Color(0xAA4499), new Color(0x117733), new Color(0x88CCEE),
            new Color(0xCC6677));

    private EmotionPalette() {
    }

    /** The colour of an emotion of the vocabulary. */
    public static Color of(Emotion emotion) {
        if (emotion == null) {
            throw new IllegalArgumentException("emotion must not be null");
        }
        return VOCABULARY.get(emotion);
    }

    /**
     * The colour of the {@code index}-th extra label (labels outside the vocabulary, in the order a report lists
     * them); after nine labels the colours repeat.
     */
    public static Color ofExtra(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("extra label index must be >= 0, got " + index);
        }
        return EXTRA.get(index % EXTRA.size());
    }
}
