package org.ser4j.report;

import static org.ser4j.report.Html.escape;
import static org.ser4j.report.Html.hex;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ser4j.core.Emotion;
import org.ser4j.data.Clip;
import org.ser4j.data.CorpusStatistics;
import org.ser4j.data.Dataset;
import org.ser4j.data.Gender;

/**
 * The report's {@code index.html}: one self-contained page (inline CSS, no scripts, no external resources) that
 * works from the file system. Everything that comes from file names or corpus labels is HTML-escaped.
 * Collected while {@link DatasetReport#write} runs, then rendered once; not shared between threads.
 */
final class ReportPage {

    private record Figure(String src, String alt) {
    }

    private record Example(Clip clip, double decodedSeconds, List<Figure> figures, String failure) {
    }

    private static final String[] PICTURE_ALTS = {
        "Waveform: amplitude against time in seconds.",
        "Energy (RMS, left axis) and zero-crossing rate (right axis) against time.",
        "MFCC image: coefficients 1 and up against time, colour showing the value.",
        "Log-mel spectrogram: mel bands against time, colour showing power in decibels.",
    };

    private final Dataset dataset;
    private final ReportOptions options;
    private final Path outDir;
    private final List<Figure> charts = new ArrayList<>();
    private final List<Example> examples = new ArrayList<>();
    private int durationsUnknown;

    ReportPage(Dataset dataset, ReportOptions options, Path outDir) {
        this.dataset = dataset;
        this.options = options;
        this.outDir = outDir;
    }

    /** Records a chart written at {@code file}; returns {@code file}. */
    Path chart(Path file, String alt) {
        charts.add(new Figure(relative(file), alt));
        return file;
    }

    void durationsWithout(int clips) {
        durationsUnknown = clips;
    }

