package org.ser4j.report;

import java.awt.Color;
import java.util.Locale;

/**
 * The scaffolding every ser4j report page shares: the document head with its inline style sheet (no scripts, no
 * external resources, so a page works from the file system and survives being zipped), figures, and escaping.
 */
final class Html {

    static final String CSS = """
            :root { color-scheme: light; --text: #1a1a1a; --muted: #4d4d4d; --rule: #d0d0d0; --band: #f4f6f8; }
            * { box-sizing: border-box; }
            body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", \
            "Helvetica Neue", Arial, sans-serif; color: var(--text); background: #fff; line-height: 1.5; }
            main { max-width: 1240px; margin: 0 auto; padding: 1.5rem clamp(1rem, 3vw, 2.5rem) 3rem; }
            h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
            h2 { font-size: 1.4rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 2px solid var(--rule); }
            h3 { font-size: 1.15rem; margin: 0 0 .5rem; }
            p.lead, .note { color: var(--muted); }
            .summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .75rem;
              margin: 1rem 0 0; padding: 0; }
            .summary div { background: var(--band); border-radius: 6px; padding: .6rem .8rem; }
            .summary dt { font-size: .85rem; color: var(--muted); }
            .summary dd { margin: 0; font-size: 1.35rem; font-weight: 600; font-variant-numeric: tabular-nums; }
            .table-wrap { overflow-x: auto; border: 1px solid var(--rule); border-radius: 6px; }
            table { border-collapse: collapse; width: 100%; font-size: .85rem; }
            caption { text-align: left; padding: .5rem .75rem; color: var(--muted); }
            th, td { padding: .35rem .4rem; border-bottom: 1px solid var(--rule); text-align: right; white-space: nowrap; }
            th:first-child, td:first-child { text-align: left; }
            td.text { text-align: left; white-space: normal; }
            thead th { background: var(--band); font-weight: 600; vertical-align: bottom; white-space: normal; }
            tbody tr:nth-child(even) { background: #fafbfc; }
            tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--rule); border-bottom: 0; }
            td { font-variant-numeric: tabular-nums; }
            .swatch { display: inline-block; width: .8em; height: .8em; margin-right: .3em; border-radius: 2px;
              vertical-align: -.05em; border: 1px solid rgba(0,0,0,.25); }
            /* Pictures are drawn for about 1000 pixels: one column shows them at (nearly) natural size, so their
               text stays legible and a clip's four pictures stack over one time direction; two columns on very
               wide screens. */
            .grid { display: grid; grid-template-columns: minmax(0, 1020px); justify-content: center; gap: 1.25rem; }
            @media (min-width: 2200px) {
              main { max-width: 2180px; }
              .grid { grid-template-columns: repeat(2, minmax(0, 1020px)); }
            }
            figure { margin: 0; background: #fff; border: 1px solid var(--rule); border-radius: 6px; padding: .5rem; }
            figure img { display: block; width: 100%; height: auto; margin: 0 auto; }
            figcaption { font-size: .88rem; color: var(--muted); padding: .35rem .25rem 0; }
            section.example { margin: 1.5rem 0 2.5rem; }
            dl.meta { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: 0 0 .8rem; }
            dl.meta div { display: flex; gap: .4rem; }
            dl.meta dt { color: var(--muted); }
            dl.meta dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
            .failure { border-left: 4px solid #b00020; background: #fdf2f4; padding: .6rem .9rem; }
            code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; overflow-wrap: anywhere; }
            /* Two pictures meant to be compared (the two confusion matrices) side by side where they fit. */
            .grid.pair { grid-template-columns: repeat(auto-fit, minmax(min(100%, 480px), 1fr)); }
            ul.files { padding-left: 1.2rem; }
            footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
            """;

    private Html() {
    }

    /** Opens the document: head with {@code title} and the style sheet, then {@code <body><main>}. */
    static void begin(StringBuilder h, String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
    }

    /** Closes what {@link #begin} opened. */
    static void end(StringBuilder h) {
        h.append("</main>\n</body>\n</html>\n");
    }

    /**
     * A picture with its caption; {@code src} is relative to the page, {@code width} and {@code height} its size
     * in pixels (so the page does not jump while pictures load).
     */
    static void figure(StringBuilder h, String src, String alt, int width, int height) {
        // Each picture links to itself, so on a small screen it opens at full size.
        h.append("<figure><a href=\"").append(escape(src)).append("\"><img src=\"").append(escape(src))
                .append("\" alt=\"").append(escape(alt)).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" loading=\"lazy\"></a><figcaption>")
                .append(escape(alt)).append("</figcaption></figure>\n");
    }

    /** One headline figure of a summary grid ({@code <dl class="summary">}). */
    static void summaryItem(StringBuilder h, String term, String value) {
        h.append("<div><dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd></div>\n");
    }

    /** A colour as CSS writes it, {@code #rrggbb}. */
    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Text made safe for HTML element content and quoted attribute values. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
