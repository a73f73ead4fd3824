package org.ser4j.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The XChart charts of a report, all in one house style: white background, light grid, and fonts sized so that
 * a 1000-pixel-wide chart shown at half size on a page is still legible.
 */
final class Charts {

    /** Fonts shared with {@link Heatmap}, so drawn and charted pictures look alike. */
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Color TEXT = new Color(0x1a1a1a);
    static final Color GRID = new Color(0xdddddd);

    /** Line colour of waveforms and energy: dark grey, which no emotion uses. */
    static final Color SIGNAL = new Color(0x333333);
    /** Line colour of the zero-crossing rate: a blue that stays distinct from dark grey for every reader. */
    static final Color SECOND_SIGNAL = new Color(0x0072B2);
    /** Fill of the duration histogram: a neutral blue-grey, no emotion's colour. */
    static final Color HISTOGRAM = new Color(0x5b7083);

    /** Tick numbers with a leading zero ("0.05", not XChart's ".05"). */
    private static final String DECIMALS = "#,##0.####";

    /** Tick labels wider than this share of the plot width are rotated. */
    private static final double MAX_LABEL_SHARE = 0.8;
    /** Rough width of a tick-label character at {@link #TICK_FONT}, for the rotate-or-not decision. */
    private static final int CHAR_PIXELS = 9;

    /** How the series of a grouped count chart share a category. */
    enum BarLayout {
        /** Side by side. */
        GROUPED,
        /** On top of each other, so the bar height is the group's total. */
        STACKED
    }

    private Charts() {
    }

    /** One bar per category, coloured by category; no legend (the axis names them). */
    static CategoryChart counts(String title, List<Category> categories, Map<Category, Integer> counts,
            Map<Category, Color> colours, int width, int height) {
        CategoryChart chart = new CategoryChart(width, height);
        style(chart.getStyler(), chart, title, "emotion", "clips");
        CategoryStyler st = chart.getStyler();
        st.setOverlapped(true);
        st.setLegendVisible(false);
        // Counts printed on the bars: exact numbers without reading them off the axis.
        st.setLabelsVisible(true);
        st.setLabelsFont(TICK_FONT);
        // White on dark bars, dark on light ones (the black of boredom, the yellow of happy).
        st.setLabelsFontColorAutomaticEnabled(true);
        st.setLabelsFontColorAutomaticDark(TEXT);
        st.setLabelsFontColorAutomaticLight(Color.WHITE);
        st.setLabelsPosition(0.93);
        st.setYAxisMin(0.0);
        wholeNumberTicks(st);
        List<String> names = categories.stream().map(Category::chartName).toList();
        rotateIfCrowded(chart.getStyler(), names, width);
        // One series per category, empty (null) elsewhere: XChart colours by series, and overlapped series share
        // each slot, so each bar takes its category's colour at full width and no empty bar gets a label.
        for (Category c : categories) {
            List<Integer> ys = new ArrayList<>();
            for (Category other : categories) {
                ys.add(other.equals(c) ? counts.getOrDefault(c, 0) : null);
            }
            CategorySeries s = chart.addSeries(c.chartName(), names, ys);
            s.setFillColor(colours.get(c));
        }
        return chart;
    }

    /**
     * Counts per group (gender, corpus) and category: the groups on the x axis, one series per category in its
     * colour, side by side or stacked.
     */
    static CategoryChart countsByGroup(String title, String groupAxis, List<String> groups, List<Category> categories,
            Map<String, Map<Category, Integer>> counts, Map<Category, Color> colours, BarLayout layout, int width,
            int height) {
        CategoryChart chart = new CategoryChart(width, height);
        style(chart.getStyler(), chart, title, groupAxis, "clips");
        CategoryStyler st = chart.getStyler();
        st.setStacked(layout == BarLayout.STACKED);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setAvailableSpaceFill(layout == BarLayout.STACKED ? 0.6 : 0.85);
        st.setYAxisMin(0.0);
        wholeNumberTicks(st);
        rotateIfCrowded(chart.getStyler(), groups, width);
        for (Category c : categories) {
            List<Integer> ys = groups.stream().map(g -> counts.getOrDefault(g, Map.of()).getOrDefault(c, 0)).toList();
            chart.addSeries(c.chartName(), groups, ys).setFillColor(colours.get(c));
        }
        return chart;
    }

