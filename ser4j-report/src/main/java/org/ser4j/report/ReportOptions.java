package org.ser4j.report;

import org.ser4j.core.features.FeatureConfig;

/**
 * Settings of a {@link DatasetReport}; every one has a default in {@link #defaults()}.
 *
 * @param chartWidth         width in pixels of the count charts and the duration histogram (default 1000)
 * @param chartHeight        height in pixels of those charts (default 560)
 * @param clipWidth          width in pixels of each example clip's pictures (default 1000)
 * @param clipHeight         height in pixels of each example clip's pictures (default 340)
 * @param analysisSampleRate rate in Hz the example clips are decoded and resampled to before analysis (default
 *                           16,000, the rate the models of ser4j use)
 * @param maxExamples        the most example clips chosen when the caller names none (default 16; one per
 *                           emotion and extra label present, so the nine emotions of the vocabulary all fit)
 * @param listedUnrecognised how many unrecognised files the page lists by name (default 50; all are counted)
 * @param features           the feature parameters of the pictures (default {@link FeatureConfig#defaults()},
 *                           librosa's: n_fft 2048, hop 512, 128 mel bands, 20 MFCCs, top_db 80)
 */
public record ReportOptions(int chartWidth, int chartHeight, int clipWidth, int clipHeight, int analysisSampleRate,
        int maxExamples, int listedUnrecognised, FeatureConfig features) {

    /** Default {@link #chartWidth()}. */
    public static final int DEFAULT_CHART_WIDTH = 1000;
    /** Default {@link #chartHeight()}. */
    public static final int DEFAULT_CHART_HEIGHT = 560;
    /** Default {@link #clipWidth()}. */
    public static final int DEFAULT_CLIP_WIDTH = 1000;
    /** Default {@link #clipHeight()}. */
    public static final int DEFAULT_CLIP_HEIGHT = 340;
    /** Default {@link #analysisSampleRate()}. */
    public static final int DEFAULT_ANALYSIS_SAMPLE_RATE = 16_000;
    /** Default {@link #maxExamples()}. */
    public static final int DEFAULT_MAX_EXAMPLES = 16;
    /** Default {@link #listedUnrecognised()}. */
    public static final int DEFAULT_LISTED_UNRECOGNISED = 50;

    /** Smallest picture side that still leaves room for titles, axes and a plot. */
    static final int MIN_WIDTH = 400;
    static final int MIN_HEIGHT = 240;

    public ReportOptions {
        requireAtLeast("chartWidth", chartWidth, MIN_WIDTH);
        requireAtLeast("chartHeight", chartHeight, MIN_HEIGHT);
        requireAtLeast("clipWidth", clipWidth, MIN_WIDTH);
        requireAtLeast("clipHeight", clipHeight, MIN_HEIGHT);
        requireAtLeast("analysisSampleRate", analysisSampleRate, 1000);
        requireAtLeast("maxExamples", maxExamples, 0);
        requireAtLeast("listedUnrecognised", listedUnrecognised, 0);
        if (features == null) {
            throw new IllegalArgumentException("features must not be null");
        }
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }

    /** Every default. */
    public static ReportOptions defaults() {
        return new ReportOptions(DEFAULT_CHART_WIDTH, DEFAULT_CHART_HEIGHT, DEFAULT_CLIP_WIDTH, DEFAULT_CLIP_HEIGHT,
                DEFAULT_ANALYSIS_SAMPLE_RATE, DEFAULT_MAX_EXAMPLES, DEFAULT_LISTED_UNRECOGNISED,
                FeatureConfig.defaults());
    }

    /** These options with another example limit. */
    public ReportOptions withMaxExamples(int n) {
        return new ReportOptions(chartWidth, chartHeight, clipWidth, clipHeight, analysisSampleRate, n,
                listedUnrecognised, features);
    }

    /** These options with other chart sizes. */
    public ReportOptions withChartSize(int width, int height) {
        return new ReportOptions(width, height, clipWidth, clipHeight, analysisSampleRate, maxExamples,
                listedUnrecognised, features);
    }

    /** These options with other example-picture sizes. */
    public ReportOptions withClipSize(int width, int height) {
        return new ReportOptions(chartWidth, chartHeight, width, height, analysisSampleRate, maxExamples,
                listedUnrecognised, features);
    }
}
