package org.ser4j.core.vad;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts speech regions into fixed-length, overlapping windows for a classifier trained on short utterances.
 * A region no longer than the window is one segment, the region itself. A longer one gets windows starting at
 * its start, start + hop, ... while they end inside the region, and a last window ending exactly at the
 * region's end, so there is no short tail segment and every segment has the window's length.
 * Immutable and thread-safe.
 */
public final class Segmenter {

    private final SegmenterConfig config;

    /** A segmenter with {@link SegmenterConfig#defaults()}. */
    public Segmenter() {
        this(SegmenterConfig.defaults());
    }

    /**
     * A segmenter with the given window and hop.
     *
     * @param config the settings, not null
     */
    public Segmenter(SegmenterConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
    }

    /** The settings of this segmenter. */
    public SegmenterConfig config() {
        return config;
    }

    /**
     * The segments of every region, region by region, each in order of start.
     *
     * @param regions the regions, not null and without null elements; window and hop are converted to samples
     *                at each region's rate
     * @return the segments; {@link Segment#regionIndex()} is the position of its region in {@code regions}
     */
    public List<Segment> segment(List<SpeechRegion> regions) {
        if (regions == null) {
            throw new IllegalArgumentException("regions must not be null");
        }
        List<Segment> segments = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            SpeechRegion region = regions.get(r);
            if (region == null) {
                throw new IllegalArgumentException("region " + r + " must not be null");
            }
            cut(region, r, segments);
        }
        return List.copyOf(segments);
    }

    private void cut(SpeechRegion region, int index, List<Segment> out) {
        out.addAll(segment(region, region.startSample(), index));
    }

    /**
     * The segments of one region from {@code resumeAt} on: the windows of {@link #segment(List)} whose start is
     * at least {@code resumeAt}, for a caller that already took the earlier windows of a region while it was
     * still growing ({@link VadStream#undecidedFrom()}). Windows lie on the grid
     * {@code resumeAt + k * hop}, so {@code resumeAt} must itself be a window start of the region.
     *
     * @param region   the region, not null
     * @param resumeAt the first window's start, from the region's start to before its end
     * @param index    the region's index, copied into the segments
     * @return the segments in order of start; the last one always ends at the region's end
     */
    public List<Segment> segment(SpeechRegion region, long resumeAt, int index) {
        if (region == null) {
            throw new IllegalArgumentException("region must not be null");
        }
        long start = region.startSample();
        long end = region.endSample();
        if (resumeAt < start || resumeAt >= end) {
            throw new IllegalArgumentException("resumeAt " + resumeAt + " must lie within the region [" + start
                    + ", " + end + ")");
        }
        int rate = region.sampleRate();
        long window = windowSamples(rate);
        long hop = hopSamples(rate);
        List<Segment> out = new ArrayList<>();
        if (end - start <= window) {
            out.add(new Segment(start, end, rate, index));
            return out;
        }
        for (long s = resumeAt; s + window < end; s += hop) {
            out.add(new Segment(s, s + window, rate, index));
        }
        out.add(new Segment(Math.max(start, end - window), end, rate, index));
        return out;
    }

    /** The window length in samples at {@code rate}: at least one. */
    public long windowSamples(int rate) {
        return Math.max(1, Samples.toSamples(config.windowSeconds(), rate));
    }

    /** The hop in samples at {@code rate}: at least one. */
    public long hopSamples(int rate) {
        return Math.max(1, Samples.toSamples(config.hopSeconds(), rate));
    }
}
