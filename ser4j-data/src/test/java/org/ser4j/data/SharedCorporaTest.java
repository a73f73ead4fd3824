package org.ser4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ser4j.core.Emotion;
import org.ser4j.data.corpus.CremaDLoader;
import org.ser4j.data.corpus.ParseResult;
import org.ser4j.data.manifest.Csv;

/**
 * The loaders on the real data in ../shared: the five corpora with audio reproduce the counts table of
 * ../shared/corpora/README.md exactly, the CREMA-D loader parses all 7,442 official clip names, and the original
 * fixture clips are recognised.
 */
@Tag("corpus")
class SharedCorporaTest {

    /** Expected per corpus: clips, male speakers, female speakers, then clips per emotion in vocabulary order. */
    private record Row(int clips, int maleSpeakers, int femaleSpeakers, int neutral, int calm, int happy, int sad,
            int angry, int fear, int disgust, int surprise, int boredom) {
        Map<Emotion, Integer> perEmotion() {
            int[] n = {neutral, calm, happy, sad, angry, fear, disgust, surprise, boredom};
            Map<Emotion, Integer> m = new EnumMap<>(Emotion.class);
            for (Emotion e : Emotion.values()) {
                m.put(e, n[e.ordinal()]);
            }
            return m;
        }
    }

    /** The table of ../shared/corpora/README.md, copied as literals. */
    private static final Map<String, Row> README = Map.of(
            "RAVDESS", new Row(1440, 12, 12, 96, 192, 192, 192, 192, 192, 192, 192, 0),
            "SAVEE", new Row(480, 4, 0, 120, 0, 60, 60, 60, 60, 60, 60, 0),
            "TESS", new Row(2800, 0, 2, 400, 0, 400, 400, 400, 400, 400, 400, 0),
            "EmoDB", new Row(535, 5, 5, 79, 0, 71, 62, 127, 69, 46, 0, 81),
            "EMOVO", new Row(588, 3, 3, 84, 0, 84, 84, 84, 84, 84, 84, 0));

    private static Path shared(String sub) {
        String dir = System.getProperty("ser4j.shared");
        Path p = dir == null ? null : Path.of(dir, sub);
        assumeTrue(p != null && Files.exists(p), "../shared/" + sub + " not present");
        return p;
    }

    @Test
    void scanningTheCorporaReproducesTheReadmeTable() throws Exception {
        Path corpora = shared("corpora");
        long start = System.nanoTime();
        LoadResult r = CorpusScanner.defaults().scan(corpora);
        double seconds = (System.nanoTime() - start) / 1e9;
        Dataset d = r.dataset();

        assertEquals(List.of(), d.unrecognised());
        assertEquals(List.of(), r.warnings());
        assertEquals(5843, d.size());
        for (CorpusStatistics s : CorpusStatistics.byCorpus(d)) {
            Row expected = README.get(s.corpus());
            assertTrue(expected != null, "unexpected corpus " + s.corpus());
            assertEquals(expected.clips(), s.clips(), s.corpus() + " clips");
            assertEquals(expected.perEmotion(), new EnumMap<>(s.perEmotion()), s.corpus() + " clips per emotion");
            assertEquals(Map.of(), s.extraLabels(), s.corpus() + " extra labels");
            List<Clip> clips = d.clips().stream().filter(c -> c.corpus().equals(s.corpus())).toList();
            assertEquals(expected.maleSpeakers(), speakers(clips, Gender.MALE), s.corpus() + " male speakers");
            assertEquals(expected.femaleSpeakers(), speakers(clips, Gender.FEMALE), s.corpus() + " female speakers");
            assertEquals(expected.maleSpeakers() + expected.femaleSpeakers(), s.speakers(), s.corpus() + " speakers");
            System.out.printf("%-8s %5d clips %3d speakers %.3f h%n", s.corpus(), s.clips(), s.speakers(), s.hours());
        }
        assertEquals(README.keySet(), d.clips().stream().map(Clip::corpus).collect(Collectors.toSet()));
        assertTrue(d.clips().stream().allMatch(c -> c.durationSeconds().orElse(0) > 0), "every clip has a duration");
        System.out.printf("scanned %s: %d clips, %.2f h, in %.2f s%n", corpora, d.size(),
                CorpusStatistics.total(d).hours(), seconds);
    }

    private static long speakers(List<Clip> clips, Gender gender) {
        return clips.stream().filter(c -> c.gender() == gender).map(Clip::speaker).distinct().count();
    }

