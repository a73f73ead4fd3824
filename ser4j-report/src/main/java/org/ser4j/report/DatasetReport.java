package org.ser4j.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.data.Clip;
import org.ser4j.data.CorpusStatistics;
import org.ser4j.data.Dataset;
import org.ser4j.data.Gender;

/**
 * The dataset report stage: a {@link Dataset} in, a folder with charts, example-clip pictures and a self-contained
 * {@code index.html} out. What {@code ser4j data report DIR... --out DIR} runs.
 *
 * <p>Written into the output folder (created if missing; files of an earlier report are overwritten):
 * <ul>
 *   <li>{@code charts/emotions.png}, {@code charts/emotions-by-gender.png}, {@code charts/emotions-by-corpus.png}:
 *       clips per emotion overall, per gender (grouped bars) and per corpus (stacked bars), every emotion in its
 *       {@link EmotionPalette} colour; corpus labels outside the vocabulary are categories of their own;</li>
 *   <li>{@code charts/durations.png}: histogram of clip durations (only when some clip's duration is known; the
 *       page says how many clips have none);</li>
 *   <li>{@code examples/NN-LABEL-waveform.png}, {@code -energy.png} (RMS and zero-crossing rate),
 *       {@code -mfcc.png}, {@code -mel.png} for each example clip, analysed at
 *       {@link ReportOptions#analysisSampleRate()} with librosa-compatible features;</li>
 *   <li>{@code index.html}: the counts table per corpus ({@link CorpusStatistics}), the unrecognised files, the
 *       charts and one section per example clip. No scripts, no external resources; images referenced
 *       relatively, so the folder can be moved or zipped.</li>
 * </ul>
 *
 * <p>An example clip that cannot be decoded does not stop the report: its section says why, and the result
 * lists it under {@link ReportResult#failures()}. Failures to write the output are {@link IOException}s.
 *
 * <p>Immutable and thread-safe.
 */
public final class DatasetReport {

    /** Name of the page in the output folder. */
    public static final String INDEX = "index.html";

    private final ReportOptions options;
    private final ClipFigures figures;

    /** A report with these options. */
    public DatasetReport(ReportOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
        this.figures = new ClipFigures(options);
    }

    /** A report with {@link ReportOptions#defaults()}. */
    public static DatasetReport defaults() {
        return new DatasetReport(ReportOptions.defaults());
    }

    /** The options. */
    public ReportOptions options() {
        return options;
    }

    /**
     * The example clips {@link #write(Dataset, Path)} illustrates: one per emotion present (in vocabulary order),
     * then one per extra label, at most {@link ReportOptions#maxExamples()}; each from a different corpus where
     * possible and of typical duration. Deterministic: the same dataset always gives the same clips.
     */
    public List<Clip> defaultExamples(Dataset dataset) {
        if (dataset == null) {
            throw new IllegalArgumentException("dataset must not be null");
        }
        return ExampleChooser.choose(dataset.clips(), options.maxExamples());
    }

    /** Writes the report with the {@link #defaultExamples(Dataset) default examples}. */
    public ReportResult write(Dataset dataset, Path outDir) throws IOException {
        return write(dataset, defaultExamples(dataset), outDir);
    }