    /**
     * A histogram drawn as its outline filled (a numeric x axis places every bin edge exactly, which a category
     * axis would not).
     *
     * @param edges  bin edges, ascending, one more than {@code counts}
     * @param counts clips per bin
     */
    static XYChart histogram(String title, String xAxis, double[] edges, int[] counts, int width, int height) {
        if (edges.length != counts.length + 1 || counts.length == 0) {
            throw new IllegalArgumentException("need one more edge than bins and at least one bin, got "
                    + edges.length + " edges for " + counts.length + " bins");
        }
        XYChart chart = new XYChart(width, height);
        style(chart.getStyler(), chart, title, xAxis, "clips");
        XYStyler st = chart.getStyler();
        st.setLegendVisible(false);
        // Whole-number axis ends, so XChart's ticks fall on round values (1, 2, 3 s, not 1.25, 2, 2.75).
        st.setXAxisMin(Math.floor(edges[0]));
        st.setXAxisMax(Math.ceil(edges[edges.length - 1]));
        st.setYAxisMin(0.0);
        wholeNumberTicks(st);
        // The outline: up the first edge, along each bin's top, down the last edge. One extra point in the middle
        // of the first bin's top changes nothing drawn but makes the x values unequally spaced: XChart puts ticks
        // only on data values when they are equally spaced, which gives odd steps such as 0.75 s.
        double[] xs = new double[2 * counts.length + 3];
        double[] ys = new double[xs.length];
        xs[0] = edges[0];
        xs[1] = edges[0];
        ys[1] = counts[0];
        xs[2] = (edges[0] + edges[1]) / 2;
        ys[2] = counts[0];
        for (int i = 0; i < counts.length; i++) {
            xs[2 * i + 3] = edges[i + 1];
            ys[2 * i + 3] = counts[i];
            if (2 * i + 4 < xs.length - 1) {
                xs[2 * i + 4] = edges[i + 1];
                ys[2 * i + 4] = counts[i + 1];
            }
        }
        xs[xs.length - 1] = edges[edges.length - 1];
        XYSeries s = chart.addSeries("clips", xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(HISTOGRAM.darker());
        s.setFillColor(HISTOGRAM);
        s.setLineWidth(1.5f);
        return chart;
    }

    /** A waveform from its min/max envelope: a line zig-zagging between each column's minimum and maximum. */
    static XYChart waveform(String title, Envelope envelope, int width, int height) {
        XYChart chart = new XYChart(width, height);
        style(chart.getStyler(), chart, title, "time (s)", "amplitude");
        double peak = Math.max(envelope.peak() * 1.05, 0.01);
        XYStyler st = chart.getStyler();
        st.setLegendVisible(false);
        st.setYAxisMin(-peak);
        st.setYAxisMax(peak);
        st.setXAxisMin(0.0);
        st.setXAxisMax(envelope.durationSeconds());
        st.setYAxisDecimalPattern(DECIMALS);
        XYSeries s = chart.addSeries("waveform", envelope.times(), envelope.values());
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(SIGNAL);
        s.setLineWidth(1f);
        return chart;
    }

    /** Energy (RMS, left axis) and zero-crossing rate (right axis) against time. */
    static XYChart energyAndZcr(String title, double[] times, double[] rms, double[] zcr, double durationSeconds,
            int width, int height) {
        XYChart chart = new XYChart(width, height);
        style(chart.getStyler(), chart, title, "time (s)", "RMS energy");
        chart.setYAxisGroupTitle(1, "zero-crossing rate");
        XYStyler st = chart.getStyler();
        st.setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        // Below the plot, so the legend never hides a curve.
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setXAxisMin(0.0);
        st.setXAxisMax(durationSeconds);
        st.setYAxisMin(0, 0.0);
        st.setYAxisMin(1, 0.0);
        st.setYAxisMax(0, niceCeiling(max(rms)));
        st.setYAxisMax(1, niceCeiling(max(zcr)));
        st.setYAxisDecimalPattern(DECIMALS);
        st.putYAxisGroupDecimalPatternMap(1, DECIMALS);
        st.setYAxisGroupTickLabelsColorMap(0, SIGNAL);
        st.setYAxisGroupTickLabelsColorMap(1, SECOND_SIGNAL);
        XYSeries e = chart.addSeries("RMS energy (left)", times, rms);
        e.setMarker(SeriesMarkers.NONE);
        e.setLineColor(SIGNAL);
        e.setLineWidth(2f);
        XYSeries z = chart.addSeries("zero-crossing rate (right)", times, zcr);
        z.setYAxisGroup(1);
        z.setMarker(SeriesMarkers.NONE);
        z.setLineColor(SECOND_SIGNAL);
        z.setLineWidth(2f);
        z.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 3f},
                0f));
        return chart;
    }

    /**
     * One curve of {@link #curves}: points with a NaN y value are left out (a figure measured only every few
     * epochs), so the line joins the points that exist.
     */
    record Curve(String name, double[] xs, double[] ys, Color colour, boolean dashed) {
        Curve {
            if (xs.length != ys.length) {
                throw new IllegalArgumentException("a curve needs as many x as y values, found " + xs.length
                        + " and " + ys.length);
            }
        }
    }

    /**
     * Curves against a whole-number x axis (epochs), with a legend below the plot when there is more than one.
     *
     * @param yMin lower y limit, or NaN to let XChart choose
     * @param yMax upper y limit, or NaN to let XChart choose
     */
    static XYChart curves(String title, String xTitle, String yTitle, List<Curve> curves, double yMin, double yMax,
            int width, int height) {
        XYChart chart = new XYChart(width, height);
        style(chart.getStyler(), chart, title, xTitle, yTitle);
        XYStyler st = chart.getStyler();
        st.setLegendVisible(curves.size() > 1);
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setPlotGridVerticalLinesVisible(false);
        st.setYAxisDecimalPattern(DECIMALS);
        st.setxAxisTickLabelsFormattingFunction(v -> Math.abs(v - Math.rint(v)) < 1e-9
                ? String.format(Locale.ROOT, "%d", Math.round(v)) : "");
        if (!Double.isNaN(yMin)) {
            st.setYAxisMin(yMin);
        }
        if (!Double.isNaN(yMax)) {
            st.setYAxisMax(yMax);
        }
        for (Curve c : curves) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < c.xs().length; i++) {
                if (!Double.isNaN(c.ys()[i])) {
                    xs.add(c.xs()[i]);
                    ys.add(c.ys()[i]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(c.name(), xs, ys);
            // Markers show single epochs while they are few enough to tell apart.
            s.setMarker(xs.size() <= 40 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setMarkerColor(c.colour());
            s.setLineColor(c.colour());
            s.setLineWidth(2f);
            if (c.dashed()) {
                s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {6f, 3f}, 0f));
            }
        }
        return chart;
    }

    private static double max(double[] xs) {
        double m = 0;
        for (double x : xs) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** A round upper axis limit at or above {@code value}, so the curve never touches the frame. */
    private static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1e-3;
        }
        Ticks t = Ticks.of(0, value * 1.05, 6);
        return Math.ceil(value * 1.05 / t.step()) * t.step();
    }

    private static void style(AxesChartStyler styler, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart,
            String title, String xTitle, String yTitle) {
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        styler.setChartTitleFont(TITLE_FONT);
        styler.setChartTitleBoxVisible(false);
        styler.setChartFontColor(TEXT);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setLegendFont(TICK_FONT);
        styler.setLegendBorderColor(GRID);
        styler.setChartPadding(12);
        styler.setAntiAlias(true);
        styler.setAxisTitleFont(AXIS_TITLE_FONT);
        styler.setAxisTickLabelsFont(TICK_FONT);
        styler.setAxisTickLabelsColor(TEXT);
        styler.setPlotGridLinesColor(GRID);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setAxisTickPadding(6);
        styler.setAxisTitlePadding(8);
    }

    /** Counts are whole: small ones would otherwise get ticks at 0.5, 1.5 ...; those stay unlabelled. */
    private static void wholeNumberTicks(AxesChartStyler styler) {
        styler.setyAxisTickLabelsFormattingFunction(v -> Math.abs(v - Math.rint(v)) < 1e-9
                ? String.format(Locale.ROOT, "%,d", Math.round(v)) : "");
    }

    /** Rotates x tick labels by 45 degrees when, written flat, they would not fit side by side. */
    private static void rotateIfCrowded(AxesChartStyler styler, List<String> labels, int width) {
        int chars = labels.stream().mapToInt(String::length).sum() + 2 * labels.size();
        if (chars * CHAR_PIXELS > MAX_LABEL_SHARE * width) {
            styler.setXAxisLabelRotation(45);
        }
    }
}
