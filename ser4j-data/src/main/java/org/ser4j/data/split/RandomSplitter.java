package org.ser4j.data.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.ser4j.data.Clip;
import org.ser4j.data.Dataset;

/**
 * {@link Protocol#RANDOM}, the brief's split, kept only to compare with the brief's numbers: one fold, named
 * "random", of clips drawn at random whatever their speaker, so the same speakers are in train and test and the
 * accuracy it gives is inflated. The plan says "speaker-dependent: for comparison with the brief only".
 *
 * <p>Test: {@code round(t * n)} clips (default t = 30 %), stratified by emotion; validation: {@code round(v *
 * training clips)} of the rest (default v = 5 %), stratified likewise. Per class, the clips (in path order) are
 * shuffled with the seed and the first ones taken; how many per class is apportioned by largest remainder (ties
 * to the class first in sorted order), so the totals are exact.
 */
public final class RandomSplitter implements Splitter {

    private final SplitConfig config;

    /** A splitter with {@code config}'s seed, test and validation fractions and duplicate groups. */
    public RandomSplitter(SplitConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public SplitPlan split(Dataset dataset) {
        Splits.Prepared prepared = Splits.prepare(dataset, config);
        double testFraction = config.testFraction().orElse(SplitConfig.DEFAULT_RANDOM_TEST_FRACTION);
        double validationFraction = config.validationFractionOr(SplitConfig.DEFAULT_RANDOM_VALIDATION_FRACTION);
        Random random = new Random(config.seed());
        List<Clip> train = new ArrayList<>();
        List<Clip> test = new ArrayList<>();
        draw(prepared.clips(), testFraction, random, test, train);
        List<Clip> fit = new ArrayList<>();
        List<Clip> validation = new ArrayList<>();
        draw(train, validationFraction, random, validation, fit);
        Fold fold = new Fold("random", fit, validation, test);
        return new SplitPlan(Protocol.RANDOM, config.seed(), Splits.parameters("testFraction",
                Splits.format(testFraction), "validationFraction", Splits.format(validationFraction)), false,
                List.of(fold), prepared.excluded());
    }

    /** Moves a stratified random {@code fraction} of {@code clips} to {@code drawn}, the rest to {@code kept}. */
    private static void draw(List<Clip> clips, double fraction, Random random, List<Clip> drawn, List<Clip> kept) {
        Map<String, List<Clip>> byClass = Splits.groupBy(Splits.sorted(clips), Splits::classKey);
        List<List<Clip>> classes = new ArrayList<>(byClass.values());
        int[] sizes = classes.stream().mapToInt(List::size).toArray();
        int[] take = apportion(sizes, fraction);
        for (int i = 0; i < classes.size(); i++) {
            List<Clip> shuffled = new ArrayList<>(classes.get(i));
            Collections.shuffle(shuffled, random);
            drawn.addAll(shuffled.subList(0, take[i]));
            kept.addAll(shuffled.subList(take[i], shuffled.size()));
        }
    }

    /**
     * How many of each class to take so that the total is {@code round(fraction * sum)}: each class its floor,
     * the remaining ones to the largest remainders.
     */
    static int[] apportion(int[] sizes, double fraction) {
        int total = 0;
        for (int s : sizes) {
            total += s;
        }
        int target = (int) Math.round(fraction * total);
        int[] take = new int[sizes.length];
        double[] remainder = new double[sizes.length];
        int sum = 0;
        for (int i = 0; i < sizes.length; i++) {
            double exact = fraction * sizes[i];
            take[i] = (int) Math.floor(exact);
            remainder[i] = exact - take[i];
            sum += take[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int k = 0; sum < target && k < order.size(); k++) {
            int i = order.get(k);
            if (take[i] < sizes[i]) {
                take[i]++;
                sum++;
            }
        }
        return take;
    }
}
