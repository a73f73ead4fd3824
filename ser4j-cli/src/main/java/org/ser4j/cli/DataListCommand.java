package org.ser4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ser4j.data.download.Catalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ser4j data list}: the corpora ser4j can download or import. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the corpora of the catalogue: languages, clips, download size, access and licence.")
final class DataListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogueOption catalogue;

    @Option(names = "--json", description = "Print the catalogue's entries as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Catalogue c = catalogue.load();
        if (json) {
            List<Map<String, Object>> corpora = new ArrayList<>();
            for (Catalogue.Corpus k : c.corpora()) {
                Map<String, Object> o = JsonLines.object();
                o.put("name", k.name());
                o.put("title", k.title());
                o.put("languages", k.languages());
                o.put("emotions", k.emotions());
                o.put("speakers", k.speakers());
                o.put("clips", k.clips());
                o.put("size_bytes", k.sizeBytes());
                o.put("access", k.access().name().toLowerCase(Locale.ROOT));
                o.put("licence", k.licence());
                o.put("licence_url", k.licenceUrl());
                o.put("homepage", k.homepage());
                o.put("citation", k.citation());
                corpora.add(o);
            }
            Map<String, Object> o = JsonLines.object();
            o.put("corpora", corpora);
            JsonLines.print(out, o);
            return 0;
        }
        out.printf(Locale.ROOT, "%-12s %-20s %6s %9s %-12s %s%n", "name", "languages", "clips", "size", "access",
                "licence");
        for (Catalogue.Corpus k : c.corpora()) {
            out.printf(Locale.ROOT, "%-12s %-20s %6s %9s %-12s %s%n", k.name(), String.join(",", k.languages()),
                    k.clips() == null ? "?" : k.clips().toString(), size(k.sizeBytes()),
                    k.access().name().toLowerCase(Locale.ROOT), k.licence() == null ? "unknown (see data list --json)" : k.licence());
        }
        out.flush();
        return 0;
    }

    /** Bytes for people: "199 MB", "1.2 GB", "?" when unknown. */
    static String size(Long bytes) {
        if (bytes == null) {
            return "?";
        }
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        return String.format(Locale.ROOT, "%d MB", Math.round(bytes / 1e6));
    }
}
