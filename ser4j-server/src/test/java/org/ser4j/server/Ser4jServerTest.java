package org.ser4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.recognizer.EmotionRecognizer;
import org.ser4j.recognizer.Recognition;
import org.ser4j.recognizer.RecognitionJson;

/** The REST contract of issue 6, over real HTTP against servers on free ports. */
class Ser4jServerTest {

    private static EmotionRecognizer recognizer;
    private static Ser4jServer server;
    private static Client client;
    @TempDir
    static Path sharedTemp;
    @TempDir
    Path temp;
    private final List<Ser4jServer> extra = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        recognizer = EmotionRecognizer.loadDefault();
        server = Ser4jServer.start(ServerConfig.builder().optPort(0).optHost("127.0.0.1").optWorkers(2)
                .optQueueSize(32).optTempDir(sharedTemp).build(), recognizer);
        client = new Client(server.port());
    }

    @AfterAll
    static void stopServer() {
        server.close();
        recognizer.close();
    }

    @AfterEach
    void stopExtraServersAndCheckTempDirs() throws Exception {
        extra.forEach(Ser4jServer::close);
        assertEmptyEventually(sharedTemp);
        assertEmptyEventually(temp);
    }

    private Ser4jServer start(ServerConfig.Builder config, RecognizeHandler.Gate gate) {
        Ser4jServer s = Ser4jServer.start(config.optPort(0).optHost("127.0.0.1").optTempDir(temp).build(),
                recognizer, gate);
        extra.add(s);
        return s;
    }

    // ---- 200 ----

    @Test
    void wavUploadedAsMultipartGivesThePredictJsonLine() throws Exception {
        Client.Reply reply = client.multipart("", "file", "speech.wav", Fixtures.speechWav(), true);
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        Recognition expected = recognizer.recognize(Fixtures.EXAMPLES.resolve("speech.wav"));
        assertEquals(Client.JSON.valueToTree(RecognitionJson.of("speech.wav", expected)), reply.json());
    }

    @Test
    void mp3UploadedAsRawBodyIsNamedUploadAndMatchesTheLibrary() throws Exception {
        Client.Reply reply = client.raw("", Fixtures.speechMp3(), true);
        assertEquals(200, reply.status(), reply.body());
        Recognition expected = recognizer.recognize(Fixtures.EXAMPLES.resolve("speech.mp3"));
        assertEquals(Client.JSON.valueToTree(RecognitionJson.of("upload", expected)), reply.json());
    }

    @Test
    void mp3AsMultipartAndWavAsChunkedRawBodyBothSucceed() throws Exception {
        Client.Reply mp3 = client.multipart("", "file", "clip.mp3", Fixtures.speechMp3(), false);
        assertEquals(200, mp3.status(), mp3.body());
        assertEquals("clip.mp3", mp3.json().get("file").asText());
        Client.Reply wav = client.raw("", Fixtures.speechWav(), false);
        assertEquals(200, wav.status(), wav.body());
        assertTrue(wav.json().has("emotion"));
        assertFalse(wav.json().has("audio"), "no detail unless asked for");
    }

    @Test
    void minConfidenceOfOneMakesTheAnswerUncertain() throws Exception {
        Client.Reply reply = client.raw("?min_confidence=1", Fixtures.speechWav(), true);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("uncertain", reply.json().get("emotion").asText());
        assertEquals(7, reply.json().get("probabilities").size() >= 2 ? 7 : 0);
    }

    @Test
    void detailAddsTheAudioInfoAndTheVisualsOfTheDocumentedShapes() throws Exception {
        Client.Reply reply = client.multipart("?detail=true", "file", "speech.wav", Fixtures.speechWav(), true);
        assertEquals(200, reply.status(), reply.body());
        JsonNode audio = reply.json().get("audio");
        assertEquals("WAV", audio.get("container").asText());
        assertEquals(16000, audio.get("sample_rate").asInt());
        assertEquals(1, audio.get("channels").asInt());
        assertEquals(2.177, audio.get("duration_s").asDouble(), 0.001);
        JsonNode waveform = reply.json().get("visuals").get("waveform");
        int points = waveform.get("points").asInt();
        assertTrue(points > 0 && points <= 1000, "points " + points);
        assertEquals(points, waveform.get("min").size());
        assertEquals(points, waveform.get("max").size());
        double covered = points * waveform.get("seconds_per_point").asDouble();
        assertTrue(covered >= 2.17 && covered < 2.18 + 2 * waveform.get("seconds_per_point").asDouble(),
                "points cover " + covered + " s");
        for (int i = 0; i < points; i++) {
            double lo = waveform.get("min").get(i).asDouble();
            double hi = waveform.get("max").get(i).asDouble();
            assertTrue(-1 <= lo && lo <= hi && hi <= 1, "bucket " + i + ": " + lo + ".." + hi);
        }
        JsonNode mel = reply.json().get("visuals").get("mel");
        assertEquals(64, mel.get("bands").asInt());
        assertEquals(-80, mel.get("min_db").asInt());
        assertEquals(0, mel.get("max_db").asInt());
        int frames = mel.get("frames").asInt();
        assertEquals(1 + 34829 / Visuals.HOP, frames, "librosa's centred frame count");
        byte[] data = Base64.getDecoder().decode(mel.get("data").asText());
        assertEquals(64 * frames, data.length);
        assertTrue(containsByte(data, (byte) 255), "the loudest cell is max_db");
    }

    @Test
    void detailOfAnMp3NamesItsContainerAndCodec() throws Exception {
        Client.Reply reply = client.raw("?detail=true", Fixtures.speechMp3(), true);
        assertEquals(200, reply.status(), reply.body());
        JsonNode audio = reply.json().get("audio");
        assertEquals("MP3", audio.get("container").asText());
        assertTrue(audio.get("codec").asText().startsWith("MPEG"), audio.get("codec").asText());
        assertTrue(reply.json().get("visuals").get("mel").get("frames").asInt() <= 800);
    }

    @Test
    void sixteenConcurrentUploadsAllSucceedOnTwoWorkers() throws Exception {
        List<CompletableFuture<Client.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            replies.add(i % 2 == 0 ? client.multipartAsync("", "s" + i + ".wav", Fixtures.speechWav())
                    : client.rawAsync(Fixtures.speechMp3()));
        }
        for (CompletableFuture<Client.Reply> r : replies) {
            Client.Reply reply = r.get(120, TimeUnit.SECONDS);
            assertEquals(200, reply.status(), reply.body());
        }
    }

    // ---- 4xx ----

    @Test
    void emptyBodyIs400() throws Exception {
        assertError(client.raw("", new byte[0], true), 400, "bad_request", "empty");
    }

    @Test
    void multipartWithoutAFileFieldIs400() throws Exception {
        assertError(client.multipart("", "audio", "speech.wav", Fixtures.speechWav(), true), 400, "bad_request",
                "'file'");
    }

    @Test
    void aBodyThatIsNotTheMultipartItClaimsIs400() throws Exception {
        assertError(client.multipartGarbled(Fixtures.text()), 400, "bad_request", "multipart");
    }

    @Test
    void truncatedWavIs400() throws Exception {
        assertError(client.raw("", Fixtures.truncatedWav(), true), 400, "bad_request", "decoded");
    }

    @Test
    void badQueryParametersAre400() throws Exception {
        assertError(client.raw("?min_confidence=2", Fixtures.speechWav(), true), 400, "bad_request",
                "min_confidence");
        assertError(client.raw("?min_confidence=abc", Fixtures.speechWav(), true), 400, "bad_request",
                "min_confidence");
        assertError(client.raw("?detail=yes", Fixtures.speechWav(), true), 400, "bad_request", "detail");
    }

    @Test
    void textIs415NamingWhatItIsAndWhatIsSupported() throws Exception {
        Client.Reply reply = client.multipart("", "file", "notes.wav", Fixtures.text(), true);
        assertError(reply, 415, "unsupported_media_type", "plain text");
        String message = reply.json().get("message").asText();
        for (String format : List.of("WAV", "FLAC", "MP3", "Ogg Vorbis", "Ogg Opus")) {
            assertTrue(message.contains(format), message);
        }
    }

    @Test
    void silenceIs422() throws Exception {
        assertError(client.raw("", Fixtures.silenceWav(3), true), 422, "no_speech", "no speech");
    }

    @Test
    void uploadsOverTheLimitAre413WithAndWithoutContentLength() throws Exception {
        Client small = new Client(start(ServerConfig.builder().optMaxUploadBytes(20_000), RecognizeHandler.Gate.OPEN)
                .port());
        byte[] wav = Fixtures.speechWav();
        assertError(small.raw("", wav, true), 413, "payload_too_large", "20000 bytes");
        assertError(small.raw("", wav, false), 413, "payload_too_large", "20000 bytes");
        assertError(small.multipart("", "file", "s.wav", wav, true), 413, "payload_too_large", "");
        assertError(small.multipart("", "file", "s.wav", wav, false), 413, "payload_too_large", "");
        assertEquals(200, small.raw("", Fixtures.speechMp3(), true).status(), "18 kB is under the limit");
    }

    @Test
    void audioLongerThanTheLimitIs413SayingTheLimit() throws Exception {
        Client brief = new Client(start(ServerConfig.builder().optMaxDurationSeconds(1), RecognizeHandler.Gate.OPEN)
                .port());
        assertError(brief.raw("", Fixtures.speechWav(), true), 413, "payload_too_large", "1 s");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405AsJson() throws Exception {
        assertError(client.get("/nothing/here"), 404, "not_found", "/nothing/here");
        assertError(client.get("/api/v1/recognize"), 405, "method_not_allowed", "GET");
        assertError(client.method("DELETE", "/health"), 405, "method_not_allowed", "DELETE");
    }

    // ---- 503 ----

    @Test
    void aFullQueueIsRefusedAtOnceAndTheServerRecovers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Ser4jServer busy = start(ServerConfig.builder().optWorkers(1).optQueueSize(1), () -> {
            running.countDown();
            release.await();
        });
        Client c = new Client(busy.port());
        CompletableFuture<Client.Reply> first = c.rawAsync(Fixtures.speechWav());
        assertTrue(running.await(120, TimeUnit.SECONDS), "the first request reaches the worker");
        CompletableFuture<Client.Reply> second = c.rawAsync(Fixtures.speechWav());
        waitFor(() -> metric(c, "ser4j_queue_depth") == 1);
        Client.Reply refused = c.raw("", Fixtures.speechWav(), true);
        assertError(refused, 503, "busy", "busy");
        assertEquals("1", refused.response().headers().firstValue("Retry-After").orElse(""));
        assertEquals(503, c.get("/ready").status());
        assertEquals("busy", c.get("/ready").json().get("status").asText());
        assertEquals(1, metric(c, "ser4j_rejected_total"));
        release.countDown();
        assertEquals(200, first.get(120, TimeUnit.SECONDS).status());
        assertEquals(200, second.get(120, TimeUnit.SECONDS).status());
        assertEquals(200, c.raw("", Fixtures.speechWav(), true).status());
        assertEquals(200, c.get("/ready").status());
    }

    @Test
    void aRequestPastItsTimeoutIs503AndItsWorkIsCancelled() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Ser4jServer slow = start(ServerConfig.builder().optWorkers(1).optQueueSize(2).optRequestTimeoutSeconds(0.5),
                never::await);
        Client c = new Client(slow.port());
        assertError(c.raw("", Fixtures.speechWav(), true), 503, "busy", "0.5 s");
        // the cancelled job gave its worker back
        waitFor(() -> metric(c, "ser4j_in_flight") == 0);
    }

    // ---- operations ----

    @Test
    void healthAndReadyAnswerWhileIdle() throws Exception {
        assertEquals("up", client.get("/health").json().get("status").asText());
        Client.Reply ready = client.get("/ready");
        assertEquals(200, ready.status());
        assertEquals("ready", ready.json().get("status").asText());
    }

    @Test
    void modelDescribesTheCardAndTheLimits() throws Exception {
        JsonNode model = client.get("/api/v1/model").json();
        assertEquals(recognizer.card().architecture(), model.get("architecture").asText());
        assertEquals(recognizer.sampleRate(), model.get("sample_rate").asInt());
        assertEquals(recognizer.labels().size(), model.get("labels").size());
        assertEquals("java-dense", model.get("engine").asText());
        for (String field : List.of("feature_set", "metrics", "training_data", "provenance")) {
            assertTrue(model.has(field), field);
        }
        JsonNode limits = model.get("limits");
        assertEquals(ServerConfig.DEFAULT_MAX_UPLOAD_BYTES, limits.get("max_upload_bytes").asLong());
        assertEquals(6, limits.get("formats").size());
    }

    @Test
    void metricsHaveEveryDocumentedSeries() throws Exception {
        assertEquals(200, client.raw("", Fixtures.speechWav(), true).status());
        Client.Reply reply = client.get("/metrics");
        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
        for (String series : List.of("ser4j_requests_total{endpoint=\"/api/v1/recognize\",status=\"200\"}",
                "ser4j_request_seconds_bucket{le=\"+Inf\"}", "ser4j_request_seconds_sum",
                "ser4j_request_seconds_count", "ser4j_queue_depth", "ser4j_in_flight", "ser4j_rejected_total",
                "ser4j_audio_seconds_total", "jvm_memory_used_bytes{area=\"heap\"}",
                "process_resident_memory_bytes")) {
            assertTrue(reply.body().contains(series + " "), series + " missing from\n" + reply.body());
        }
        assertTrue(metric(client, "ser4j_audio_seconds_total") > 2);
    }

    @Test
    void openApiParsesAndListsEveryRoute() throws Exception {
        JsonNode doc = client.get("/openapi.json").json();
        assertTrue(doc.get("openapi").asText().startsWith("3.0"));
        for (String route : Ser4jServer.routes()) {
            assertTrue(doc.get("paths").has(route), route);
        }
        assertTrue(doc.get("paths").has("/"));
        assertTrue(doc.get("paths").get("/api/v1/recognize").has("post"));
    }

    @Test
    void thePageIsServedFromTheClasspath() throws Exception {
        Client.Reply page = client.get("/");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    }

    // ---- helpers ----

    private static void assertError(Client.Reply reply, int status, String error, String inMessage) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        JsonNode body = reply.json();
        assertEquals(status, body.get("status").asInt());
        assertEquals(error, body.get("error").asText());
        assertTrue(body.get("message").asText().contains(inMessage), body.get("message").asText());
    }

    private static double metric(Client c, String name) throws IOException, InterruptedException {
        for (String line : c.get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError(name + " missing");
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Polls until the check holds; the bound only keeps a broken server from hanging the build. */
    private static void waitFor(Check check) throws Exception {
        for (int i = 0; i < 1200; i++) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition never held");
    }

    private static void assertEmptyEventually(Path dir) throws Exception {
        try {
            waitFor(() -> {
                try (Stream<Path> files = Files.list(dir)) {
                    return files.findAny().isEmpty();
                }
            });
        } catch (AssertionError e) {
            try (Stream<Path> files = Files.list(dir)) {
                throw new AssertionError("temp files left in " + dir + ": " + files.toList());
            }
        }
    }

    private static boolean containsByte(byte[] data, byte b) {
        for (byte x : data) {
            if (x == b) {
                return true;
            }
        }
        return false;
    }
}
