package org.ser4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.data.Clip;
import org.ser4j.data.Dataset;
import org.ser4j.data.Gender;

class DatasetReportTest {

    private static final String MALICIOUS = "<script>alert('x')<b>.wav";

    @TempDir
    static Path temp;

    static Dataset dataset;
    static ReportOptions options = ReportOptions.defaults().withChartSize(640, 400).withClipSize(600, 260);
    static ReportResult result;
    static Path out;
    static String html;

    @BeforeAll
    static void writeReport() throws IOException {
        Path audio = temp.resolve("audio");
        List<Clip> clips = new ArrayList<>();
        String[] labels = {"angry", "sad", "happy", "neutral", "anxious"};
        int k = 0;
        for (String corpus : List.of("ALPHA", "BETA")) {
            for (Gender g : List.of(Gender.MALE, Gender.FEMALE)) {
                for (String label : labels) {
                    double seconds = 0.6 + 0.1 * (k % 5);
                    Path f = TestClips.writeWav(audio.resolve(corpus + "/" + g + "_" + label + ".wav"), seconds,
                            150 + 40 * k, k);
                    clips.add(TestClips.clip(f, corpus, g.name().substring(0, 1), g, label, seconds));
                    k++;
                }
            }
        }
        // A clip of unknown duration (the histogram leaves it out and says so) with a hostile name.
        Path evil = TestClips.writeWav(audio.resolve("BETA/" + MALICIOUS), 0.7, 300, 99);
        clips.add(new Clip(evil, "BETA", "BETA:<i>x</i>", Gender.UNKNOWN, "en", Optional.empty(), "<script>",
                Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalDouble.empty()));
        List<Dataset.Unrecognised> unknown = List.of(
                new Dataset.Unrecognised(Path.of("/data/</script><img src=x onerror=alert(1)>.wav"), "no loader"),
                new Dataset.Unrecognised(Path.of("/data/readme.txt"), "not audio"));
        dataset = new Dataset(clips, unknown);
        out = temp.resolve("report");
        List<Clip> examples = new ArrayList<>(DatasetReport.defaults().defaultExamples(dataset));
        result = new DatasetReport(options).write(dataset, examples, out);
        html = Files.readString(result.index());
    }

    @Test
    void defaultExamplesAreOnePerEmotionAndExtraLabelInVocabularyOrder() {
        List<Clip> ex = DatasetReport.defaults().defaultExamples(dataset);
        List<String> names = ex.stream().map(c -> Category.of(c).name()).toList();
        assertEquals(List.of("neutral", "happy", "sad", "angry", "<script>", "anxious"), names);
        assertEquals(ex, DatasetReport.defaults().defaultExamples(dataset), "same dataset, same examples");
        Set<String> corpora = new TreeSet<>(ex.stream().map(Clip::corpus).toList());
        assertEquals(Set.of("ALPHA", "BETA"), corpora, "examples are spread over the corpora");
    }

    @Test
    void defaultExamplesStopAtTheLimit() {
        assertEquals(2, new DatasetReport(options.withMaxExamples(2)).defaultExamples(dataset).size());
    }

    @Test
    void writesEveryChartEveryExamplePictureAndThePage() {
        Set<String> names = new TreeSet<>();
        for (Path p : result.files()) {
            assertTrue(Files.isRegularFile(p), p + " exists");
            names.add(out.relativize(p).toString().replace('\\', '/'));
        }
        Set<String> expected = new TreeSet<>(List.of("index.html", "charts/emotions.png",
                "charts/emotions-by-gender.png", "charts/emotions-by-corpus.png", "charts/durations.png"));
        String[] slugs = {"neutral", "happy", "sad", "angry", "script", "anxious"};
        for (int i = 0; i < slugs.length; i++) {
            for (String kind : List.of("waveform", "energy", "mfcc", "mel")) {
                expected.add(String.format("examples/%02d-%s-%s.png", i + 1, slugs[i], kind));
            }
        }
        assertEquals(expected, names);
        assertEquals(6, result.examples().size());
        assertTrue(result.failures().isEmpty());
    }

    @Test
    void picturesDecodeAtTheirSizeAndAreNotBlank() throws IOException {
        for (Path p : result.files()) {
            if (!p.toString().endsWith(".png")) {
                continue;
            }
            BufferedImage img = ImageIO.read(p.toFile());
            boolean chart = p.getParent().getFileName().toString().equals("charts");
            assertEquals(chart ? options.chartWidth() : options.clipWidth(), img.getWidth(), p.toString());
            assertEquals(chart ? options.chartHeight() : options.clipHeight(), img.getHeight(), p.toString());
            assertTrue(lumaVariance(img) > 100, p + " has content, luma variance " + lumaVariance(img));
        }
    }

