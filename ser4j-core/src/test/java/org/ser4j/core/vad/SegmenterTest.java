package org.ser4j.core.vad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    private static final int RATE = 16_000;

    private static SpeechRegion region(double from, double to) {
        return new SpeechRegion(Math.round(from * RATE), Math.round(to * RATE), RATE);
    }

    private static List<Double> starts(List<Segment> segments) {
        return segments.stream().map(Segment::startSeconds).toList();
    }

    @Test
    void regionShorterThanTheWindowIsOneSegment() {
        assertEquals(List.of(new Segment(16_000, 48_000, RATE, 0)),
                new Segmenter().segment(List.of(region(1.0, 3.0))));
    }

    @Test
    void regionExactlyOneWindowIsOneSegment() {
        assertEquals(List.of(new Segment(16_000, 64_000, RATE, 0)),
                new Segmenter().segment(List.of(region(1.0, 4.0))));
    }

    @Test
    void longRegionGetsHopSpacedWindowsAndALastOneAlignedToItsEnd() {
        List<Segment> segments = new Segmenter().segment(List.of(region(0.0, 7.2)));
        assertEquals(List.of(0.0, 1.5, 3.0, 4.2), starts(segments));
        for (Segment s : segments) {
            assertEquals(3 * RATE, s.length());
        }
        assertEquals(Math.round(7.2 * RATE), segments.get(3).endSample());
    }

    @Test
    void regionEndingOnAHopBoundaryHasNoDuplicateWindow() {
        assertEquals(List.of(0.0, 1.5, 3.0), starts(new Segmenter().segment(List.of(region(0.0, 6.0)))));
    }

    @Test
    void segmentsCarryTheirRegionIndexAndOffset() {
        List<Segment> segments = new Segmenter(SegmenterConfig.builder().optWindowSeconds(2).optHopSeconds(2).build())
                .segment(List.of(region(0.0, 1.0), region(10.0, 14.5)));
        assertEquals(List.of(0.0, 10.0, 12.0, 12.5), starts(segments));
        assertEquals(List.of(0, 1, 1, 1), segments.stream().map(Segment::regionIndex).toList());
    }

    @Test
    void noRegionsGiveNoSegments() {
        assertEquals(List.of(), new Segmenter().segment(List.of()));
    }

    @Test
    void configRequiresAHopWithinTheWindow() {
        assertThrows(IllegalArgumentException.class, () -> new SegmenterConfig(3, 0));
        assertThrows(IllegalArgumentException.class, () -> new SegmenterConfig(3, 3.5));
        assertThrows(IllegalArgumentException.class, () -> new SegmenterConfig(0, 0));
        assertEquals(new SegmenterConfig(3, 3), SegmenterConfig.builder().optHopSeconds(3).build());
        assertThrows(IllegalArgumentException.class, () -> new Segment(0, 10, RATE, -1));
    }
}
