package org.ser4j.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.Endpoint;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ser4j.core.audio.UnsupportedFormatException;
import org.ser4j.model.ModelCard;
import org.ser4j.model.Provenance;
import org.ser4j.model.TrainingData;
import org.ser4j.recognizer.EmotionRecognizer;
import org.ser4j.recognizer.RecognitionJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ser4j web app and REST service: the upload page at {@code /}, {@code POST /api/v1/recognize}, the model
 * card, health, readiness, Prometheus metrics and the OpenAPI document, on Javalin 7 (Jetty 12).
 *
 * <pre>{@code
 * try (EmotionRecognizer recognizer = EmotionRecognizer.loadDefault();
 *      Ser4jServer server = Ser4jServer.start(ServerConfig.builder().optPort(0).build(), recognizer)) {
 *     System.out.println("listening on " + server.port());
 *     server.awaitClose();
 * }
 * }</pre>
 *
 * <p>Recognitions run on a fixed pool of {@link ServerConfig#workers()} threads with a bounded queue, never on
 * Jetty's threads; a full queue is answered 503 at once. Every error is a JSON body
 * {@code {"status":..,"error":..,"message":..}}. The recogniser is the caller's: closing the server leaves it
 * open.
 */
public final class Ser4jServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ser4jServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String RECOGNIZE = "/api/v1/recognize";

    private final Javalin app;
    private final ThreadPoolExecutor pool;
    private final ServerConfig config;

    private Ser4jServer(Javalin app, ThreadPoolExecutor pool, ServerConfig config) {
        this.app = app;
        this.pool = pool;
        this.config = config;
    }

    /**
     * Starts a server; it answers until {@link #close()}.
     *
     * @param config     where to listen and the limits
     * @param recognizer the recogniser serving every request (thread-safe); stays the caller's to close
     * @throws IllegalArgumentException if the port is in use
     * @throws UncheckedIOException  if the temp dir cannot be created
     */
    public static Ser4jServer start(ServerConfig config, EmotionRecognizer recognizer) {
        return start(config, recognizer, RecognizeHandler.Gate.OPEN);
    }

    static Ser4jServer start(ServerConfig config, EmotionRecognizer recognizer, RecognizeHandler.Gate gate) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(recognizer, "recognizer");
        try {
            Files.createDirectories(config.tempDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the temp dir " + config.tempDir(), e);
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.queueSize()), workerThreads(), new ThreadPoolExecutor.AbortPolicy());
        Metrics metrics = new Metrics(() -> pool.getQueue().size());
        RecognizeHandler recognize = new RecognizeHandler(config, recognizer, pool, metrics, gate);
        byte[] model = bytes(modelJson(recognizer.card(), config));
        String openApi = resource("openapi.json");
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            // every part goes to disk in the temp dir as it arrives; the file limit is the upload limit
            c.jetty.multipartConfig.cacheDirectory(config.tempDir().toString());
            c.jetty.multipartConfig.maxInMemoryFileSize(0, io.javalin.config.SizeUnit.BYTES);
            c.jetty.multipartConfig.maxFileSize(config.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(config.maxUploadBytes()
                    + RecognizeHandler.MULTIPART_OVERHEAD_BYTES, io.javalin.config.SizeUnit.BYTES);
            c.http.prefer405over404 = true;
            c.jetty.modifyServer(jetty -> jetty.setErrorHandler(new JsonErrorHandler()));
            if (Ser4jServer.class.getResource("/public") != null) {
                c.staticFiles.add("/public", Location.CLASSPATH);
            }
            c.requestLogger.http((ctx, ms) -> {
                String endpoint = endpoint(ctx);
                metrics.request(endpoint, ctx.statusCode(), ms / 1000.0, RECOGNIZE.equals(endpoint));
                LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
            });
            c.routes.post(RECOGNIZE, recognize::handle);
            c.routes.get("/api/v1/model", ctx -> ctx.contentType(JSON_TYPE).result(model));
            c.routes.get("/health", ctx -> json(ctx, 200, Map.of("status", "up")));
            c.routes.get("/ready", ctx -> {
                boolean ready = pool.getQueue().remainingCapacity() > 0 && !pool.isShutdown();
                json(ctx, ready ? 200 : 503, Map.of("status", ready ? "ready" : "busy"));
            });
            c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.render()));
            c.routes.get("/openapi.json", ctx -> ctx.contentType(JSON_TYPE).result(openApi));
            c.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, fromJavalin(e, ctx), e));
            c.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e, e));
            c.routes.exception(Exception.class, (e, ctx) -> error(ctx, ApiException.of(e,
                    config.requestTimeoutSeconds()), e));
            c.routes.error(404, ctx -> {
                if (!isJson(ctx)) {
                    error(ctx, ApiException.notFound("no such resource: " + ctx.method() + " " + ctx.path()), null);
                }
            });
        });
        try {
            app.start();
        } catch (JavalinBindException e) {
            pool.shutdownNow();
            throw new IllegalArgumentException("cannot listen on " + config.host() + ":" + config.port()
                    + ": the port is in use (choose another with --port or PORT)", e);
        } catch (RuntimeException e) {
            pool.shutdownNow();
            throw e;
        }
        Ser4jServer server = new Ser4jServer(app, pool, config);
        LOG.info("ser4j server listening on http://{}:{}/ ({} workers, queue {})", config.host(), server.port(),
                config.workers(), config.queueSize());
        return server;
    }

    /** The port the server listens on: the configured one, or the one chosen for port 0. */
    public int port() {
        return app.port();
    }

    /** The configuration it runs with. */
    public ServerConfig config() {
        return config;
    }

    /** Blocks the calling thread until the server stops (for a {@code serve} command's main thread). */
    public void awaitClose() throws InterruptedException {
        app.jettyServer().server().join();
    }

    /** Stops listening, cancels queued recognitions and stops the workers. */
    @Override
    public void close() {
        app.stop();
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes a JSON body with a status. */
    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType(JSON_TYPE).result(bytes(body));
    }

    /** Writes the JSON error body; logs unexpected failures with their stack trace, never sending it. */
    static void error(Context ctx, ApiException e, Throwable cause) {
        if (e.isInternal()) {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), cause);
        }
        if (e.status() == 503) {
            ctx.header("Retry-After", "1");
        }
        if ("POST".equals(ctx.req().getMethod())) {
            // an upload refused early is left unread: say so, or the client reuses a connection Jetty drops
            ctx.header("Connection", "close");
        }
        json(ctx, e.status(), e.body());
    }

    private static ApiException fromJavalin(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> ApiException.notFound("no such resource: " + ctx.method() + " " + ctx.path());
            case 405 -> ApiException.methodNotAllowed(ctx.method() + " is not allowed on " + ctx.path());
            case 413 -> ApiException.tooLarge(e.getMessage());
            default -> e.getStatus() >= 500 ? ApiException.internal()
                    : new ApiException(e.getStatus(), "bad_request", e.getMessage());
        };
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(JSON_TYPE);
    }

    /** The route a request matched, or "other" (static files, unknown paths): a bounded label set. */
    private static String endpoint(Context ctx) {
        try {
            Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
            return matched != null ? matched.path : "other";
        } catch (RuntimeException e) {
            return "other";
        }
    }

    static Map<String, Object> modelJson(ModelCard card, ServerConfig config) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("architecture", card.architecture());
        o.put("feature_set", card.featureSet().name().toLowerCase(java.util.Locale.ROOT));
        o.put("sample_rate", card.sampleRate());
        o.put("labels", RecognitionJson.labels(card.labels()));
        o.put("metrics", card.metrics());
        // the field names of the bundle's card JSON (ModelBundles), so the page reads what `ser4j info` shows
        TrainingData t = card.trainingData();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("corpora", t.corpora());
        data.put("clips", t.clips());
        data.put("speakers", t.speakers());
        Map<String, Integer> perEmotion = new LinkedHashMap<>();
        t.perEmotion().forEach((e, n) -> perEmotion.put(e.label(), n));
        data.put("per_emotion", perEmotion);
        data.put("protocol", t.protocol());
        o.put("training_data", data);
        Provenance p = card.provenance();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("ser4j_version", p.ser4jVersion());
        provenance.put("created", p.created().toString());
        provenance.put("seed", p.seed());
        provenance.put("command", p.command());
        provenance.put("details", p.details());
        o.put("provenance", provenance);
        o.put("engine", "java-dense");
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("max_upload_bytes", config.maxUploadBytes());
        limits.put("max_duration_s", config.maxDurationSeconds());
        limits.put("formats", UnsupportedFormatException.supported());
        o.put("limits", limits);
        return o;
    }

    static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON of " + body.getClass().getName(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Ser4jServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ser4j-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static List<String> routes() {
        return List.of(RECOGNIZE, "/api/v1/model", "/health", "/ready", "/metrics", "/openapi.json");
    }
}
