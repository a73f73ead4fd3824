package org.ser4j.data.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.ser4j.core.Emotion;
import org.ser4j.data.Clip;
import org.ser4j.data.Dataset;
import org.ser4j.data.DuplicateGroup;
import org.ser4j.data.TestClips;

/** Properties every plan must have, checked over many seeds and datasets. */
class SplitPropertiesTest {

    private static final int SEEDS = 25;

    /** Four corpora of 6 speakers, 6 emotions in uneven numbers, and duplicates across speakers and corpora. */
    static Dataset withDuplicates(long seed) {
        List<Clip> clips = new ArrayList<>(TestClips.synthetic(4, 6, 6, 1, 9, seed).clips());
        clips.add(TestClips.clip("C0", "C0:0", Emotion.HAPPY, "dup-original"));
        clips.add(TestClips.clip("C1", "C1:3", Emotion.HAPPY, "dup-copy"));
        clips.add(TestClips.clip("C3", "C3:5", Emotion.SAD, "dup-copy-2"));
        clips.add(TestClips.clip("C2", "C2:1", Emotion.ANGRY, "dup-b1"));
        clips.add(TestClips.clip("C2", "C2:4", Emotion.ANGRY, "dup-b2"));
        return Dataset.of(clips);
    }

    static List<DuplicateGroup> duplicates(Dataset d) {
        Map<String, Clip> byName = new HashMap<>();
        d.clips().forEach(c -> byName.put(c.path().getFileName().toString(), c));
        return List.of(
                new DuplicateGroup(List.of(byName.get("dup-original.wav"), byName.get("dup-copy.wav"),
                        byName.get("dup-copy-2.wav"))),
                new DuplicateGroup(List.of(byName.get("dup-b1.wav"), byName.get("dup-b2.wav"))));
    }

    static Stream<Arguments> speakerIndependentRuns() {
        return Stream.of(Protocol.values()).filter(Protocol::speakerIndependent)
                .flatMap(p -> Stream.iterate(0L, s -> s + 1).limit(SEEDS).map(s -> Arguments.of(p, s)));
    }

