package org.ser4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.ser4j.server.ServerConfig;
import picocli.CommandLine;

/** {@code ser4j serve}: its options become the server's settings, and bad ones are one-line errors. */
class ServeCliTest {

    @Test
    void optionsBecomeTheServersSettings() {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--port", "0", "--host", "127.0.0.1", "--max-upload-mb", "5",
                "--max-duration", "60", "--workers", "3", "--queue-size", "7", "--request-timeout", "9",
                "--temp-dir", "/tmp");
        ServerConfig config = command.config();
        assertEquals(0, config.port());
        assertEquals("127.0.0.1", config.host());
        assertEquals(5_000_000, config.maxUploadBytes());
        assertEquals(60, config.maxDurationSeconds());
        assertEquals(3, config.workers());
        assertEquals(7, config.queueSize());
        assertEquals(9, config.requestTimeoutSeconds());
        assertEquals(Path.of("/tmp"), config.tempDir());
    }

    @Test
    void defaultsAreTheIssues() {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--port", "8080");
        ServerConfig config = command.config();
        assertEquals(200_000_000, config.maxUploadBytes());
        assertTrue(config.queueSize() >= 32, "queue " + config.queueSize());
    }

    @Test
    void badSettingsAreOneLineErrors() {
        for (String[] args : new String[][] {{"serve", "--port", "70000"}, {"serve", "--workers", "0"},
                {"serve", "--max-upload-mb", "-1"}, {"serve", "--model", "missing.ser4j", "--port", "0"}}) {
            CliTest.Run r = CliTest.run(args);
            assertEquals(1, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("ser4j: "), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void aPortInUseIsAOneLineError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliTest.Run r = CliTest.run("serve", "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, r.exit(), r.err());
            assertTrue(r.err().startsWith("ser4j: cannot listen on 127.0.0.1:"), r.err());
            assertTrue(r.err().contains("in use"), r.err());
        }
    }

    @Test
    void servesThePageAndTheApiUntilStopped() throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor();
        java.io.StringWriter out = new java.io.StringWriter();
        CommandLine cmd = Ser4jCommand.commandLine();
        cmd.setOut(new java.io.PrintWriter(out, true));
        Future<Integer> exit = runner.submit(() -> cmd.execute("serve", "--port", "0", "--host", "127.0.0.1"));
        try {
            String url = null;
            for (int i = 0; i < 300 && url == null; i++) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("http://\\S+:(\\d+)/")
                        .matcher(out.toString());
                url = m.find() ? "http://127.0.0.1:" + m.group(1) : null;
                Thread.sleep(100);
            }
            assertTrue(url != null, "no address printed: " + out);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("ser4j"), page.body());
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url
                    + "/api/v1/recognize")).POST(HttpRequest.BodyPublishers.ofFile(PredictCliTest.SPEECH)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"emotion\""), answer.body());
        } finally {
            runner.shutdownNow();
        }
    }
}
