package org.ser4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ser4j.recognizer.EmotionRecognizer;
import org.ser4j.server.Ser4jServer;
import org.ser4j.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ser4j serve}: the web page and the REST API on the default model or {@code --model}. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the upload page at / and the REST API at /api/v1 (docs: /openapi.json) with the bundled "
                + "default model or --model, until stopped (Ctrl-C).",
                "The port is --port, else the PORT environment variable (as cloud platforms set it), else 8080."})
final class ServeCommand implements Callable<Integer> {

    /** The environment variable cloud platforms set to the port to listen on. */
    static final String PORT_VARIABLE = "PORT";

    @Spec
    CommandSpec spec;

    @Mixin
    RecognizerOptions recognition;

    @Mixin
    TimelineOptions timeline;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (0: any free port).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServerConfig.DEFAULT_HOST,
            description = "Address to bind (default: ${DEFAULT-VALUE}; 127.0.0.1 for this machine only).")
    String host;

    @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "200",
            description = "Largest upload in MB (10^6 bytes); larger ones get 413 (default: ${DEFAULT-VALUE}).")
    double maxUploadMb;

    @Option(names = "--max-duration", paramLabel = "S", defaultValue = "3600",
            description = "Longest recording in seconds; longer ones get 413 (default: ${DEFAULT-VALUE}).")
    double maxDuration;

    @Option(names = "--workers", paramLabel = "N",
            description = "Threads running recognition (default: the number of cores).")
    Integer workers;

    @Option(names = "--queue-size", paramLabel = "N",
            description = "Requests that may wait for a worker; one more gets 503 at once (default: 4 per "
                    + "worker, at least 32).")
    Integer queueSize;

    @Option(names = "--request-timeout", paramLabel = "S", defaultValue = "120",
            description = "Seconds before a request answers 503 and its work is cancelled (default: "
                    + "${DEFAULT-VALUE}).")
    double requestTimeout;

    @Option(names = "--temp-dir", paramLabel = "DIR", description = "Where uploads are streamed to (default: the "
            + "system's temporary folder); each file is deleted when its request ends.")
    Path tempDir;

    @Override
    public Integer call() throws Exception {
        ServerConfig config = config();
        // The server decodes uploads itself, with --max-duration as its limit.
        try (EmotionRecognizer recognizer = recognition.recognizer(timeline.config());
                Ser4jServer server = Ser4jServer.start(config, recognizer)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("ser4j serving " + (recognition.model == null ? "the bundled default model"
                    : recognition.model) + " at http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":"
                    + server.port() + "/ (API: /api/v1/recognize, /openapi.json; Ctrl-C stops)");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ser4j-shutdown"));
            try {
                server.awaitClose();
            } catch (InterruptedException e) {
                // Stopped from within the JVM (an embedding application, a test): closing is all there is to do.
                Thread.currentThread().interrupt();
            }
        }
        return 0;
    }

    /** The server's settings from the options and the environment. */
    ServerConfig config() {
        ServerConfig.Builder builder = ServerConfig.builder().optPort(port()).optHost(host)
                .optMaxUploadBytes(Math.round(maxUploadMb * 1_000_000)).optMaxDurationSeconds(maxDuration)
                .optRequestTimeoutSeconds(requestTimeout);
        if (workers != null) {
            builder.optWorkers(workers);
        }
        if (queueSize != null) {
            builder.optQueueSize(queueSize);
        }
        if (tempDir != null) {
            builder.optTempDir(tempDir);
        }
        return builder.build();
    }

    private int port() {
        if (port != null) {
            return port;
        }
        String fromEnvironment = System.getenv(PORT_VARIABLE);
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            return ServerConfig.DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(fromEnvironment.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the PORT environment variable must be a port number, was '"
                    + fromEnvironment + "'");
        }
    }
}