    @Test
    void theCremaDLoaderParsesAllOfficialClipNamesWithGenderFromTheDemographics() throws Exception {
        Path meta = shared("corpora/CREMA-D-metadata");
        CremaDLoader loader = CremaDLoader.withDemographics(meta.resolve("VideoDemographics.csv"));
        assertEquals(CremaDLoader.withBuiltInDemographics().demographics(), loader.demographics(),
                "the built-in table is the CSV's actor -> sex facts");

        List<Csv.Row> rows;
        try (Reader in = Files.newBufferedReader(meta.resolve("SentenceFilenames.csv"), StandardCharsets.UTF_8)) {
            rows = Csv.read(in, "SentenceFilenames.csv");
        }
        assertEquals(List.of("Stimulus_Number", "Filename"), rows.get(0).fields());
        Map<Emotion, Integer> perEmotion = new TreeMap<>();
        Map<Gender, Integer> perGender = new TreeMap<>();
        Map<String, Integer> perIntensity = new TreeMap<>();
        Set<String> speakers = new TreeSet<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            String name = row.fields().get(1);
            ParseResult result = loader.parse(Path.of("AudioWAV", name + ".wav"));
            assertTrue(result instanceof ParseResult.Parsed, name + ": " + result);
            Clip c = ((ParseResult.Parsed) result).clip();
            perEmotion.merge(c.emotion().orElseThrow(), 1, Integer::sum);
            perGender.merge(c.gender(), 1, Integer::sum);
            perIntensity.merge(c.intensity().orElse("unspecified"), 1, Integer::sum);
            speakers.add(c.speaker());
        }
        assertEquals(7442, rows.size() - 1);
        // the CREMA-D documentation: 1,271 clips for each emotion but neutral, 1,087 neutral
        assertEquals(Map.of(Emotion.ANGRY, 1271, Emotion.DISGUST, 1271, Emotion.FEAR, 1271, Emotion.HAPPY, 1271,
                Emotion.SAD, 1271, Emotion.NEUTRAL, 1087), perEmotion);
        assertEquals(91, speakers.size());
        assertEquals(Map.of("HI", 455, "LO", 455, "MD", 455, "unspecified", 6077), perIntensity);
        assertEquals(0, perGender.getOrDefault(Gender.UNKNOWN, 0));
        System.out.println("CREMA-D clips per gender: " + perGender);
    }

    @Test
    void theOriginalFixtureClipsAreRecognisedWithTheirDurations() throws Exception {
        Path originals = shared("fixtures/originals");
        LoadResult r = CorpusScanner.defaults().scan(originals);
        assertEquals(List.of(), r.dataset().unrecognised());
        Map<String, String> corpusOf = r.dataset().clips().stream().collect(Collectors.toMap(
                c -> c.path().getFileName().toString(), Clip::corpus));
        assertEquals(Map.ofEntries(Map.entry("03-01-02-01-01-02-01.wav", "RAVDESS"),
                Map.entry("03-01-05-01-01-01-01.wav", "RAVDESS"), Map.entry("03a01Fa.wav", "EmoDB"),
                Map.entry("1001_DFA_ANG_XX.wav", "CREMA-D"), Map.entry("13b03Lb.wav", "EmoDB"),
                Map.entry("DC_a01.wav", "SAVEE"), Map.entry("OAF_back_angry.wav", "TESS"),
                Map.entry("OAF_food_fear.wav", "TESS"), Map.entry("YAF_germ_angry.wav", "TESS"),
                Map.entry("dis-f1-b1.wav", "EMOVO"), Map.entry("rab-f1-b1.wav", "EMOVO")), corpusOf);

        Clip crema = r.dataset().clips().stream()
                .filter(c -> c.path().getFileName().toString().equals("1001_DFA_ANG_XX.wav")).findFirst().orElseThrow();
        assertEquals("CREMA-D:1001", crema.speaker());
        assertEquals(Gender.MALE, crema.gender());
        assertEquals(Optional.of(Emotion.ANGRY), crema.emotion());
        assertEquals(Optional.of("DFA"), crema.textId());
        assertTrue(crema.durationSeconds().orElseThrow() > 1, "a CREMA-D sentence lasts more than a second");
        System.out.printf("1001_DFA_ANG_XX.wav: %.4f s%n", crema.durationSeconds().orElseThrow());
    }
}
