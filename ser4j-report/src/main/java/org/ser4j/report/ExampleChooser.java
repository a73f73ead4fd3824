package org.ser4j.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.ser4j.data.Clip;

/**
 * The default example clips: one per category (emotion, then extra label), deterministic, and typical rather
 * than extreme. Category {@code i} is taken from the {@code i}-th corpus (cyclically) among those that have it,
 * so the examples show several corpora, and within that corpus it is the clip whose duration is closest to the
 * median duration of the category there (clips of unknown duration last, ties by path).
 */
final class ExampleChooser {

    private ExampleChooser() {
    }

    static List<Clip> choose(List<Clip> clips, int max) {
        List<Clip> out = new ArrayList<>();
        List<Category> categories = Category.present(clips);
        for (int i = 0; i < categories.size() && out.size() < max; i++) {
            Category c = categories.get(i);
            List<Clip> candidates = clips.stream().filter(x -> Category.of(x).equals(c)).toList();
            List<String> corpora = new ArrayList<>(new TreeSet<>(candidates.stream().map(Clip::corpus).toList()));
            String corpus = corpora.get(i % corpora.size());
            List<Clip> inCorpus = candidates.stream().filter(x -> x.corpus().equals(corpus)).toList();
            out.add(typical(inCorpus));
        }
        return out;
    }

    private static Clip typical(List<Clip> clips) {
        double[] known = clips.stream().filter(c -> c.durationSeconds().isPresent())
                .mapToDouble(c -> c.durationSeconds().getAsDouble()).sorted().toArray();
        double median = known.length == 0 ? 0 : (known[(known.length - 1) / 2] + known[known.length / 2]) / 2;
        Comparator<Clip> byTypicality = Comparator
                .comparingDouble((Clip c) -> c.durationSeconds().isPresent()
                        ? Math.abs(c.durationSeconds().getAsDouble() - median) : Double.POSITIVE_INFINITY)
                .thenComparing(c -> c.path().toString());
        return clips.stream().min(byTypicality).orElseThrow();
    }
}
