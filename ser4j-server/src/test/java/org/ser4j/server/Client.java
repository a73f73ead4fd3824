package org.ser4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A small HTTP client for the tests: raw and multipart uploads, with and without Content-Length. */
final class Client {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "ser4j-test-boundary-7d1f";
    /** Only to keep a broken server from hanging the build; no test measures time. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HANG_GUARD).build();
    private final String base;

    Client(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response with its body read as text. */
    record Reply(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply method(String method, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    Reply raw(String query, byte[] body, boolean withLength) throws IOException, InterruptedException {
        return send(rawRequest(query, body, withLength));
    }

    Reply multipart(String query, String field, String filename, byte[] body, boolean withLength)
            throws IOException, InterruptedException {
        return send(multipartRequest(query, field, filename, body, withLength));
    }

    /** A body declared multipart with a boundary that never occurs in it. */
    Reply multipartGarbled(byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/api/v1/recognize"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    CompletableFuture<Reply> multipartAsync(String query, String filename, byte[] body) {
        return http.sendAsync(multipartRequest(query, "file", filename, body, true).build(),
                HttpResponse.BodyHandlers.ofString()).thenApply(r -> new Reply(r.statusCode(), r.body(), r));
    }

    CompletableFuture<Reply> rawAsync(byte[] body) {
        return http.sendAsync(rawRequest("", body, true).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Reply(r.statusCode(), r.body(), r));
    }

    private HttpRequest.Builder rawRequest(String query, byte[] body, boolean withLength) {
        return HttpRequest.newBuilder(uri("/api/v1/recognize" + query))
                .header("Content-Type", "application/octet-stream").POST(publisher(body, withLength));
    }

    private HttpRequest.Builder multipartRequest(String query, String field, String filename, byte[] content,
            boolean withLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri("/api/v1/recognize" + query))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(publisher(out.toByteArray(), withLength));
    }

    /** Without a length the client streams the body chunked, as a browser streaming a file might. */
    private static HttpRequest.BodyPublisher publisher(byte[] body, boolean withLength) {
        return withLength ? HttpRequest.BodyPublishers.ofByteArray(body)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(HANG_GUARD).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }
}
