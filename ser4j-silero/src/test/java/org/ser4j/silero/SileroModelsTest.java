package org.ser4j.silero;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the model file, and downloading it from a real local HTTP server. */
class SileroModelsTest {

    private static final byte[] MODEL = "pretend this is silero_vad.onnx".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/model.onnx", exchange -> {
            exchange.sendResponseHeaders(200, MODEL.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(MODEL);
            }
        });
        server.createContext("/missing.onnx", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Everything in the folder: a failed download must leave no temporary file behind. */
    private List<Path> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted().toList();
        }
    }

    @Test
    void downloadWritesTheVerifiedFileCreatingFolders() throws Exception {
        Path target = dir.resolve("cache/models/silero_vad.onnx");
        assertEquals(target, SileroModels.download(url("/model.onnx"), sha256(MODEL), target));
        assertArrayEquals(MODEL, Files.readAllBytes(target));
        assertEquals(List.of(target), files(target.getParent()));
    }

    @Test
    void checksumMismatchLeavesNothingAtTheTarget() throws Exception {
        Path target = dir.resolve("silero_vad.onnx");
        SileroModelException e = assertThrows(SileroModelException.class,
                () -> SileroModels.download(url("/model.onnx"), SileroModels.SHA256, target));
        assertEquals(SileroModelException.Problem.CHECKSUM_MISMATCH, e.problem());
        assertTrue(e.getMessage().contains(sha256(MODEL)) && e.getMessage().contains(SileroModels.SHA256),
                e.getMessage());
        assertEquals(List.of(), files(dir));
    }

    @Test
    void failedDownloadKeepsAnExistingFileAsItWas() throws Exception {
        Path target = Files.writeString(dir.resolve("silero_vad.onnx"), "previous");
        assertThrows(SileroModelException.class,
                () -> SileroModels.download(url("/model.onnx"), SileroModels.SHA256, target));
        assertEquals("previous", Files.readString(target));
        assertEquals(List.of(target), files(dir));
    }

    @Test
    void httpErrorIsReportedWithItsStatus() {
        Path target = dir.resolve("silero_vad.onnx");
        SileroModelException e = assertThrows(SileroModelException.class,
                () -> SileroModels.download(url("/missing.onnx"), SileroModels.SHA256, target));
        assertEquals(SileroModelException.Problem.DOWNLOAD_FAILED, e.problem());
        assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("/missing.onnx"),
                e.getMessage());
        assertTrue(Files.notExists(target));
    }

    @Test
    void connectionFailureIsReported() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path target = dir.resolve("silero_vad.onnx");
        URI nobody = URI.create("http://127.0.0.1:" + closedPort + "/model.onnx");
        SileroModelException e = assertThrows(SileroModelException.class,
                () -> SileroModels.download(nobody, SileroModels.SHA256, target));
        assertEquals(SileroModelException.Problem.DOWNLOAD_FAILED, e.problem());
        assertTrue(e.getMessage().contains(nobody.toString()), e.getMessage());
        assertEquals(List.of(), files(dir));
    }

    @Test
    void officialSourceIsPinnedToAFullCommitAndHash() {
        assertTrue(SileroModels.COMMIT.matches("[0-9a-f]{40}"), SileroModels.COMMIT);
        assertTrue(SileroModels.OFFICIAL_URL.toString().startsWith(
                "https://raw.githubusercontent.com/snakers4/silero-vad/" + SileroModels.COMMIT + "/"));
        assertTrue(SileroModels.SHA256.matches("[0-9a-f]{64}"), SileroModels.SHA256);
    }

    @Test
    void locateTakesExplicitThenPropertyThenEnvironmentThenAnExistingCacheFile() throws Exception {
        Path cache = dir.resolve("silero_vad.onnx");
        Map<String, String> none = Map.of();
        Map<String, String> property = Map.of(SileroModels.PROPERTY, "/from/property.onnx");
        Map<String, String> environment = Map.of(SileroModels.ENVIRONMENT_VARIABLE, "/from/env.onnx");
        Path explicit = Path.of("/explicit.onnx");

        assertEquals(Optional.of(explicit), SileroModels.locate(explicit, property::get, environment::get, cache));
        assertEquals(Optional.of(Path.of("/from/property.onnx")),
                SileroModels.locate(null, property::get, environment::get, cache));
        assertEquals(Optional.of(Path.of("/from/env.onnx")),
                SileroModels.locate(null, none::get, environment::get, cache));
        assertEquals(Optional.of(Path.of("/from/env.onnx")),
                SileroModels.locate(null, Map.of(SileroModels.PROPERTY, " ")::get, environment::get, cache));
        assertEquals(Optional.empty(), SileroModels.locate(null, none::get, none::get, cache));
        Files.write(cache, MODEL);
        assertEquals(Optional.of(cache), SileroModels.locate(null, none::get, none::get, cache));
        assertTrue(SileroModels.defaultCachePath().endsWith(Path.of(".cache", "ser4j", "models",
                "silero_vad.onnx")));
    }
}