    void example(Clip clip, double decodedSeconds, List<Path> pictures) {
        List<Figure> figs = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            figs.add(new Figure(relative(pictures.get(i)), PICTURE_ALTS[i]));
        }
        examples.add(new Example(clip, decodedSeconds, figs, null));
    }

    void failedExample(Clip clip, String reason) {
        examples.add(new Example(clip, Double.NaN, List.of(), reason));
    }

    private String relative(Path file) {
        return outDir.relativize(file).toString().replace('\\', '/');
    }

    /** The page. */
    String html() {
        StringBuilder h = new StringBuilder(32_768);
        CorpusStatistics total = CorpusStatistics.total(dataset);
        List<CorpusStatistics> corpora = CorpusStatistics.byCorpus(dataset);
        Html.begin(h, "Dataset report: " + String.format(Locale.ROOT, "%,d", total.clips()) + " clips");
        h.append("<h1>Dataset report</h1>\n<p class=\"lead\">Clips per corpus, emotion and gender, clip ")
                .append("durations, and pictures of example clips as ser4j's features see them.</p>\n");
        summary(h, total, corpora.size());
        countsTable(h, corpora, total);
        unrecognised(h);
        chartsSection(h);
        examplesSection(h);
        h.append("<footer>Written by ser4j. Features as librosa computes them: n_fft ")
                .append(options.features().nFft()).append(", hop ").append(options.features().hopLength())
                .append(", ").append(options.features().nMels()).append(" mel bands, ")
                .append(options.features().nMfcc()).append(" MFCCs, on audio resampled to ")
                .append(String.format(Locale.ROOT, "%,d", options.analysisSampleRate()))
                .append(" Hz. Emotion colours: Okabe–Ito palette; images: viridis and magma colour maps.</footer>\n");
        Html.end(h);
        return h.toString();
    }

    private void summary(StringBuilder h, CorpusStatistics total, int corpusCount) {
        h.append("<dl class=\"summary\">\n");
        Html.summaryItem(h, "clips", String.format(Locale.ROOT, "%,d", total.clips()));
        Html.summaryItem(h, "corpora", Integer.toString(corpusCount));
        Html.summaryItem(h, "speakers", String.format(Locale.ROOT, "%,d", total.speakers()));
        Html.summaryItem(h, "hours", String.format(Locale.ROOT, "%.2f", total.hours()));
        Html.summaryItem(h, "unrecognised files", String.format(Locale.ROOT, "%,d", dataset.unrecognised().size()));
        h.append("</dl>\n");
    }

    private void countsTable(StringBuilder h, List<CorpusStatistics> corpora, CorpusStatistics total) {
        // Columns for what occurs: an emotion or gender with no clip in the whole dataset adds only zeros.
        List<Emotion> emotions = Arrays.stream(Emotion.values()).filter(e -> total.perEmotion().get(e) > 0).toList();
        List<Gender> genders = Arrays.stream(Gender.values()).filter(g -> total.perGender().get(g) > 0).toList();
        // The explanation stands outside the table: a long caption would scroll away with a wide table.
        h.append("<h2 id=\"counts\">Counts per corpus</h2>\n<p class=\"note\">Emotions and genders with no clip ")
                .append("at all are left out. Extra labels are corpus labels with no counterpart in ser4j's ")
                .append("emotions; they are kept and counted, not dropped.</p>\n<div class=\"table-wrap\">\n<table>\n")
                .append("<caption>Clips per corpus, emotion and gender</caption>\n")
                .append("<thead>\n<tr><th scope=\"col\">corpus</th><th scope=\"col\">clips</th>")
                .append("<th scope=\"col\">speakers</th><th scope=\"col\">hours</th>");
        for (Emotion e : emotions) {
            h.append("<th scope=\"col\"><span class=\"swatch\" aria-hidden=\"true\" style=\"background:")
                    .append(hex(EmotionPalette.of(e))).append("\"></span>").append(e.label()).append("</th>");
        }
        h.append("<th scope=\"col\">extra labels</th>");
        for (Gender g : genders) {
            h.append("<th scope=\"col\">").append(g.name().toLowerCase(Locale.ROOT)).append("</th>");
        }
        h.append("</tr>\n</thead>\n<tbody>\n");
        for (CorpusStatistics s : corpora) {
            row(h, s, emotions, genders);
        }
        h.append("</tbody>\n<tfoot>\n");
        row(h, total, emotions, genders);
        h.append("</tfoot>\n</table>\n</div>\n");
    }

    private static void row(StringBuilder h, CorpusStatistics s, List<Emotion> emotions, List<Gender> genders) {
        String cell = "td";
        h.append("<tr><th scope=\"row\">").append(escape(s.corpus())).append("</th>");
        num(h, cell, s.clips());
        num(h, cell, s.speakers());
        h.append('<').append(cell).append('>').append(String.format(Locale.ROOT, "%.2f", s.hours()))
                .append("</").append(cell).append('>');
        for (Emotion e : emotions) {
            num(h, cell, s.perEmotion().getOrDefault(e, 0));
        }
        String extra = s.extraLabels().isEmpty() ? "none" : s.extraLabels().entrySet().stream()
                .map(x -> escape(x.getKey()) + " " + x.getValue()).collect(Collectors.joining(", "));
        h.append('<').append(cell).append(" class=\"text\">").append(extra).append("</").append(cell).append('>');
        for (Gender g : genders) {
            num(h, cell, s.perGender().getOrDefault(g, 0));
        }
        h.append("</tr>\n");
    }

    private static void num(StringBuilder h, String cell, int n) {
        h.append('<').append(cell).append('>').append(String.format(Locale.ROOT, "%,d", n)).append("</")
                .append(cell).append('>');
    }

    private void unrecognised(StringBuilder h) {
        List<Dataset.Unrecognised> files = dataset.unrecognised();
        h.append("<h2 id=\"unrecognised\">Unrecognised files</h2>\n");
        if (files.isEmpty()) {
            h.append("<p>Every file found was recognised.</p>\n");
            return;
        }
        int shown = Math.min(files.size(), options.listedUnrecognised());
        h.append("<p>").append(String.format(Locale.ROOT, "%,d", files.size()))
                .append(files.size() == 1 ? " file was" : " files were")
                .append(" found but not recognised by any loader, so they are not in the counts.");
        if (shown < files.size()) {
            h.append(" The first ").append(shown).append(" are listed.");
        }
        h.append("</p>\n");
        if (shown == 0) {
            return;
        }
        h.append("<div class=\"table-wrap\">\n<table>\n<thead><tr><th scope=\"col\">file</th>")
                .append("<th scope=\"col\" class=\"text\">reason</th></tr></thead>\n<tbody>\n");
        for (Dataset.Unrecognised u : files.subList(0, shown)) {
            h.append("<tr><td class=\"text\"><code>").append(escape(u.path().toString()))
                    .append("</code></td><td class=\"text\">").append(escape(u.reason())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n");
    }

    private void chartsSection(StringBuilder h) {
        h.append("<h2 id=\"charts\">Charts</h2>\n");
        if (durationsUnknown > 0) {
            h.append("<p class=\"note\">").append(String.format(Locale.ROOT, "%,d", durationsUnknown))
                    .append(durationsUnknown == 1 ? " clip has" : " clips have")
                    .append(" no known duration and are not in the duration histogram.</p>\n");
        }
        if (charts.isEmpty()) {
            h.append("<p>No clips, so no charts.</p>\n");
            return;
        }
        h.append("<div class=\"grid\">\n");
        for (Figure f : charts) {
            Html.figure(h, f.src(), f.alt(), options.chartWidth(), options.chartHeight());
        }
        h.append("</div>\n");
    }

    private void examplesSection(StringBuilder h) {
        h.append("<h2 id=\"examples\">Example clips</h2>\n");
        if (examples.isEmpty()) {
            h.append("<p>No example clips.</p>\n");
            return;
        }
        h.append("<p class=\"lead\">Waveform, energy and zero-crossing rate, MFCCs and log-mel spectrogram of ")
                .append("each clip, decoded and resampled to ")
                .append(String.format(Locale.ROOT, "%,d", options.analysisSampleRate()))
                .append(" Hz. The MFCC image starts at coefficient 1: coefficient 0 is the frame energy, shown by ")
                .append("the RMS curve, and its much larger range would flatten the others.</p>\n");
        for (int i = 0; i < examples.size(); i++) {
            Example ex = examples.get(i);
            Clip c = ex.clip();
            String name = Category.of(c).name();
            h.append("<section class=\"example\" id=\"example-").append(i + 1).append("\" aria-labelledby=\"example-")
                    .append(i + 1).append("-title\">\n<h3 id=\"example-").append(i + 1).append("-title\">")
                    .append(i + 1).append(". ").append(escape(name)).append(" — ").append(escape(c.corpus()))
                    .append("</h3>\n<dl class=\"meta\">\n");
            meta(h, "file", "<code>" + escape(String.valueOf(c.path().getFileName())) + "</code>");
            meta(h, "corpus", escape(c.corpus()));
            meta(h, "speaker", escape(c.speaker()));
            meta(h, "gender", c.gender().name().toLowerCase(Locale.ROOT));
            meta(h, "language", escape(c.language()));
            meta(h, "emotion", c.emotion().map(Emotion::label).orElse("none (extra label)"));
            meta(h, "corpus label", escape(c.label()));
            c.intensity().ifPresent(x -> meta(h, "intensity", escape(x)));
            double seconds = Double.isNaN(ex.decodedSeconds()) ? c.durationSeconds().orElse(Double.NaN)
                    : ex.decodedSeconds();
            meta(h, "duration", Double.isNaN(seconds) ? "unknown" : String.format(Locale.ROOT, "%.2f s", seconds));
            h.append("</dl>\n");
            if (ex.failure() != null) {
                h.append("<p class=\"failure\">This clip could not be drawn: ").append(escape(ex.failure()))
                        .append("</p>\n");
            } else {
                h.append("<div class=\"grid\">\n");
                for (Figure f : ex.figures()) {
                    Html.figure(h, f.src(), f.alt() + " Clip " + (i + 1) + ", " + name + ", " + c.speaker()
                            + ".", options.clipWidth(), options.clipHeight());
                }
                h.append("</div>\n");
            }
            h.append("</section>\n");
        }
    }

    private static void meta(StringBuilder h, String term, String valueHtml) {
        h.append("<div><dt>").append(term).append("</dt><dd>").append(valueHtml).append("</dd></div>\n");
    }
}