    /**
     * Writes the report into {@code outDir}.
     *
     * @param dataset  the clips counted and charted, and the unrecognised files listed
     * @param examples the clips to illustrate, in this order (any clips, usually of {@code dataset}; may be empty)
     * @param outDir   output folder, created with its parents when missing
     * @return what was written
     * @throws IOException when the output cannot be written
     */
    public ReportResult write(Dataset dataset, List<Clip> examples, Path outDir) throws IOException {
        if (dataset == null || examples == null || outDir == null) {
            throw new IllegalArgumentException("dataset, examples and outDir must not be null");
        }
        Files.createDirectories(outDir.resolve("charts"));
        Files.createDirectories(outDir.resolve("examples"));
        List<Path> written = new ArrayList<>();
        ReportPage page = new ReportPage(dataset, options, outDir);

        List<Category> categories = Category.present(dataset.clips());
        Map<Category, java.awt.Color> colours = Category.colours(categories);
        int w = options.chartWidth();
        int h = options.chartHeight();

        Map<Category, Integer> overall = new LinkedHashMap<>();
        Map<String, Map<Category, Integer>> byGender = new LinkedHashMap<>();
        Map<String, Map<Category, Integer>> byCorpus = new TreeMap<>();
        Map<Gender, Integer> genderCounts = new EnumMap<>(Gender.class);
        for (Clip c : dataset.clips()) {
            genderCounts.merge(c.gender(), 1, Integer::sum);
        }
        genderCounts.keySet().forEach(g -> byGender.put(g.name().toLowerCase(Locale.ROOT), new LinkedHashMap<>()));
        for (Clip c : dataset.clips()) {
            Category cat = Category.of(c);
            overall.merge(cat, 1, Integer::sum);
            byGender.get(c.gender().name().toLowerCase(Locale.ROOT)).merge(cat, 1, Integer::sum);
            byCorpus.computeIfAbsent(c.corpus(), k -> new LinkedHashMap<>()).merge(cat, 1, Integer::sum);
        }

        if (!categories.isEmpty()) {
            String n = String.format(Locale.ROOT, "%,d", dataset.size());
            written.add(page.chart(saveChart(Charts.counts("Clips per emotion (" + n + " clips)", categories,
                    overall, colours, w, h), outDir, "charts/emotions.png"),
                    "Bar chart of the number of clips per emotion over the whole dataset."));
            written.add(page.chart(saveChart(Charts.countsByGroup("Clips per emotion and gender", "gender",
                    new ArrayList<>(byGender.keySet()), categories, byGender, colours, Charts.BarLayout.GROUPED, w, h),
                    outDir, "charts/emotions-by-gender.png"),
                    "Grouped bar chart of clips per emotion for each gender."));
            written.add(page.chart(saveChart(Charts.countsByGroup("Clips per emotion and corpus", "corpus",
                    new ArrayList<>(byCorpus.keySet()), categories, byCorpus, colours, Charts.BarLayout.STACKED, w,
                    h), outDir, "charts/emotions-by-corpus.png"),
                    "Stacked bar chart of clips per corpus, each bar divided by emotion."));
        }
        DurationHistogram hist = DurationHistogram.of(dataset.clips());
        page.durationsWithout(hist.unknown());
        if (hist.known() > 0) {
            written.add(page.chart(saveChart(Charts.histogram(
                    String.format(Locale.ROOT, "Clip durations (%,d clips; %.1f to %.1f s, median %.2f s)",
                            hist.known(), hist.min(), hist.max(), hist.median()),
                    "duration (s)", hist.edges(), hist.counts(), w, h), outDir, "charts/durations.png"),
                    "Histogram of clip durations in seconds."));
        }

        // Examples are independent, so they are drawn in parallel; the page lists them in the caller's order.
        List<ExampleOutcome> outcomes = IntStream.range(0, examples.size()).parallel()
                .mapToObj(i -> illustrate(i, examples.get(i), outDir)).toList();
        List<Clip> illustrated = new ArrayList<>();
        List<ReportResult.ExampleFailure> failures = new ArrayList<>();
        for (ExampleOutcome o : outcomes) {
            if (o.writeError() != null) {
                throw o.writeError();
            }
            if (o.failure() != null) {
                failures.add(new ReportResult.ExampleFailure(o.clip(), o.failure()));
                page.failedExample(o.clip(), o.failure());
            } else {
                written.addAll(o.pictures());
                illustrated.add(o.clip());
                page.example(o.clip(), o.decodedSeconds(), o.pictures());
            }
        }

        Path index = outDir.resolve(INDEX);
        Files.writeString(index, page.html(), StandardCharsets.UTF_8);
        written.add(index);
        return new ReportResult(index, written, illustrated, failures);
    }

    /** One example's pictures, or why there are none (unreadable audio), or the error writing them. */
    private record ExampleOutcome(Clip clip, List<Path> pictures, double decodedSeconds, String failure,
            IOException writeError) {
    }

    private ExampleOutcome illustrate(int i, Clip clip, Path outDir) {
        String stem = String.format(Locale.ROOT, "examples/%02d-%s", i + 1, slug(Category.of(clip).name()));
        ClipFigures.Analysis analysis;
        try {
            analysis = figures.analyse(clip.path());
        } catch (AudioDecodeException | IOException | IllegalArgumentException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ExampleOutcome(clip, List.of(), Double.NaN, reason, null);
        }
        String who = Category.of(clip).name() + ", " + clip.speaker();
        try {
            List<Path> pictures = List.of(
                    savePng(figures.waveform(analysis, "Waveform: " + who), outDir, stem + "-waveform.png"),
                    savePng(figures.energyAndZcr(analysis, "Energy and zero-crossing rate: " + who), outDir,
                            stem + "-energy.png"),
                    savePng(figures.mfcc(analysis, "MFCC: " + who), outDir, stem + "-mfcc.png"),
                    savePng(figures.logMel(analysis, "Log-mel spectrogram: " + who), outDir, stem + "-mel.png"));
            return new ExampleOutcome(clip, pictures, analysis.audio().durationSeconds(), null, null);
        } catch (IOException e) {
            return new ExampleOutcome(clip, List.of(), Double.NaN, null, e);
        }
    }

    /** A file-name-safe form of a label: lower-case letters and digits joined by hyphens. */
    static String slug(String label) {
        String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 40) {
            s = s.substring(0, 40);
        }
        return s.isEmpty() ? "clip" : s;
    }

    private static Path saveChart(Chart<?, ?> chart, Path outDir, String name) throws IOException {
        return Images.writePng(BitmapEncoder.getBufferedImage(chart), outDir.resolve(name));
    }

    private static Path savePng(BufferedImage image, Path outDir, String name) throws IOException {
        return Images.writePng(image, outDir.resolve(name));
    }
}
