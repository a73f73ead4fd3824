package org.ser4j.recognizer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ser4j.core.Emotion;
import org.ser4j.core.vad.Segment;
import org.ser4j.core.vad.Segmenter;
import org.ser4j.core.vad.SegmenterConfig;
import org.ser4j.core.vad.SpeechRegion;
import org.ser4j.core.vad.VadStream;

/**
 * One recording pushed through voice activity detection, windowing, the model and merging, block by block.
 *
 * <p>A recording that ends within one window is kept whole and classified whole, as the model was trained on
 * whole clips. Past one window it becomes a timeline: each speech region is cut into windows on the
 * {@link Segmenter}'s grid, each window is classified as soon as it is complete, and neighbouring windows of one
 * region with the same label merge into a segment, reported as soon as a different label or the region's end
 * closes it. A region still growing is cut before it closes (its start is the detector's
 * {@link VadStream#undecidedFrom()}) once it is longer than a window and a margin, so only about one window and
 * the detector's undecided audio are held: an hour runs in bounded memory and the windows are exactly those of
 * the whole recording's regions.
 *
 * <p>Single use, not thread-safe.
 */
final class Timeline {

    /** Windows of a growing region end this far before the newest sample: the detector decides an end by then. */
    static final double GUARD_SECONDS = 1.0;

    /**
     * A speech region that fits in one window is classified with this much of the audio around it, as far as the
     * recording has it: the model learnt from whole corpus clips, which open and close with some room noise, and
     * answers better on a region framed the same way than on the speech cut out tight (12 EmoDB clips in a row:
     * 10 right with 0.2 s, 8 with none or 0.5 s; TimelineCorpusTest). A closed region waits until the context after
     * it has arrived, so streaming gives the one-shot answers whatever the block size. It must stay below
     * {@link #GUARD_SECONDS}, so that no window of a region cut while growing passes the region's end while it
     * waits.
     */
    static final double CONTEXT_SECONDS = 0.2;

    /** Scores one stretch of samples. */
    interface Scorer {
        /** Class probabilities of {@code samples}, at the recording's rate. */
        double[] score(float[] samples);
    }

    private final int rate;
    private final List<Emotion> labels;
    private final RecognizerConfig config;
    private final Scorer scorer;
    private final VadStream vad;
    private final Segmenter segmenter;
    private final Consumer<TimelineSegment> listener;
    private final long window;
    private final long hop;
    private final long guard;
    private final long context;

    private final SampleBuffer buffer = new SampleBuffer();
    private boolean longMode;
    private final List<SpeechRegion> earlyRegions = new ArrayList<>();
    private final ArrayDeque<SpeechRegion> pending = new ArrayDeque<>();
    private int regionCount;
    private boolean cutting;
    private long next;

    private Run run;
    private final List<TimelineSegment> segments = new ArrayList<>();
    private final double[] weightedProbabilities;
    private final Map<String, Double> labelSeconds = new LinkedHashMap<>();
    private double speechSeconds;

    Timeline(int rate, List<Emotion> labels, RecognizerConfig config, Scorer scorer, VadStream vad,
            Consumer<TimelineSegment> listener) {
        this.rate = rate;
        this.labels = List.copyOf(labels);
        this.config = config;
        this.scorer = scorer;
        this.vad = vad;
        this.listener = listener;
        this.segmenter = new Segmenter(SegmenterConfig.builder().optWindowSeconds(config.windowSeconds())
                .optHopSeconds(config.hopSeconds()).build());
        this.window = segmenter.windowSamples(rate);
        this.hop = segmenter.hopSamples(rate);
        this.guard = Math.round(GUARD_SECONDS * rate);
        this.context = Math.round(CONTEXT_SECONDS * rate);
        this.weightedProbabilities = new double[labels.size()];
    }

    /** Pushes the next samples. */
    void accept(float[] block, int offset, int length) {
        buffer.append(block, offset, length);
        List<SpeechRegion> closed = vad.accept(block, offset, length);
        if (!longMode) {
            earlyRegions.addAll(closed);
            if (buffer.end() <= window) {
                return;
            }
            longMode = true;
            closed = List.copyOf(earlyRegions);
            earlyRegions.clear();
        }
        pending.addAll(closed);
        // A region waits until the context after it has arrived, so the answer does not depend on block sizes.
        while (!pending.isEmpty() && pending.peekFirst().endSample() + context <= buffer.end()) {
            onRegion(pending.pollFirst());
        }
        cutGrowingRegion();
        // A region cut while growing ends with the window [end - window, end], which starts after next - hop.
        long keep = cutting ? next - hop : vad.undecidedFrom() - context;
        if (!pending.isEmpty()) {
            keep = Math.min(keep, pending.peekFirst().startSample() - context);
        }
        buffer.dropBefore(keep);
    }

    /** Samples held now: what the windows still to come may need (for tests of the memory bound). */
    long heldSamples() {
        return buffer.end() - buffer.start();
    }

