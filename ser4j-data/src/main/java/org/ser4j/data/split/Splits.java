package org.ser4j.data.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.ser4j.data.Clip;
import org.ser4j.data.Dataset;
import org.ser4j.data.DuplicateGroup;
import org.ser4j.data.Selection;

/** What the splitters share: de-duplication, grouping, class keys, validation speakers. */
final class Splits {

    private static final Comparator<Clip> BY_PATH = Comparator.comparing(c -> c.path().toString());

    private Splits() {
    }

    /** The clips a plan is made of, and those excluded as duplicates. */
    record Prepared(List<Clip> clips, List<Clip> excluded) {
    }

    /** Clips sorted by path: the order every splitter starts from, so the input order never matters. */
    static List<Clip> sorted(List<Clip> clips) {
        List<Clip> out = new ArrayList<>(clips);
        out.sort(BY_PATH);
        return List.copyOf(out);
    }

    /**
     * The dataset's clips with one clip of each duplicate group kept, sorted by path.
     *
     * @throws IllegalArgumentException when no clip is left
     */
    static Prepared prepare(Dataset dataset, SplitConfig config) {
        Selection deduplicated = DuplicateGroup.keepOnePerGroup(dataset, config.duplicates());
        Set<Clip> kept = new HashSet<>(deduplicated.dataset().clips());
        List<Clip> excluded = dataset.clips().stream().filter(c -> !kept.contains(c)).toList();
        List<Clip> clips = sorted(deduplicated.dataset().clips());
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("cannot split an empty dataset");
        }
        return new Prepared(clips, sorted(excluded));
    }

    /** What stratification balances: the emotion, or the corpus label for clips outside the vocabulary. */
    static String classKey(Clip clip) {
        return clip.emotion().map(e -> e.label()).orElse("label:" + clip.label());
    }

    /** Clips grouped by a key, keys sorted, clips in input order. */
    static Map<String, List<Clip>> groupBy(List<Clip> clips, Function<Clip, String> key) {
        Map<String, List<Clip>> out = new TreeMap<>();
        clips.forEach(c -> out.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c));
        return out;
    }

    /** Per group, its clip count per class; classes indexed in sorted order over all clips. */
    static List<int[]> classCounts(List<List<Clip>> groups) {
        Map<String, Integer> index = new TreeMap<>();
        groups.forEach(g -> g.forEach(c -> index.putIfAbsent(classKey(c), 0)));
        int i = 0;
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            e.setValue(i++);
        }
        List<int[]> out = new ArrayList<>(groups.size());
        for (List<Clip> g : groups) {
            int[] counts = new int[index.size()];
            g.forEach(c -> counts[index.get(classKey(c))]++);
            out.add(counts);
        }
        return out;
    }

    /**
     * A fold whose test clips are {@code test} and whose training side is {@code trainSide}, with validation
     * speakers drawn from the training side ({@link #validationSpeakers}).
     */
    static Fold fold(String name, List<Clip> test, List<Clip> trainSide, double validationFraction, Random random) {
        Map<String, List<Clip>> speakers = groupBy(trainSide, Clip::speaker);
        Set<String> validation = validationSpeakers(name, speakers, validationFraction, random);
        List<Clip> train = new ArrayList<>();
        List<Clip> val = new ArrayList<>();
        for (Clip c : trainSide) {
            (validation.contains(c.speaker()) ? val : train).add(c);
        }
        return new Fold(name, train, val, test);
    }

    /**
     * The validation speakers of a fold: {@code round(fraction * n)} of its {@code n} training speakers, at least
     * one when the fraction is above 0. The first is drawn at random (so that the seed varies the validation
     * set, as it must for repeated runs); each further one is the candidate that brings the chosen set's emotion
     * proportions closest (L1) to the training side's, candidates taken in the seeded shuffled order so that
     * ties fall by the seed.
     *
     * @throws IllegalArgumentException when no training speaker would be left
     */
    static Set<String> validationSpeakers(String foldName, Map<String, List<Clip>> speakers, double fraction,
            Random random) {
        if (fraction == 0) {
            return Set.of();
        }
        int n = Math.max(1, (int) Math.round(fraction * speakers.size()));
        if (n >= speakers.size()) {
            throw new IllegalArgumentException("fold " + foldName + " has " + speakers.size()
                    + " training speakers: a validation fraction of " + fraction + " takes " + n
                    + " of them and leaves none to train on (use a validation fraction of 0 for no validation)");
        }
        List<String> ids = new ArrayList<>(speakers.keySet());
        List<int[]> counts = classCounts(ids.stream().map(speakers::get).toList());
        Map<String, int[]> countsById = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            countsById.put(ids.get(i), counts.get(i));
        }
        int classes = counts.get(0).length;
        double[] target = new double[classes];
        counts.forEach(cnt -> {
            for (int j = 0; j < classes; j++) {
                target[j] += cnt[j];
            }
        });
        normalise(target);
        List<String> candidates = new ArrayList<>(ids);
        Collections.shuffle(candidates, random);
        double[] chosen = new double[classes];
        Set<String> out = new HashSet<>();
        double[] trial = new double[classes];
        for (int step = 0; step < n; step++) {
            String best = step == 0 ? candidates.get(0) : null;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (String id : step == 0 ? List.<String>of() : candidates) {
                int[] cnt = countsById.get(id);
                for (int j = 0; j < classes; j++) {
                    trial[j] = chosen[j] + cnt[j];
                }
                normalise(trial);
                double distance = 0;
                for (int j = 0; j < classes; j++) {
                    distance += Math.abs(trial[j] - target[j]);
                }
                if (distance < bestDistance - 1e-12) {
                    bestDistance = distance;
                    best = id;
                }
            }
            candidates.remove(best);
            out.add(best);
            int[] cnt = countsById.get(best);
            for (int j = 0; j < classes; j++) {
                chosen[j] += cnt[j];
            }
        }
        return out;
    }

    private static void normalise(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        if (sum > 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] /= sum;
            }
        }
    }

    /** A parameter value as plans show it: integers without a decimal point. */
    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** Parameters in insertion order. */
    static Map<String, String> parameters(String... keyValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put(keyValues[i], keyValues[i + 1]);
        }
        return out;
    }
}
