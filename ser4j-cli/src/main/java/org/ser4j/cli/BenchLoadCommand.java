package org.ser4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ser4j bench load}: a load client for {@code ser4j serve}. Concurrent clients post a clip to
 * {@code /api/v1/recognize} in a loop for a fixed time; then, optionally, a burst of requests sent at once checks
 * that a full queue answers 503 quickly and that the server answers 200 again afterwards.
 *
 * <p>Each client waits for its answer before sending the next request (a closed loop), so the throughput is what
 * the server sustains with that many requests in flight. After a 503 a client waits as long as the answer's
 * Retry-After says, as a well-behaved client would.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load a running ser4j server and print one JSON line: {\"requests\",\"ok\",\"errors\","
                + "\"rps\",\"p50_ms\",\"p99_ms\",\"rss_mb_first\",...,\"burst_503\",\"burst_p50_ms\","
                + "\"recovered\"}; a summary for people goes to stderr.",
                "Latency percentiles and rps count the 200 answers; errors are counted by HTTP status "
                        + "(\"io\" and \"timeout\" for requests that got no answer). After a 503 a client waits as "
                        + "long as its Retry-After says."})
final class BenchLoadCommand implements Callable<Integer> {

    /** Rate of the generated clip: the default model's, so the server does not resample it. */
    static final int CLIP_RATE = 16000;
    /** Seed of the generated clip, so every run sends the same signal. */
    private static final long CLIP_SEED = 20261206L;
    /** Longer than the server's own request timeout (120 s), so the server's 503 is what a slow request gets. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Pause between attempts while waiting for the server to recover: the Retry-After the server sends. */
    private static final long RETRY_MILLIS = 1000;
    private static final double MB = 1024.0 * 1024.0;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "The server's base URL (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "16",
            description = "Concurrent clients, each with one request in flight (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "60",
            description = "Seconds of steady load; 0 skips it (default: ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--clip", paramLabel = "FILE",
            description = "The audio file every request sends (default: a generated 3 s speech-like WAV).")
    Path clip;

    @Option(names = "--burst", paramLabel = "N", defaultValue = "0",
            description = "After the steady load, send N requests at once, count the 503s, then check that the "
                    + "server answers 200 again; 0 skips it (default: ${DEFAULT-VALUE}).")
    int burst;

    @Option(names = "--recovery", paramLabel = "S", defaultValue = "10",
            description = "How long to keep asking for a 200 after the burst, one request a second "
                    + "(default: ${DEFAULT-VALUE}).")
    double recovery;

    @Option(names = "--sample-metrics",
            description = "Read the server's /metrics during the steady load for its resident memory and heap.")
    boolean sampleMetrics;

    @Option(names = "--metrics-every", paramLabel = "S", defaultValue = "5",
            description = "Seconds between /metrics samples (default: ${DEFAULT-VALUE}); one more is taken "
                    + "before and after the load.")
    double metricsEvery;

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        byte[] audio = clip == null
                ? BenchPredictCommand.Wav.bytes(BenchPredictCommand.SpeechLike.clip(new Random(CLIP_SEED),
                        CLIP_RATE), CLIP_RATE)
                : Files.readAllBytes(clip);
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        ExecutorService httpThreads = Executors.newCachedThreadPool(daemon("ser4j-load-http"));
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT).executor(httpThreads).build();
            checkServer(http, base);
            HttpRequest recognize = HttpRequest.newBuilder(URI.create(base + "/api/v1/recognize"))
                    .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(audio)).build();

            MetricsSampler sampler = sampleMetrics ? new MetricsSampler(http, URI.create(base + "/metrics")) : null;
            if (sampler != null) {
                sampler.start(metricsEvery);
            }
            long start = System.nanoTime();
            Tally steady = duration > 0 ? steady(http, recognize) : new Tally();
            double wall = (System.nanoTime() - start) / 1e9;
            List<MetricsSample> samples = sampler == null ? List.of() : sampler.stop();

            Map<String, Object> o = JsonLines.object();
            o.put("requests", steady.requests());
            o.put("ok", steady.ok());
            o.put("errors", steady.errors());
            o.put("rps", duration > 0 ? round(steady.ok() / wall) : null);
            o.put("p50_ms", steady.percentileMillis("200", 0.50));
            o.put("p99_ms", steady.percentileMillis("200", 0.99));
            putFirstLastMax(o, "rss_mb", samples, MetricsSample::rssMb);
            putFirstLastMax(o, "heap_mb", samples, MetricsSample::heapMb);
            o.put("metrics_samples", samples.size());
            o.put("burst", burst);
            if (burst > 0) {
                Tally b = burst(http, recognize);
                o.put("burst_503", b.count("503"));
                o.put("burst_ok", b.ok());
                o.put("burst_p50_ms", b.percentileMillis("503", 0.50));
                Double recoveredAfter = recover(http, recognize);
                o.put("recovered", recoveredAfter != null);
                o.put("recovered_after_s", recoveredAfter == null ? null : round(recoveredAfter));
            } else {
                o.put("burst_503", null);
                o.put("burst_ok", null);
                o.put("burst_p50_ms", null);
                o.put("recovered", null);
                o.put("recovered_after_s", null);
            }
            o.put("clients", clients);
            o.put("duration_s", round(wall));
            o.put("clip_bytes", audio.length);
            o.put("clip", clip == null ? "synthetic 3 s" : clip.toString());
            o.put("url", base);
            summarise(err, o);
            JsonLines.print(spec.commandLine().getOut(), o);
            return 0;
        } finally {
            httpThreads.shutdownNow();
        }
    }

    private void validate() {
        if (clients < 1) {
            throw new ParameterException(spec.commandLine(), "--clients must be at least 1, was " + clients);
        }
        if (!(duration >= 0)) {
            throw new ParameterException(spec.commandLine(), "--duration must be at least 0, was " + duration);
        }
        if (burst < 0) {
            throw new ParameterException(spec.commandLine(), "--burst must be at least 0, was " + burst);
        }
        if (!(recovery >= 0)) {
            throw new ParameterException(spec.commandLine(), "--recovery must be at least 0, was " + recovery);
        }
        if (!(metricsEvery > 0)) {
            throw new ParameterException(spec.commandLine(), "--metrics-every must be above 0, was "
                    + metricsEvery);
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new ParameterException(spec.commandLine(), "--url must start with http:// or https://, was '"
                    + url + "'");
        }
    }

    /** Fails with one clear line when nothing answers, rather than counting a minute of connection errors. */
    private static void checkServer(HttpClient http, String base) throws IOException, InterruptedException {
        URI health = URI.create(base + "/health");
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(health).timeout(CONNECT_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IOException("no server answers at " + health + " (" + e + "); start one with 'ser4j serve'",
                    e);
        }
        if (status != 200) {
            throw new IOException("the server at " + base + " is not up: expected 200 from " + health + ", found "
                    + status);
        }
    }

    /** The closed loop: each client sends, waits for the answer, and sends again until the time is up. */
    private Tally steady(HttpClient http, HttpRequest recognize) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients, daemon("ser4j-load-client"));
        try {
            long deadline = System.nanoTime() + Math.round(duration * 1e9);
            List<Future<Tally>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    Tally t = new Tally();
                    while (System.nanoTime() < deadline) {
                        long start = System.nanoTime();
                        HttpResponse<Void> response = null;
                        IOException failure = null;
                        try {
                            response = http.send(recognize, HttpResponse.BodyHandlers.discarding());
                        } catch (IOException e) {
                            failure = e;
                        }
                        t.accept(statusKey(response, failure), System.nanoTime() - start);
                        if (response != null && response.statusCode() == 503) {
                            // A client that retried at once would measure a storm of 503s it made itself.
                            long left = (deadline - System.nanoTime()) / 1_000_000;
                            long pause = Math.min(retryAfterMillis(response), left);
                            if (pause > 0) {
                                Thread.sleep(pause);
                            }
                        }
                    }
                    return t;
                }));
            }
            Tally all = new Tally();
            for (Future<Tally> f : futures) {
                all.combine(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code burst} requests sent at once without waiting, each on its own connection. */
    private Tally burst(HttpClient http, HttpRequest recognize) {
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            long start = System.nanoTime();
            outcomes.add(http.sendAsync(recognize, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> new Outcome(statusKey(response, failure),
                            System.nanoTime() - start)));
        }
        Tally t = new Tally();
        for (CompletableFuture<Outcome> o : outcomes) {
            Outcome outcome = o.join();
            t.accept(outcome.key(), outcome.nanos());
        }
        return t;
    }

    /** One request's status key and latency. */
    private record Outcome(String key, long nanos) {
    }

    /**
     * Asks once a second until a request gets 200 or {@code recovery} seconds have passed.
     *
     * @return seconds from the first attempt to the 200, or null if none came
     */
    private Double recover(HttpClient http, HttpRequest recognize) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            try {
                if (http.send(recognize, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IOException e) {
                // No answer counts as not recovered yet; the loop asks again.
            }
            if ((System.nanoTime() - start) / 1e9 + RETRY_MILLIS / 1e3 > recovery) {
                return null;
            }
            Thread.sleep(RETRY_MILLIS);
        }
    }

    /** The pause a 503 asks for (Retry-After in seconds), or a second when it names none. */
    static long retryAfterMillis(HttpResponse<?> response) {
        try {
            return response.headers().firstValue("Retry-After").map(v -> Long.parseLong(v.strip()) * 1000)
                    .orElse(RETRY_MILLIS);
        } catch (NumberFormatException e) {
            return RETRY_MILLIS; // an HTTP date instead of seconds: ser4j never sends one
        }
    }

    /** The HTTP status as text, or "timeout" / "io" for a request that got no answer. */
    static String statusKey(HttpResponse<?> response, Throwable failure) {
        if (response != null) {
            return Integer.toString(response.statusCode());
        }
        Throwable t = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return t instanceof HttpTimeoutException ? "timeout" : "io";
    }

    private static void putFirstLastMax(Map<String, Object> o, String prefix, List<MetricsSample> samples,
            ToDoubleFunction<MetricsSample> value) {
        List<Double> values = new ArrayList<>();
        for (MetricsSample s : samples) {
            double v = value.applyAsDouble(s);
            if (!Double.isNaN(v)) {
                values.add(v);
            }
        }
        o.put(prefix + "_first", values.isEmpty() ? null : round(values.get(0)));
        o.put(prefix + "_last", values.isEmpty() ? null : round(values.get(values.size() - 1)));
        o.put(prefix + "_max", values.isEmpty() ? null : round(Collections.max(values)));
    }

    private static void summarise(PrintWriter err, Map<String, Object> o) {
        err.printf(Locale.ROOT, "%s clients for %s s against %s, clip %s (%s bytes)%n", o.get("clients"),
                o.get("duration_s"), o.get("url"), o.get("clip"), o.get("clip_bytes"));
        err.printf(Locale.ROOT, "requests:   %s, ok %s, errors %s%n", o.get("requests"), o.get("ok"),
                o.get("errors"));
        err.printf(Locale.ROOT, "throughput: %s ok/s; latency of the 200s: p50 %s ms, p99 %s ms%n", o.get("rps"),
                o.get("p50_ms"), o.get("p99_ms"));
        if ((int) o.get("metrics_samples") > 0) {
            err.printf(Locale.ROOT, "memory:     RSS first %s, last %s, max %s MB; heap first %s, last %s, max %s MB"
                    + " (%s samples)%n", o.get("rss_mb_first"), o.get("rss_mb_last"), o.get("rss_mb_max"),
                    o.get("heap_mb_first"), o.get("heap_mb_last"), o.get("heap_mb_max"), o.get("metrics_samples"));
        }
        if ((int) o.get("burst") > 0) {
            err.printf(Locale.ROOT, "burst of %s: %s got 503 (p50 %s ms), %s got 200; recovered: %s%n",
                    o.get("burst"), o.get("burst_503"), o.get("burst_p50_ms"), o.get("burst_ok"),
                    Boolean.TRUE.equals(o.get("recovered")) ? "yes, after " + o.get("recovered_after_s") + " s"
                            : "no");
        }
        err.flush();
    }

    private static double round(double v) {
        return BenchFeaturesCommand.round(v);
    }

    /** Daemon threads, so a request stuck past every timeout cannot keep the JVM alive after the report. */
    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Outcomes of requests: the latency of each, grouped by status key. One per client thread (not
     * thread-safe), combined at the end.
     */
    static final class Tally {
        private final Map<String, List<Long>> nanosByKey = new TreeMap<>();

        void accept(String key, long nanos) {
            nanosByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(nanos);
        }

        void combine(Tally other) {
            other.nanosByKey.forEach((k, v) -> nanosByKey.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }

        int count(String key) {
            return nanosByKey.getOrDefault(key, List.of()).size();
        }

        int ok() {
            return count("200");
        }

        int requests() {
            return nanosByKey.values().stream().mapToInt(List::size).sum();
        }

        /** Counts of every key but 200, in key order. */
        Map<String, Integer> errors() {
            Map<String, Integer> out = new TreeMap<>();
            nanosByKey.forEach((k, v) -> {
                if (!k.equals("200")) {
                    out.put(k, v.size());
                }
            });
            return out;
        }

        /** Nearest-rank percentile of the latencies of {@code key} in ms, or null when there were none. */
        Double percentileMillis(String key, double p) {
            List<Long> nanos = nanosByKey.get(key);
            if (nanos == null || nanos.isEmpty()) {
                return null;
            }
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return round(BenchPredictCommand.percentile(sorted, p) / 1e6);
        }
    }

    /** One reading of the server's memory, in MB; NaN where /metrics did not have the series. */
    record MetricsSample(double rssMb, double heapMb) {
    }

    /** Reads /metrics on a schedule while the load runs; a failed read is a sample of NaNs, never fatal. */
    static final class MetricsSampler {
        private final HttpClient http;
        private final HttpRequest request;
        private final List<MetricsSample> samples = Collections.synchronizedList(new ArrayList<>());
        private ScheduledExecutorService timer;

        MetricsSampler(HttpClient http, URI metrics) {
            this.http = http;
            this.request = HttpRequest.newBuilder(metrics).timeout(CONNECT_TIMEOUT).GET().build();
        }

        void start(double everySeconds) {
            timer = Executors.newSingleThreadScheduledExecutor(daemon("ser4j-load-metrics"));
            timer.scheduleAtFixedRate(() -> samples.add(read()), 0, Math.round(everySeconds * 1000),
                    TimeUnit.MILLISECONDS);
        }

        /** Stops the schedule, takes the last sample, and answers all of them in order. */
        List<MetricsSample> stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(1, TimeUnit.MINUTES);
            samples.add(read());
            synchronized (samples) {
                return List.copyOf(samples);
            }
        }

        private MetricsSample read() {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    return new MetricsSample(Double.NaN, Double.NaN);
                }
                return new MetricsSample(value(r.body(), "process_resident_memory_bytes", null) / MB,
                        value(r.body(), "jvm_memory_used_bytes", "area=\"heap\"") / MB);
            } catch (IOException e) {
                return new MetricsSample(Double.NaN, Double.NaN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new MetricsSample(Double.NaN, Double.NaN);
            }
        }
    }

    /**
     * The sum of the series named {@code name} in Prometheus text format whose labels include {@code label}
     * (null: any labels), or NaN when there is none. Summing covers exporters that split the heap by pool.
     */
    static double value(String prometheusText, String name, String label) {
        double sum = 0;
        boolean found = false;
        for (String line : prometheusText.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || !l.startsWith(name)) {
                continue;
            }
            String rest = l.substring(name.length());
            String labels = "";
            if (rest.startsWith("{")) {
                int close = rest.indexOf('}');
                if (close < 0) {
                    continue;
                }
                labels = rest.substring(1, close);
                rest = rest.substring(close + 1);
            }
            if (!rest.startsWith(" ") && !rest.startsWith("\t")) {
                continue; // a longer name that starts with this one
            }
            if (label != null && Arrays.stream(labels.split(",")).map(String::strip).noneMatch(label::equals)) {
                continue;
            }
            String[] fields = rest.strip().split("\\s+");
            try {
                sum += Double.parseDouble(fields[0]);
                found = true;
            } catch (NumberFormatException e) {
                // Prometheus writes +Inf and -Inf, which Java does not parse; a gauge of memory is never either.
            }
        }
        return found ? sum : Double.NaN;
    }
}