    /**
     * Ends the recording.
     *
     * @throws NoSpeechException if no speech was found in it
     */
    Recognition finish() throws NoSpeechException {
        List<SpeechRegion> rest = vad.flush();
        double duration = (double) buffer.end() / rate;
        if (!longMode) {
            earlyRegions.addAll(rest);
            return finishShort(duration);
        }
        pending.addAll(rest);
        while (!pending.isEmpty()) {
            onRegion(pending.pollFirst());
        }
        if (segments.isEmpty()) {
            throw new NoSpeechException(duration);
        }
        double[] mean = weightedProbabilities.clone();
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= speechSeconds;
        }
        return new Recognition(estimate(mean), duration, segments, summary());
    }

    private Recognition finishShort(double duration) throws NoSpeechException {
        if (earlyRegions.isEmpty() || buffer.end() == 0) {
            throw new NoSpeechException(duration);
        }
        EmotionEstimate whole = estimate(scorer.score(buffer.copy(0, buffer.end())));
        if (earlyRegions.size() > 1) {
            for (SpeechRegion region : earlyRegions) {
                double[] p = scoreFramed(region.startSample(), region.endSample());
                addSegment(region.startSample(), region.endSample(), p);
            }
            return new Recognition(whole, duration, segments, summary());
        }
        double speech = earlyRegions.get(0).length() / (double) rate;
        return new Recognition(whole, duration, List.of(),
                new TimelineSummary(speech, Map.of(whole.label(), 1.0), whole.label()));
    }

    /** Cuts the windows of a region that is still open, up to the guard before the newest sample. */
    private void cutGrowingRegion() {
        long written = buffer.end();
        if (!cutting) {
            long undecided = vad.undecidedFrom();
            if (written - undecided < window + hop + guard) {
                return;
            }
            cutting = true;
            next = undecided;
        }
        while (next + window <= written - guard) {
            onWindow(next, next + window, regionCount, false);
            next += hop;
        }
    }

    private void onRegion(SpeechRegion region) {
        int index = regionCount++;
        long resume = region.startSample();
        if (cutting) {
            cutting = false;
            if (next >= region.endSample()) {
                closeRun();
                return;
            }
            resume = Math.max(resume, next);
        }
        for (Segment segment : segmenter.segment(region, resume, index)) {
            boolean whole = segment.startSample() == region.startSample() && segment.endSample() == region.endSample();
            onWindow(segment.startSample(), segment.endSample(), index, whole);
        }
        closeRun();
    }

    private void onWindow(long start, long end, int region, boolean wholeRegion) {
        double[] p = wholeRegion ? scoreFramed(start, end) : scorer.score(buffer.copy(start, end));
        if (!config.mergeAgreeing()) {
            addSegment(start, end, p);
            return;
        }
        String label = estimate(p).label();
        if (run != null && run.region == region && run.label.equals(label)) {
            run.add(end, p);
            return;
        }
        long from = start;
        if (run != null && run.region == region && start < run.end) {
            // Overlapping windows that disagree share the overlap: the boundary goes in its middle.
            run.end = (start + run.end) / 2;
            from = run.end;
        }
        closeRun();
        run = new Run(region, label, from, end, p);
    }

    /** Scores a whole region with {@link #CONTEXT_SECONDS} of the audio around it, as far as it is held. */
    private double[] scoreFramed(long start, long end) {
        return scorer.score(buffer.copy(Math.max(buffer.start(), start - context),
                Math.min(buffer.end(), end + context)));
    }

    private void closeRun() {
        if (run == null) {
            return;
        }
        double[] mean = run.sum.clone();
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= run.count;
        }
        addSegment(run.start, run.end, mean);
        run = null;
    }

    private void addSegment(long start, long end, double[] probabilities) {
        TimelineSegment segment = new TimelineSegment((double) start / rate, (double) end / rate,
                estimate(probabilities));
        double seconds = segment.durationSeconds();
        segments.add(segment);
        speechSeconds += seconds;
        labelSeconds.merge(segment.estimate().label(), seconds, Double::sum);
        for (int i = 0; i < probabilities.length; i++) {
            weightedProbabilities[i] += seconds * probabilities[i];
        }
        listener.accept(segment);
    }

    private TimelineSummary summary() {
        Map<String, Double> shares = new LinkedHashMap<>();
        labelSeconds.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> shares.put(e.getKey(), e.getValue() / speechSeconds));
        return new TimelineSummary(speechSeconds, shares, shares.keySet().iterator().next());
    }

    private EmotionEstimate estimate(double[] probabilities) {
        return EmotionEstimate.of(labels, probabilities, config.minConfidence());
    }

    /** Neighbouring windows of one region with one label. */
    private static final class Run {
        final int region;
        final String label;
        final long start;
        long end;
        final double[] sum;
        int count = 1;

        Run(int region, String label, long start, long end, double[] probabilities) {
            this.region = region;
            this.label = label;
            this.start = start;
            this.end = end;
            this.sum = probabilities.clone();
        }

        void add(long windowEnd, double[] probabilities) {
            end = Math.max(end, windowEnd);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += probabilities[i];
            }
            count++;
        }
    }
}
