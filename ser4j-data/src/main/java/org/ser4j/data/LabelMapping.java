package org.ser4j.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.ser4j.core.Emotion;

/**
 * Relabelling of a dataset: emotions mapped onto others ({@code calm=neutral}), corpus labels outside the
 * vocabulary given an emotion ({@code excited=happy} for JL-Corpus), emotions dropped ({@code boredom}), and
 * clips whose label stays outside the vocabulary dropped (the default) or kept.
 *
 * <p>Each clip is relabelled once, not transitively: {@code calm=neutral,neutral=calm} swaps the two. A corpus
 * label mapping applies only to clips with no emotion of the vocabulary, matched ignoring case; the corpus label
 * itself is always kept on the clip. Drops apply after mapping, to the mapped emotion.
 *
 * <p>String forms, as on the command line: {@code --map calm=neutral,excited=happy} (the left side an emotion of
 * the vocabulary or synonym, else a corpus label; the right side an emotion) and {@code --drop boredom,calm}.
 *
 * @param emotions    emotion to emotion
 * @param labels      corpus label (lower case) to emotion, for clips with no emotion of the vocabulary
 * @param dropped     emotions whose clips are removed, after mapping
 * @param extraLabels what to do with clips left without an emotion of the vocabulary
 */
public record LabelMapping(Map<Emotion, Emotion> emotions, Map<String, Emotion> labels, Set<Emotion> dropped,
        ExtraLabels extraLabels) {

    /** The treatment of clips whose label, after mapping, has no counterpart in the vocabulary. */
    public enum ExtraLabels {
        /** Remove them, counted as {@link RemovalReason#NOT_IN_VOCABULARY} (the default: nothing can learn them). */
        DROP,
        /** Keep them (for reports that show a corpus's own labels). */
        KEEP
    }

    /** No mapping, no drop; clips outside the vocabulary dropped. */
    public static final LabelMapping NONE = builder().build();

    public LabelMapping {
        Objects.requireNonNull(extraLabels, "extraLabels");
        emotions = emotions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(emotions));
        Map<String, Emotion> lower = new TreeMap<>();
        labels.forEach((label, emotion) -> {
            if (label.isBlank()) {
                throw new IllegalArgumentException("blank corpus label in a mapping");
            }
            lower.put(label.strip().toLowerCase(Locale.ROOT), Objects.requireNonNull(emotion, "emotion"));
        });
        labels = Collections.unmodifiableMap(lower);
        dropped = dropped.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(dropped));
        for (Emotion e : dropped) {
            if (emotions.containsKey(e)) {
                throw new IllegalArgumentException(e.label() + " is both mapped (" + e.label() + "="
                        + emotions.get(e).label() + ") and dropped; drops apply to the mapped emotion");
            }
        }
    }

    /** A builder with no mapping and no drop. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Relabels every clip, then removes the dropped emotions and (by default) the clips left outside the
     * vocabulary.
     *
     * @return the relabelled clips kept (input order), counts removed ({@link RemovalReason#EMOTION_DROPPED},
     *         {@link RemovalReason#NOT_IN_VOCABULARY}), and notes: how many clips each mapping relabelled, and
     *         mappings that matched no clip
     */
    public Selection apply(Dataset dataset) {
        Map<String, Integer> applied = new LinkedHashMap<>();
        Map<RemovalReason, Integer> removed = new EnumMap<>(RemovalReason.class);
        Map<String, Integer> extraDropped = new TreeMap<>();
        List<Clip> kept = new ArrayList<>();
        for (Clip clip : dataset.clips()) {
            Optional<Emotion> mapped = clip.emotion();
            if (mapped.isPresent() && emotions.containsKey(mapped.get())) {
                Emotion from = mapped.get();
                mapped = Optional.of(emotions.get(from));
                applied.merge(from.label() + "=" + mapped.get().label(), 1, Integer::sum);
            } else if (mapped.isEmpty()) {
                String label = clip.label().strip().toLowerCase(Locale.ROOT);
                if (labels.containsKey(label)) {
                    mapped = Optional.of(labels.get(label));
                    applied.merge(label + "=" + mapped.get().label(), 1, Integer::sum);
                }
            }
            if (mapped.isPresent() && dropped.contains(mapped.get())) {
                removed.merge(RemovalReason.EMOTION_DROPPED, 1, Integer::sum);
            } else if (mapped.isEmpty() && extraLabels == ExtraLabels.DROP) {
                removed.merge(RemovalReason.NOT_IN_VOCABULARY, 1, Integer::sum);
                extraDropped.merge(clip.label(), 1, Integer::sum);
            } else {
                kept.add(mapped.equals(clip.emotion()) ? clip : clip.withEmotion(mapped));
            }
        }
        List<String> notes = new ArrayList<>();
        emotions.forEach((from, to) -> notes.add(note(from.label() + "=" + to.label(), applied)));
        labels.forEach((from, to) -> notes.add(note(from + "=" + to.label(), applied)));
        if (!extraDropped.isEmpty()) {
            StringJoiner which = new StringJoiner(", ");
            extraDropped.forEach((label, n) -> which.add(n + " '" + label + "'"));
            notes.add("dropped clips whose label is not in the vocabulary: " + which);
        }
        return new Selection(new Dataset(kept, dataset.unrecognised()), removed, notes);
    }

    private static String note(String mapping, Map<String, Integer> applied) {
        int n = applied.getOrDefault(mapping, 0);
        return n == 0 ? "mapping " + mapping + " matched no clip" : "mapping " + mapping + " relabelled " + n + " clips";
    }

    /** The mapping in its command-line form, e.g. {@code "--map calm=neutral,excited=happy --drop boredom"}. */
    @Override
    public String toString() {
        StringJoiner maps = new StringJoiner(",");
        emotions.forEach((from, to) -> maps.add(from.label() + "=" + to.label()));
        labels.forEach((from, to) -> maps.add(from + "=" + to.label()));
        StringJoiner s = new StringJoiner(" ");
        if (maps.length() > 0) {
            s.add("--map " + maps);
        }
        if (!dropped.isEmpty()) {
            StringJoiner drops = new StringJoiner(",");
            dropped.forEach(e -> drops.add(e.label()));
            s.add("--drop " + drops);
        }
        if (extraLabels == ExtraLabels.KEEP) {
            s.add("--keep-extra-labels");
        }
        return s.toString();
    }

    /** Builds a {@link LabelMapping}. Not thread-safe. */
    public static final class Builder {
        private final Map<Emotion, Emotion> emotions = new EnumMap<>(Emotion.class);
        private final Map<String, Emotion> labels = new LinkedHashMap<>();
        private final Set<Emotion> dropped = EnumSet.noneOf(Emotion.class);
        private ExtraLabels extraLabels = ExtraLabels.DROP;

        private Builder() {
        }

        /**
         * Relabel clips of emotion {@code from} as {@code to}.
         *
         * @throws IllegalArgumentException when {@code from} is already mapped elsewhere
         */
        public Builder map(Emotion from, Emotion to) {
            Emotion old = emotions.putIfAbsent(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
            if (old != null && old != to) {
                throw new IllegalArgumentException(from.label() + " is mapped twice, to " + old.label() + " and to "
                        + to.label());
            }
            return this;
        }

        /**
         * Give clips with no emotion of the vocabulary and corpus label {@code corpusLabel} (ignoring case) the
         * emotion {@code to}, e.g. JL-Corpus's {@code excited} as {@code happy}.
         *
         * @throws IllegalArgumentException when the label is already mapped elsewhere
         */
        public Builder mapLabel(String corpusLabel, Emotion to) {
            String key = corpusLabel.strip().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("blank corpus label in a mapping");
            }
            Emotion old = labels.putIfAbsent(key, Objects.requireNonNull(to, "to"));
            if (old != null && old != to) {
                throw new IllegalArgumentException(key + " is mapped twice, to " + old.label() + " and to "
                        + to.label());
            }
            return this;
        }

        /**
         * Mappings in their command-line form, comma-separated: {@code "calm=neutral,excited=happy"}. A left side
         * that names an emotion (or synonym) maps that emotion; any other left side is a corpus label.
         *
         * @throws IllegalArgumentException "invalid mapping 'calm'; expected FROM=TO ..." or "unknown emotion
         *                                  'x' in mapping 'calm=x'; expected one of neutral, calm, ..."
         */
        public Builder map(String commaSeparated) {
            for (String item : Specs.items(commaSeparated, "mappings")) {
                int eq = item.indexOf('=');
                if (eq <= 0 || eq == item.length() - 1 || item.indexOf('=', eq + 1) >= 0) {
                    throw new IllegalArgumentException("invalid mapping '" + item
                            + "'; expected FROM=TO such as calm=neutral or excited=happy");
                }
                String from = item.substring(0, eq).strip();
                String toText = item.substring(eq + 1).strip();
                Emotion to = Emotion.parse(toText).orElseThrow(() -> new IllegalArgumentException(
                        "unknown emotion '" + toText + "' in mapping '" + item + "'; expected one of "
                                + Specs.vocabulary()));
                Optional<Emotion> fromEmotion = Emotion.parse(from);
                if (fromEmotion.isPresent()) {
                    map(fromEmotion.get(), to);
                } else {
                    mapLabel(from, to);
                }
            }
            return this;
        }

        /** Remove clips of this emotion (after mapping). */
        public Builder drop(Emotion emotion) {
            dropped.add(Objects.requireNonNull(emotion, "emotion"));
            return this;
        }

        /**
         * Emotions to drop, comma-separated: {@code "boredom"}, {@code "boredom,calm"}.
         *
         * @throws IllegalArgumentException "unknown emotion 'x'; expected one of neutral, calm, ..."
         */
        public Builder drop(String commaSeparated) {
            Specs.items(commaSeparated, "emotions to drop").forEach(e -> drop(Specs.emotion(e)));
            return this;
        }

        /** What to do with clips left without an emotion of the vocabulary; default {@code DROP}. */
        public Builder optExtraLabels(ExtraLabels treatment) {
            this.extraLabels = Objects.requireNonNull(treatment, "treatment");
            return this;
        }

        /**
         * The immutable mapping.
         *
         * @throws IllegalArgumentException when an emotion is both mapped and dropped
         */
        public LabelMapping build() {
            return new LabelMapping(emotions, labels, dropped, extraLabels);
        }
    }
}