    private static SplitPlan plan(Protocol protocol, long seed) {
        Dataset d = withDuplicates(seed);
        return protocol.splitter(SplitConfig.builder().optSeed(seed).optDuplicates(duplicates(d)).build()).split(d);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("speakerIndependentRuns")
    void noSpeakerCrossesTrainValidationAndTestOfAFold(Protocol protocol, long seed) {
        SplitPlan plan = plan(protocol, seed);
        assertTrue(plan.speakerIndependent());
        for (Fold f : plan.folds()) {
            Map<String, Role> roleOf = new HashMap<>();
            for (Role r : List.of(Role.TRAIN, Role.VALIDATION, Role.TEST)) {
                for (Clip c : f.clips(r)) {
                    Role before = roleOf.putIfAbsent(c.speaker(), r);
                    assertTrue(before == null || before == r, c.speaker() + " in " + before + " and " + r
                            + " of " + f.name());
                }
            }
            assertFalse(f.validation().isEmpty(), "validation speakers are drawn in " + f.name());
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("speakerIndependentRuns")
    void noDuplicateIsOnTwoSidesAndEachFoldUsesEveryKeptClip(Protocol protocol, long seed) {
        Dataset d = withDuplicates(seed);
        SplitPlan plan = plan(protocol, seed);
        Set<Clip> excluded = new HashSet<>(plan.excluded());
        assertEquals(3, excluded.size(), "2 copies of one group and 1 of the other are left out");
        for (DuplicateGroup g : duplicates(d)) {
            for (Fold f : plan.folds()) {
                long sides = Stream.of(f.train(), f.validation(), f.test())
                        .filter(part -> part.stream().anyMatch(g.clips()::contains)).count();
                assertTrue(sides <= 1, "duplicate group on " + sides + " sides of " + f.name());
            }
        }
        for (Fold f : plan.folds()) {
            Set<Clip> used = new HashSet<>();
            Stream.of(f.train(), f.validation(), f.test()).forEach(used::addAll);
            assertEquals(d.size() - excluded.size(), used.size());
            assertTrue(Collections.disjoint(used, excluded));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Protocol.class, names = {"SPEAKER_KFOLD", "LEAVE_ONE_SPEAKER_OUT", "LEAVE_ONE_CORPUS_OUT"})
    void everyKeptClipIsInExactlyOneTestFold(Protocol protocol) {
        for (long seed = 0; seed < SEEDS; seed++) {
            Dataset d = withDuplicates(seed);
            SplitPlan plan = plan(protocol, seed);
            Map<Clip, Integer> tested = new HashMap<>();
            plan.folds().forEach(f -> f.test().forEach(c -> tested.merge(c, 1, Integer::sum)));
            for (Clip c : d.clips()) {
                int expected = plan.excluded().contains(c) ? 0 : 1;
                assertEquals(expected, tested.getOrDefault(c, 0), c.path() + " with seed " + seed);
            }
        }
    }

    @Test
    void foldCountsFollowTheProtocol() {
        assertEquals(5, plan(Protocol.SPEAKER_KFOLD, 1).folds().size());
        assertEquals(24, plan(Protocol.LEAVE_ONE_SPEAKER_OUT, 1).folds().size());
        assertEquals(List.of("C0", "C1", "C2", "C3"),
                plan(Protocol.LEAVE_ONE_CORPUS_OUT, 1).folds().stream().map(Fold::name).toList());
        assertEquals("C0:0", plan(Protocol.LEAVE_ONE_SPEAKER_OUT, 1).folds().get(0).name());
        assertEquals(Set.of("C2"), plan(Protocol.LEAVE_ONE_CORPUS_OUT, 1).folds().get(2).test().stream()
                .map(Clip::corpus).collect(java.util.stream.Collectors.toSet()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Protocol.class)
    void sameSeedGivesTheSamePlanWhateverTheInputOrderAndAnotherSeedAnother(Protocol protocol) {
        Dataset d = withDuplicates(7);
        List<Clip> shuffled = new ArrayList<>(d.clips());
        Collections.shuffle(shuffled, new Random(99));
        SplitConfig config = SplitConfig.builder().optSeed(11).optDuplicates(duplicates(d)).build();
        SplitPlan a = protocol.splitter(config).split(d);
        SplitPlan b = protocol.splitter(config).split(Dataset.of(shuffled));
        assertEquals(a, b);
        assertEquals(a.toCsv(), b.toCsv());
        SplitPlan other = protocol.splitter(SplitConfig.builder().optSeed(12).optDuplicates(duplicates(d)).build())
                .split(d);
        assertFalse(a.folds().equals(other.folds()), "seeds 11 and 12 give the same folds");
    }

    /** Largest difference between a part's emotion proportions and the whole's. */
    static double worstDeviation(List<Clip> part, List<Clip> all) {
        double worst = 0;
        for (Emotion e : Emotion.values()) {
            double p = part.stream().filter(c -> c.emotion().orElseThrow() == e).count() / (double) part.size();
            double q = all.stream().filter(c -> c.emotion().orElseThrow() == e).count() / (double) all.size();
            worst = Math.max(worst, Math.abs(p - q));
        }
        return worst;
    }

    @Test
    void speakerFoldsKeepTheEmotionProportionsOfTheWholeFarBetterThanSpeakersDealtAtRandom() {
        double worst = 0;
        double meanWorst = 0;
        double meanWorstUnstratified = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            // 30 speakers with 6 to 14 clips of each of 6 emotions: no fold can be perfect, all can be close
            Dataset d = TestClips.synthetic(3, 10, 6, 6, 14, seed);
            SplitPlan plan = new SpeakerKFoldSplitter(SplitConfig.builder().optSeed(seed).build()).split(d);
            double planWorst = 0;
            for (Fold f : plan.folds()) {
                planWorst = Math.max(planWorst, worstDeviation(f.test(), d.clips()));
            }
            worst = Math.max(worst, planWorst);
            meanWorst += planWorst / SEEDS;
            // the baseline: the same speakers shuffled and dealt round-robin into 5 folds
            List<String> speakers = new ArrayList<>(d.clips().stream().map(Clip::speaker).distinct().toList());
            Collections.shuffle(speakers, new Random(seed));
            double baselineWorst = 0;
            for (int f = 0; f < 5; f++) {
                Set<String> fold = new HashSet<>();
                for (int i = f; i < speakers.size(); i += 5) {
                    fold.add(speakers.get(i));
                }
                List<Clip> test = d.clips().stream().filter(c -> fold.contains(c.speaker())).toList();
                baselineWorst = Math.max(baselineWorst, worstDeviation(test, d.clips()));
            }
            meanWorstUnstratified += baselineWorst / SEEDS;
        }
        System.out.printf("speaker k-fold: worst emotion proportion deviation of a test fold %.4f; mean per plan"
                + " %.4f, speakers dealt at random %.4f%n", worst, meanWorst, meanWorstUnstratified);
        assertTrue(worst < 0.03, "worst deviation " + worst);
        assertTrue(meanWorst < 0.4 * meanWorstUnstratified, meanWorst + " vs " + meanWorstUnstratified);
    }

    @Test
    void speakerHoldoutMeetsItsFractionsAndProportions() {
        double worstFraction = 0;
        double worstProportion = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Dataset d = TestClips.synthetic(4, 10, 6, 6, 14, seed);
            Fold f = new SpeakerHoldoutSplitter(SplitConfig.builder().optSeed(seed).build()).split(d).folds().get(0);
            double n = d.size();
            worstFraction = Math.max(worstFraction, Math.max(Math.abs(f.train().size() / n - 0.7),
                    Math.max(Math.abs(f.validation().size() / n - 0.1), Math.abs(f.test().size() / n - 0.2))));
            worstProportion = Math.max(worstProportion, Math.max(worstDeviation(f.test(), d.clips()),
                    worstDeviation(f.validation(), d.clips())));
        }
        System.out.println("speaker holdout: worst fraction deviation " + worstFraction
                + ", worst emotion proportion deviation " + worstProportion);
        assertTrue(worstFraction < 0.02, "fraction deviation " + worstFraction);
        assertTrue(worstProportion < 0.025, "proportion deviation " + worstProportion);
    }
}