    @Test
    void spectrogramPicturesUseTheColourMapNotJustGreys() throws IOException {
        BufferedImage mel = ImageIO.read(out.resolve("examples/01-neutral-mel.png").toFile());
        int coloured = 0;
        for (int y = 0; y < mel.getHeight(); y += 2) {
            for (int x = 0; x < mel.getWidth(); x += 2) {
                int rgb = mel.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > mel.getWidth() * mel.getHeight() / 4 / 4, "magma cells cover the plot: " + coloured);
    }

    @Test
    void pageHasACountsRowPerCorpusAndATotal() {
        assertTrue(html.contains("<tr><th scope=\"row\">ALPHA</th><td>10</td><td>2</td>"), html);
        assertTrue(html.contains("<tr><th scope=\"row\">BETA</th><td>11</td><td>3</td>"));
        assertTrue(html.contains("<tfoot>\n<tr><th scope=\"row\">all</th><td>21</td><td>5</td>"));
        assertTrue(html.contains("anxious 2"), "extra labels are counted");
    }

    @Test
    void pageReferencesEveryPictureRelativelyWithAltText() {
        for (Path p : result.files()) {
            if (p.toString().endsWith(".png")) {
                String rel = out.relativize(p).toString().replace('\\', '/');
                assertTrue(html.contains("<img src=\"" + rel + "\" alt=\""), rel);
            }
        }
        assertFalse(html.contains("http://") || html.contains("https://"), "no external resources");
        assertFalse(html.contains("<script"), "no scripts, and no unescaped script tags from file names");
    }

    @Test
    void pageEscapesFileNamesLabelsSpeakersAndUnrecognisedPaths() {
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;b&gt;.wav"), "the clip's file name");
        assertTrue(html.contains("BETA:&lt;i&gt;x&lt;/i&gt;"), "the speaker");
        assertTrue(html.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;.wav"), "the unrecognised path");
        assertFalse(html.contains("<img src=x"));
        assertFalse(html.contains("<i>x</i>"));
    }

    @Test
    void pageCountsUnrecognisedFilesAndClipsWithoutDuration() {
        assertTrue(html.contains("2 files were found but not recognised"));
        assertTrue(html.contains("1 clip has no known duration"));
    }

    @Test
    void anUndecodableExampleIsReportedNotFatal() throws IOException {
        Path junk = Files.writeString(temp.resolve("junk/not-audio.wav".replace('/', '_')), "hello, not audio");
        Clip bad = TestClips.clip(junk, "ALPHA", "Z", Gender.MALE, "sad", 1.0);
        Path dir = temp.resolve("report-with-failure");
        ReportResult r = new DatasetReport(options).write(dataset, List.of(bad), dir);
        assertEquals(1, r.failures().size());
        assertEquals(bad, r.failures().get(0).clip());
        assertTrue(r.examples().isEmpty());
        String page = Files.readString(r.index());
        assertTrue(page.contains("This clip could not be drawn: "), page);
        assertTrue(Files.isRegularFile(dir.resolve("charts/emotions.png")));
    }

    @Test
    void anEmptyDatasetStillGivesAPage() throws IOException {
        ReportResult r = new DatasetReport(options).write(new Dataset(List.of(), List.of()), temp.resolve("empty"));
        assertEquals(List.of(r.index()), r.files());
        String page = Files.readString(r.index());
        assertTrue(page.contains("No clips, so no charts."));
        assertTrue(page.contains("No example clips."));
    }

    @Test
    void slugsAreSafeFileNames() {
        assertEquals("script", DatasetReport.slug("<script>"));
        assertEquals("pleasant-surprise", DatasetReport.slug("Pleasant Surprise!"));
        assertEquals("clip", DatasetReport.slug("<>"));
    }

    /** Variance of the luma of every pixel: 0 for a picture of one colour. */
    static double lumaVariance(BufferedImage img) {
        double sum = 0;
        double sq = 0;
        int n = img.getWidth() * img.getHeight();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                double l = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                sum += l;
                sq += l * l;
            }
        }
        double mean = sum / n;
        return sq / n - mean * mean;
    }
}
