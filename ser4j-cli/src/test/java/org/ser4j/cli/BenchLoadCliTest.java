package org.ser4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@code ser4j bench load} against a stub server that answers by script: the client's counts must equal what the
 * stub sent. No timing is asserted.
 */
class BenchLoadCliTest {

    private static final double MIB = 1024 * 1024;

    @Test
    void steadyLoadCountsEveryAnswerByTheStatusTheServerSent() throws IOException {
        // Every 4th request is refused as busy and every 7th fails: a mix the counts must reproduce exactly.
        try (Stub stub = new Stub(n -> n % 4 == 3 ? 503 : n % 7 == 5 ? 500 : 200)) {
            CliTest.Run r = CliTest.run("bench", "load", "--url", stub.url(), "--clients", "3", "--duration", "0.5",
                    "--sample-metrics", "--metrics-every", "0.2");
            assertEquals(0, r.exit(), r.err());
            JsonNode o = r.lines().get(0);
            int total = stub.recognized();
            assertTrue(total > 0, o.toString());
            assertEquals(total, o.get("requests").asInt());
            assertEquals(stub.answered(200), o.get("ok").asInt());
            assertEquals(stub.answered(503), o.get("errors").get("503").asInt());
            assertEquals(stub.answered(500), o.path("errors").path("500").asInt(0));
            assertEquals(total, stub.answered(200) + stub.answered(503) + stub.answered(500));
            assertTrue(o.get("p99_ms").asDouble() >= o.get("p50_ms").asDouble(), o.toString());
            assertTrue(o.get("rps").asDouble() > 0, o.toString());
            assertTrue(o.get("burst_503").isNull() && o.get("recovered").isNull(), o.toString());

            // The stub's RSS grows 10 MiB per scrape; the heap is two pools of the heap area, the non-heap left out.
            int scrapes = stub.metricsServed();
            assertEquals(scrapes, o.get("metrics_samples").asInt());
            assertTrue(scrapes >= 2, "one before and one after the load at least, got " + scrapes);
            assertEquals(100.0, o.get("rss_mb_first").asDouble(), 1e-9);
            assertEquals(100.0 + 10 * (scrapes - 1), o.get("rss_mb_last").asDouble(), 1e-9);
            assertEquals(o.get("rss_mb_last").asDouble(), o.get("rss_mb_max").asDouble(), 1e-9);
            assertEquals(50.0, o.get("heap_mb_first").asDouble(), 1e-9);
            assertEquals(50.0, o.get("heap_mb_max").asDouble(), 1e-9);

            // The default clip: a 3 s 16-bit mono WAV at the model's rate, as a raw body.
            byte[] body = stub.lastBody();
            assertEquals(44 + 2 * 3 * BenchLoadCommand.CLIP_RATE, body.length);
            assertEquals("RIFF", new String(body, 0, 4, StandardCharsets.US_ASCII));
            assertEquals("application/octet-stream", stub.lastContentType());
            assertTrue(r.err().contains("latency of the 200s"), r.err());
        }
    }

    @Test
    void aBurstCountsIts503sAndTheServerIsRecoveredWhenItAnswers200Again() throws IOException {
        Path clip = Path.of("..", "examples", "speech.wav");
        // The first 7 arrivals are refused: 7 of the 10 sent at once, whatever their order; the 11th is the check.
        try (Stub stub = new Stub(n -> n < 7 ? 503 : 200)) {
            CliTest.Run r = CliTest.run("bench", "load", "--url", stub.url() + "/", "--duration", "0", "--burst",
                    "10", "--clip", clip.toString());
            assertEquals(0, r.exit(), r.err());
            JsonNode o = r.lines().get(0);
            assertEquals(0, o.get("requests").asInt(), "--duration 0 skips the steady load");
            assertTrue(o.get("rps").isNull() && o.get("p50_ms").isNull(), o.toString());
            assertEquals(7, o.get("burst_503").asInt());
            assertEquals(3, o.get("burst_ok").asInt());
            assertTrue(o.get("burst_p50_ms").asDouble() >= 0, o.toString());
            assertTrue(o.get("recovered").asBoolean(), o.toString());
            assertEquals(11, stub.recognized());
            assertArrayEquals(Files.readAllBytes(clip), stub.lastBody());
            assertTrue(o.get("rss_mb_first").isNull(), "no --sample-metrics, no memory: " + o);
            assertTrue(r.err().contains("burst of 10: 7 got 503"), r.err());
        }
    }

