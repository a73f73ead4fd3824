package org.ser4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ser4j.core.Emotion;
import org.ser4j.data.split.Fold;
import org.ser4j.data.split.Protocol;
import org.ser4j.data.split.Role;
import org.ser4j.data.split.SplitConfig;
import org.ser4j.data.split.SplitPlan;

/**
 * Duplicates and splits on the real corpora of ../shared. The clips are built here from the file names with
 * placeholder labels (the corpus loaders are tested on their own): the duplicate finder only reads the audio.
 */
@Tag("corpus")
class CorpusDuplicatesTest {

    /** The known pair: byte-identical in the original RAVDESS release. */
    private static final String PAIR_A = "03-01-03-01-02-01-07.flac";
    private static final String PAIR_B = "03-01-03-01-02-02-07.flac";

    private static Path corpora() {
        String dir = System.getProperty("ser4j.shared");
        Path corpora = dir == null ? null : Path.of(dir, "corpora");
        assumeTrue(corpora != null && Files.isDirectory(corpora), "../shared/corpora not present");
        return corpora;
    }

    private static List<Path> flacs(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".flac")).sorted().toList();
        }
    }

    /** A clip with only what the name says minimally: corpus from the top folder, speaker from the parent. */
    private static Clip placeholder(Path corpora, Path file) {
        String corpus = corpora.relativize(file).getName(0).toString();
        return new Clip(file, corpus, corpus + ":" + file.getParent().getFileName(), Gender.UNKNOWN, "und",
                Optional.empty(), "unlabelled", Optional.empty(), Optional.empty(), OptionalInt.empty(),
                OptionalDouble.empty());
    }

    /** RAVDESS {@code Actor_NN/03-01-EE-II-SS-RR-NN.flac}: emotion EE, actor NN (odd male, even female). */
    private static Clip ravdess(Path file) {
        String[] f = file.getFileName().toString().replace(".flac", "").split("-");
        int actor = Integer.parseInt(f[6]);
        Emotion emotion = List.of(Emotion.NEUTRAL, Emotion.CALM, Emotion.HAPPY, Emotion.SAD, Emotion.ANGRY,
                Emotion.FEAR, Emotion.DISGUST, Emotion.SURPRISE).get(Integer.parseInt(f[2]) - 1);
        return new Clip(file, "RAVDESS", "RAVDESS:" + f[6], actor % 2 == 1 ? Gender.MALE : Gender.FEMALE, "en-US",
                Optional.of(emotion), f[2], Optional.of(f[3]), Optional.of(f[4]),
                OptionalInt.of(Integer.parseInt(f[5])), OptionalDouble.empty());
    }

    @Test
    void theKnownRavdessPairIsTheOnlyDuplicateOfTheFiveCorpora() throws IOException {
        Path corpora = corpora();
        List<Clip> clips = flacs(corpora).stream().map(p -> placeholder(corpora, p)).toList();
        long start = System.nanoTime();
        DuplicateReport report = DuplicateFinder.defaults().find(clips);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("duplicate check of %d clips: %.1f s on %d threads, %d decoded, %d groups: %s%n",
                report.checked(), seconds, Runtime.getRuntime().availableProcessors(), report.decoded(),
                report.groups().size(), report.groups().stream().map(g -> g.clips().stream()
                        .map(c -> corpora.relativize(c.path()).toString()).toList()).toList());
        assertEquals(5843, report.checked());
        assertEquals(List.of(), report.unreadable());
        assertEquals(1, report.groups().size());
        DuplicateGroup pair = report.groups().get(0);
        assertEquals(List.of(PAIR_A, PAIR_B), pair.clips().stream()
                .map(c -> c.path().getFileName().toString()).toList());
        assertEquals("Actor_07", pair.kept().path().getParent().getFileName().toString());
    }

    @Test
    void theFlacConversionDitheredThePairSoIdenticalAudioIsNotRequiredByDefault() throws IOException {
        Path actor = corpora().resolve("RAVDESS/Actor_07");
        List<Clip> pair = List.of(ravdess(actor.resolve(PAIR_A)), ravdess(actor.resolve(PAIR_B)));
        assertEquals(List.of(), DuplicateFinder.builder().optTolerance(0).build().find(pair).groups());
        assertEquals(1, DuplicateFinder.builder().optTolerance(2.0 / 32768).build().find(pair).groups().size(),
                "the two files differ by at most 2 steps of 16 bits");
        assertEquals(List.of(), DuplicateFinder.builder().optTolerance(1.0 / 32768).build().find(pair).groups());
    }

    @Test
    void fiveSpeakerFoldsOfRavdessLeakNoSpeakerAndNoDuplicate() throws IOException {
        List<Clip> clips = flacs(corpora().resolve("RAVDESS")).stream().map(CorpusDuplicatesTest::ravdess).toList();
        Dataset ravdess = Dataset.of(clips);
        DuplicateReport duplicates = DuplicateFinder.defaults().find(ravdess);
        assertEquals(1, duplicates.groups().size());
        SplitPlan plan = Protocol.SPEAKER_KFOLD.splitter(SplitConfig.builder()
                .optDuplicates(duplicates.groups()).build()).split(ravdess);
        System.out.print(plan.describe());
        assertEquals(5, plan.folds().size());
        assertEquals(List.of(duplicates.groups().get(0).dropped().get(0)), plan.excluded());
        Set<String> testSpeakers = new HashSet<>();
        int tested = 0;
        for (Fold f : plan.folds()) {
            for (String s : f.speakers(Role.TEST)) {
                assertTrue(testSpeakers.add(s), s + " tested twice");
                assertTrue(!f.speakers(Role.TRAIN).contains(s) && !f.speakers(Role.VALIDATION).contains(s), s);
            }
            Set<String> validation = f.speakers(Role.VALIDATION);
            validation.forEach(s -> assertTrue(!f.speakers(Role.TRAIN).contains(s), s));
            assertEquals(2, validation.size(), "10 % of 19 or 20 training speakers");
            tested += f.test().size();
        }
        assertEquals(24, testSpeakers.size());
        assertEquals(1439, tested);
    }
}
