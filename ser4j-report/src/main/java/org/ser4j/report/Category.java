package org.ser4j.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.ser4j.core.Emotion;
import org.ser4j.data.Clip;

/**
 * What a chart counts a clip under: its emotion of the vocabulary, or, when it has none, the corpus's own label
 * as an extra category (so clips outside the vocabulary are shown, never dropped).
 *
 * @param emotion the vocabulary emotion; empty for an extra label
 * @param name    the name shown: the emotion's label, or the extra label
 */
record Category(Optional<Emotion> emotion, String name) {

    Category {
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(name, "name");
    }

    /** The name in charts: extra labels are marked, so nobody takes them for emotions of the vocabulary. */
    String chartName() {
        return emotion.isPresent() ? name : name + " (extra)";
    }

    static Category of(Clip clip) {
        return clip.emotion().map(e -> new Category(Optional.of(e), e.label()))
                .orElseGet(() -> new Category(Optional.empty(), clip.label()));
    }

    /** The categories of {@code clips}: vocabulary emotions in vocabulary order, then extra labels by name. */
    static List<Category> present(Collection<Clip> clips) {
        TreeSet<Emotion> emotions = new TreeSet<>();
        TreeSet<String> extras = new TreeSet<>();
        for (Clip c : clips) {
            if (c.emotion().isPresent()) {
                emotions.add(c.emotion().get());
            } else {
                extras.add(c.label());
            }
        }
        List<Category> out = new ArrayList<>();
        emotions.forEach(e -> out.add(new Category(Optional.of(e), e.label())));
        extras.forEach(x -> out.add(new Category(Optional.empty(), x)));
        return out;
    }

    /**
     * The colour of each category: {@link EmotionPalette#of} for emotions, and {@link EmotionPalette#ofExtra}
     * by position among the extra labels of {@code categories}, so one report colours a label the same everywhere.
     */
    static Map<Category, Color> colours(List<Category> categories) {
        Map<Category, Color> out = new LinkedHashMap<>();
        int extra = 0;
        for (Category c : categories) {
            out.put(c, c.emotion().isPresent() ? EmotionPalette.of(c.emotion().get()) : EmotionPalette.ofExtra(extra++));
        }
        return out;
    }
}