    @Test
    void aServerThatStaysBusyIsReportedAsNotRecovered() throws IOException {
        try (Stub stub = new Stub(n -> 503)) {
            CliTest.Run r = CliTest.run("bench", "load", "--url", stub.url(), "--duration", "0", "--burst", "4",
                    "--recovery", "0");
            assertEquals(0, r.exit(), r.err());
            JsonNode o = r.lines().get(0);
            assertEquals(4, o.get("burst_503").asInt());
            assertEquals(0, o.get("burst_ok").asInt());
            assertFalse(o.get("recovered").asBoolean(), o.toString());
            assertTrue(o.get("recovered_after_s").isNull(), o.toString());
            assertEquals(5, stub.recognized(), "--recovery 0: the burst and one check");
        }
    }

    @Test
    void noServerIsOneLineAndExit1() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free once closed: nothing listens there
        }
        CliTest.Run r = CliTest.run("bench", "load", "--url", "http://127.0.0.1:" + port, "--duration", "1");
        assertEquals(ErrorHandler.EXIT_FAILED, r.exit());
        assertTrue(r.err().startsWith("ser4j: no server answers at http://127.0.0.1:" + port + "/health"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, CliTest.run("bench", "load", "--clients", "0").exit());
        assertEquals(2, CliTest.run("bench", "load", "--url", "127.0.0.1:8080").exit());
        assertEquals(2, CliTest.run("bench", "load", "--burst", "-1").exit());
    }

    @Test
    void prometheusValuesAreSummedOverTheMatchingSeriesOnly() {
        String text = """
                # HELP process_resident_memory_bytes Resident memory.
                # TYPE process_resident_memory_bytes gauge
                process_resident_memory_bytes 2.5E8
                process_resident_memory_bytes_peak 9e9
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1000
                jvm_memory_used_bytes{id="G1 Old Gen", area="heap"} 24 1700000000000
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5000
                """;
        assertEquals(2.5e8, BenchLoadCommand.value(text, "process_resident_memory_bytes", null));
        assertEquals(1024.0, BenchLoadCommand.value(text, "jvm_memory_used_bytes", "area=\"heap\""));
        assertEquals(6024.0, BenchLoadCommand.value(text, "jvm_memory_used_bytes", null));
        assertTrue(Double.isNaN(BenchLoadCommand.value(text, "ser4j_queue_depth", null)));
    }

    /**
     * A server that answers {@code POST /api/v1/recognize} with the status the script gives for the arrival
     * number (0, 1, ...), {@code /health} with 200, and {@code /metrics} with a heap of 50 MiB and an RSS that grows
     * 10 MiB per scrape from 100.
     */
    private static final class Stub implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(16);
        private final AtomicInteger arrivals = new AtomicInteger();
        private final AtomicInteger scrapes = new AtomicInteger();
        private final Map<Integer, AtomicInteger> answered = new ConcurrentHashMap<>();
        private final List<byte[]> bodies = Collections.synchronizedList(new ArrayList<>());
        private volatile String contentType;

        Stub(IntUnaryOperator script) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.setExecutor(threads);
            server.createContext("/health", ex -> reply(ex, 200, "{\"status\":\"up\"}"));
            server.createContext("/metrics", ex -> {
                int k = scrapes.getAndIncrement();
                reply(ex, 200, "# TYPE process_resident_memory_bytes gauge\n"
                        + "process_resident_memory_bytes " + (long) ((100 + 10 * k) * MIB) + "\n"
                        + "jvm_memory_used_bytes{area=\"heap\",id=\"eden\"} " + (long) (30 * MIB) + "\n"
                        + "jvm_memory_used_bytes{area=\"heap\",id=\"old\"} " + (long) (20 * MIB) + "\n"
                        + "jvm_memory_used_bytes{area=\"nonheap\",id=\"meta\"} " + (long) (70 * MIB) + "\n");
            });
            server.createContext("/api/v1/recognize", ex -> {
                byte[] body = ex.getRequestBody().readAllBytes();
                int status = script.applyAsInt(arrivals.getAndIncrement());
                bodies.add(body);
                contentType = ex.getRequestHeaders().getFirst("Content-Type");
                answered.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                reply(ex, status, status == 200 ? "{\"file\":\"upload\",\"emotion\":\"neutral\"}"
                        : "{\"status\":" + status + ",\"error\":\"busy\",\"message\":\"scripted\"}");
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int recognized() {
            return arrivals.get();
        }

        int answered(int status) {
            AtomicInteger n = answered.get(status);
            return n == null ? 0 : n.get();
        }

        int metricsServed() {
            return scrapes.get();
        }

        byte[] lastBody() {
            return bodies.get(bodies.size() - 1);
        }

        String lastContentType() {
            return contentType;
        }

        private static void reply(HttpExchange ex, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            if (status == 503) {
                ex.getResponseHeaders().set("Retry-After", "1"); // as the server sends it
            }
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
