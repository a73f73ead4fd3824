package org.ser4j.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ser4j.core.Emotion;

/**
 * The counts table of one corpus (or of a whole dataset): what {@code ser4j data scan} prints per corpus.
 *
 * @param corpus          the corpus id, or "all"
 * @param clips           number of clips
 * @param speakers        number of distinct speakers
 * @param hours           total duration in hours (clips of unknown duration count as 0)
 * @param perEmotion      clips per emotion of the vocabulary, every emotion present as a key (0 when absent)
 * @param extraLabels     clips per corpus label that has no counterpart in the vocabulary
 * @param perGender       clips per gender, every gender present as a key
 */
public record CorpusStatistics(String corpus, int clips, int speakers, double hours, Map<Emotion, Integer> perEmotion,
        Map<String, Integer> extraLabels, Map<Gender, Integer> perGender) {

    /** The id used for the row that sums all corpora. */
    public static final String ALL = "all";

    public CorpusStatistics {
        Objects.requireNonNull(corpus, "corpus");
        perEmotion = Collections.unmodifiableMap(new LinkedHashMap<>(perEmotion));
        extraLabels = Collections.unmodifiableMap(new TreeMap<>(extraLabels));
        perGender = Collections.unmodifiableMap(new LinkedHashMap<>(perGender));
    }

    /** One row per corpus, in corpus-name order. */
    public static List<CorpusStatistics> byCorpus(Dataset dataset) {
        Map<String, List<Clip>> groups = dataset.clips().stream()
                .collect(Collectors.groupingBy(Clip::corpus, TreeMap::new, Collectors.toList()));
        return groups.entrySet().stream().map(e -> of(e.getKey(), e.getValue())).toList();
    }

    /** The whole dataset as one row named {@link #ALL}. */
    public static CorpusStatistics total(Dataset dataset) {
        return of(ALL, dataset.clips());
    }

    /** The statistics of {@code clips} under the name {@code corpus}. */
    public static CorpusStatistics of(String corpus, List<Clip> clips) {
        Map<Emotion, Integer> perEmotion = new LinkedHashMap<>();
        for (Emotion e : Emotion.values()) {
            perEmotion.put(e, 0);
        }
        Map<Gender, Integer> perGender = new LinkedHashMap<>();
        for (Gender g : Gender.values()) {
            perGender.put(g, 0);
        }
        Map<String, Integer> extra = new TreeMap<>();
        double seconds = 0;
        TreeSet<String> speakers = new TreeSet<>();
        for (Clip c : clips) {
            if (c.emotion().isPresent()) {
                perEmotion.merge(c.emotion().get(), 1, Integer::sum);
            } else {
                extra.merge(c.label(), 1, Integer::sum);
            }
            perGender.merge(c.gender(), 1, Integer::sum);
            seconds += c.durationSeconds().orElse(0);
            speakers.add(c.speaker());
        }
        return new CorpusStatistics(corpus, clips.size(), speakers.size(), seconds / 3600.0, perEmotion, extra, perGender);
    }
}
