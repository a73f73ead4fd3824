package org.ser4j.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The server's counters, written in the Prometheus text format 0.0.4 by hand: a dozen series do not justify a
 * metrics library. Thread-safe; every update is a lock-free adder.
 */
final class Metrics {

    /** Upper bounds of the recognition latency histogram, seconds: from a short clip to the default timeout. */
    static final double[] BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};

    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private final ConcurrentMap<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder[] bucketCounts = new LongAdder[BUCKETS.length];
    private final LongAdder latencyCount = new LongAdder();
    private final DoubleAdder latencySum = new DoubleAdder();
    private final LongAdder rejected = new LongAdder();
    private final DoubleAdder audioSeconds = new DoubleAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final IntSupplier queueDepth;

    /** @param queueDepth the number of recognitions waiting for a worker now */
    Metrics(IntSupplier queueDepth) {
        this.queueDepth = queueDepth;
        for (int i = 0; i < bucketCounts.length; i++) {
            bucketCounts[i] = new LongAdder();
        }
    }

    /** Counts a finished request; {@code endpoint} is the route, so the label set stays small. */
    void request(String endpoint, int status, double seconds, boolean recognize) {
        requests.computeIfAbsent(endpoint + '\n' + status, k -> new LongAdder()).increment();
        if (recognize) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    bucketCounts[i].increment();
                }
            }
            latencyCount.increment();
            latencySum.add(seconds);
        }
    }

    void rejected() {
        rejected.increment();
    }

    void audio(double seconds) {
        audioSeconds.add(seconds);
    }

    AtomicInteger inFlight() {
        return inFlight;
    }

    /** Everything, in the text exposition format. */
    String render() {
        StringBuilder out = new StringBuilder(2048);
        header(out, "ser4j_requests_total", "counter", "HTTP requests answered, by route and status.");
        Map<String, Long> sorted = new TreeMap<>();
        requests.forEach((k, v) -> sorted.put(k, v.sum()));
        sorted.forEach((k, v) -> {
            int cut = k.indexOf('\n');
            out.append("ser4j_requests_total{endpoint=\"").append(escape(k.substring(0, cut)))
                    .append("\",status=\"").append(k.substring(cut + 1)).append("\"} ").append(v).append('\n');
        });
        header(out, "ser4j_request_seconds", "histogram", "Time to answer POST /api/v1/recognize.");
        for (int i = 0; i < BUCKETS.length; i++) {
            out.append("ser4j_request_seconds_bucket{le=\"").append(number(BUCKETS[i])).append("\"} ")
                    .append(bucketCounts[i].sum()).append('\n');
        }
        long count = latencyCount.sum();
        out.append("ser4j_request_seconds_bucket{le=\"+Inf\"} ").append(count).append('\n');
        out.append("ser4j_request_seconds_sum ").append(number(latencySum.sum())).append('\n');
        out.append("ser4j_request_seconds_count ").append(count).append('\n');
        gauge(out, "ser4j_queue_depth", "Recognitions waiting for a worker.", queueDepth.getAsInt());
        gauge(out, "ser4j_in_flight", "Recognitions running now.", inFlight.get());
        header(out, "ser4j_rejected_total", "counter", "Recognitions refused because the queue was full.");
        out.append("ser4j_rejected_total ").append(rejected.sum()).append('\n');
        header(out, "ser4j_audio_seconds_total", "counter", "Seconds of audio recognised.");
        out.append("ser4j_audio_seconds_total ").append(number(audioSeconds.sum())).append('\n');
        header(out, "jvm_memory_used_bytes", "gauge", "Used bytes of a JVM memory area.");
        out.append("jvm_memory_used_bytes{area=\"heap\"} ")
                .append(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()).append('\n');
        OptionalLong rss = residentBytes();
        if (rss.isPresent()) {
            gauge(out, "process_resident_memory_bytes", "Resident memory size in bytes.", rss.getAsLong());
        }
        return out.toString();
    }

    /** VmRSS from /proc/self/status; empty where there is no procfs (macOS, Windows). */
    static OptionalLong residentBytes() {
        try {
            for (String line : Files.readAllLines(PROC_STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no procfs or an unexpected layout: the series is left out rather than reported wrong
        }
        return OptionalLong.empty();
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        header(out, name, "gauge", help);
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
