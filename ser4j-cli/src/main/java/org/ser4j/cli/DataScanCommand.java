package org.ser4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ser4j.core.Emotion;
import org.ser4j.data.CorpusStatistics;
import org.ser4j.data.Dataset;
import org.ser4j.data.DuplicateFinder;
import org.ser4j.data.DuplicateGroup;
import org.ser4j.data.DuplicateReport;
import org.ser4j.data.LoadResult;
import org.ser4j.data.manifest.ManifestWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ser4j data scan}: which corpora are where, and how many clips of each emotion they hold. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Find the corpora under the given folders and print clips, speakers, hours and clips per "
                + "emotion for each; files that could not be labelled are counted and listed.")
final class DataScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetInput input;

    @Mixin
    DatasetOptions options;

    @Option(names = "--duplicates",
            description = "Also find clips with the same audio content (decodes clips of equal length) and list them.")
    boolean duplicates;

    @Option(names = "--manifest", paramLabel = "CSV",
            description = "Also write the unified manifest (" + ManifestWriter.HEADER + ").")
    Path manifest;

    @Option(names = "--relative-paths",
            description = "In the manifest, write paths relative to its folder instead of absolute.")
    boolean relativePaths;

    @Option(names = "--json", description = "Print the table (and the unrecognised files) as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult loaded = input.load(err);
        Dataset dataset = options.apply(loaded.dataset(), false, err);
        List<CorpusStatistics> rows = new ArrayList<>(CorpusStatistics.byCorpus(dataset));
        rows.add(CorpusStatistics.total(dataset));
        if (json) {
            JsonLines.print(out, toJson(rows, dataset, loaded.warnings()));
            out.flush();
        } else {
            printTable(out, rows, dataset);
        }
        if (duplicates) {
            DuplicateReport report = DuplicateFinder.defaults().find(dataset);
            out.printf(Locale.ROOT, "duplicate groups: %d (%d clips would be dropped from splits)%n",
                    report.groups().size(), report.duplicateCount());
            for (DuplicateGroup g : report.groups()) {
                out.println("  keep " + g.kept().path());
                g.dropped().forEach(c -> out.println("  drop " + c.path()));
            }
            out.flush();
        }
        if (manifest != null) {
            ManifestWriter.write(dataset.clips(), manifest,
                    relativePaths ? ManifestWriter.PathStyle.RELATIVE : ManifestWriter.PathStyle.ABSOLUTE);
            err.println("ser4j: wrote " + dataset.size() + " clips to " + manifest);
        }
        return 0;
    }

    static void printTable(PrintWriter out, List<CorpusStatistics> rows, Dataset dataset) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-16s %6s %8s %7s", "corpus", "clips",
                "speakers", "hours"));
        for (Emotion e : Emotion.values()) {
            head.append(String.format(Locale.ROOT, " %8s", e.label()));
        }
        out.println(head.append("  other labels"));
        for (CorpusStatistics r : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s %6d %8d %7.2f", r.corpus(),
                    r.clips(), r.speakers(), r.hours()));
            for (Emotion e : Emotion.values()) {
                line.append(String.format(Locale.ROOT, " %8d", r.perEmotion().get(e)));
            }
            line.append("  ");
            r.extraLabels().forEach((label, n) -> line.append(label).append('=').append(n).append(' '));
            out.println(line.toString().stripTrailing());
        }
        out.printf(Locale.ROOT, "unrecognised files: %d%n", dataset.unrecognised().size());
        for (Dataset.Unrecognised u : dataset.unrecognised()) {
            out.printf(Locale.ROOT, "  %s: %s%n", u.path(), u.reason());
        }
        out.flush();
    }

    private static Map<String, Object> toJson(List<CorpusStatistics> rows, Dataset dataset, List<String> warnings) {
        List<Map<String, Object>> corpora = new ArrayList<>();
        Map<String, Object> total = null;
        for (CorpusStatistics r : rows) {
            Map<String, Object> o = JsonLines.object();
            o.put("corpus", r.corpus());
            o.put("clips", r.clips());
            o.put("speakers", r.speakers());
            o.put("hours", Math.round(r.hours() * 1e4) / 1e4);
            Map<String, Object> emotions = JsonLines.object();
            r.perEmotion().forEach((e, n) -> emotions.put(e.label(), n));
            o.put("emotions", emotions);
            o.put("other_labels", r.extraLabels());
            Map<String, Object> genders = JsonLines.object();
            r.perGender().forEach((g, n) -> genders.put(g.name().toLowerCase(Locale.ROOT), n));
            o.put("genders", genders);
            if (CorpusStatistics.ALL.equals(r.corpus())) {
                total = o;
            } else {
                corpora.add(o);
            }
        }
        List<Map<String, Object>> unrecognised = new ArrayList<>();
        for (Dataset.Unrecognised u : dataset.unrecognised()) {
            Map<String, Object> o = JsonLines.object();
            o.put("path", u.path().toString());
            o.put("reason", u.reason());
            unrecognised.add(o);
        }
        Map<String, Object> o = JsonLines.object();
        o.put("corpora", corpora);
        o.put("total", total);
        o.put("unrecognised", unrecognised);
        o.put("warnings", warnings);
        return o;
    }
}
