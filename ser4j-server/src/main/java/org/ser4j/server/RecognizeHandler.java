package org.ser4j.server;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.Ser4jException;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.PcmSource;
import org.ser4j.recognizer.EmotionRecognizer;
import org.ser4j.recognizer.Recognition;
import org.ser4j.recognizer.RecognitionJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/recognize}: spools the upload to a temp file on the request thread (reading a socket is
 * what Jetty's threads are for), then hands the recognition to the bounded worker pool and answers when it is
 * done, refused or timed out. The temp file is deleted on every one of those paths.
 */
final class RecognizeHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RecognizeHandler.class);

    /** Room for a multipart body's boundaries and part headers beyond the file itself. */
    static final long MULTIPART_OVERHEAD_BYTES = 64 * 1024;

    private static final int COPY_BUFFER = 64 * 1024;

    private final ServerConfig config;
    private final EmotionRecognizer recognizer;
    private final AudioDecoder decoder;
    private final ThreadPoolExecutor pool;
    private final Metrics metrics;
    private final Visuals.Tables tables;
    private final Gate gate;
    /**
     * One permit per request the server can hold (workers + queue), taken on arrival before a byte of the upload
     * is read and given back when its answer is written: a burst beyond capacity is refused at once, instead of
     * every request reading its upload first and most of them finding the queue full afterwards.
     */
    private final Semaphore admissions;

    /** Runs on the worker before each recognition: a seam for tests to hold workers busy deterministically. */
    @FunctionalInterface
    interface Gate {
        /** The no-op gate of a real server. */
        Gate OPEN = () -> { };

        void pass() throws InterruptedException;
    }

    RecognizeHandler(ServerConfig config, EmotionRecognizer recognizer, ThreadPoolExecutor pool, Metrics metrics,
            Gate gate) {
        this.config = config;
        this.gate = gate;
        this.recognizer = recognizer;
        // the server's own decoder, so that its duration limit holds whatever the recogniser was built with
        this.decoder = AudioDecoder.builder().optTargetSampleRate(recognizer.sampleRate())
                .optMaxDurationSeconds(config.maxDurationSeconds()).build();
        this.pool = pool;
        this.metrics = metrics;
        this.tables = new Visuals.Tables(recognizer.sampleRate());
        this.admissions = new Semaphore(config.workers() + config.queueSize());
    }

    void handle(Context ctx) throws IOException {
        OptionalDouble minConfidence = minConfidence(ctx.queryParam("min_confidence"));
        boolean detail = detail(ctx.queryParam("detail"));
        boolean multipart = ctx.isMultipartFormData();
        long declared = ctx.req().getContentLengthLong();
        if (declared > config.maxUploadBytes() + (multipart ? MULTIPART_OVERHEAD_BYTES : 0)) {
            throw tooLarge();
        }
        if (!admissions.tryAcquire()) {
            // refuse before reading a byte of the upload: the client is told at once
            throw refused();
        }
        Path upload = null;
        Job job = null;
        try {
            upload = Files.createTempFile(config.tempDir(), "ser4j-upload-", ".audio");
            String name = multipart ? spoolMultipart(ctx, upload) : spoolBody(ctx, upload);
            Job submitted = new Job(upload, name, detail, minConfidence);
            try {
                pool.execute(submitted.task);
            } catch (RejectedExecutionException e) {
                throw refused();
            }
            job = submitted;
        } finally {
            // every failure before the hand-over, checked or not (the servlet API throws both), drops the file
            if (job == null) {
                admissions.release();
                if (upload != null) {
                    delete(upload);
                }
            }
        }
        Path spooled = upload;
        Job accepted = job;
        CompletableFuture<Map<String, Object>> answer = accepted.result
                .orTimeout(Math.round(config.requestTimeoutSeconds() * 1000), TimeUnit.MILLISECONDS);
        ctx.future(() -> answer.handle((body, failure) -> {
            if (failure != null) {
                // a timeout or refusal leaves the task queued or running: stop it and free its queue slot
                accepted.cancel();
                pool.remove(accepted.task);
            }
            delete(spooled);
            admissions.release();
            if (failure == null) {
                Ser4jServer.json(ctx, 200, body);
            } else {
                Ser4jServer.error(ctx, ApiException.of(failure, config.requestTimeoutSeconds()), failure);
            }
            return null;
        }));
    }

    private ApiException refused() {
        metrics.rejected();
        return ApiException.busy("the server is busy: all " + config.workers() + " workers are recognising and "
                + config.queueSize() + " requests are waiting; try again in a moment");
    }

    private ApiException tooLarge() {
        return ApiException.tooLarge("the upload is larger than the limit of " + config.maxUploadBytes()
                + " bytes");
    }

    private String spoolBody(Context ctx, Path upload) throws IOException {
        long n;
        try (InputStream in = ctx.bodyInputStream()) {
            n = copyLimited(in, upload);
        }
        if (n == 0) {
            throw ApiException.badRequest("the request body is empty: send the audio as the body or as the "
                    + "multipart/form-data field 'file'");
        }
        return "upload";
    }

    private String spoolMultipart(Context ctx, Path upload) throws IOException {
        UploadedFile file;
        try {
            file = ctx.uploadedFile("file");
        } catch (Exception e) {
            // Jetty reports a part over the limit and a garbled body alike, as a ServletException with causes
            deleteParts(ctx);
            throw multipartFailure(e);
        }
        try {
            if (file == null) {
                throw ApiException.badRequest("the multipart/form-data body has no field 'file'");
            }
            long n;
            try (InputStream in = file.content()) {
                n = copyLimited(in, upload);
            }
            if (n == 0) {
                throw ApiException.badRequest("the uploaded file is empty");
            }
            String name = file.filename();
            return name == null || name.isBlank() ? "upload" : name;
        } finally {
            deleteParts(ctx);
        }
    }

    /** The servlet container's multipart errors, which it reports as ISE/ServletException with causes. */
    private ApiException multipartFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("max") && (message.contains("size") || message.contains("length")
                    || message.contains("exceed"))) {
                return tooLarge();
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return ApiException.badRequest("the multipart/form-data body cannot be read: " + root.getMessage());
    }

    /** Jetty keeps parts over the in-memory threshold in files of the temp dir until told otherwise. */
    private static void deleteParts(Context ctx) {
        try {
            for (Part part : ctx.req().getParts()) {
                part.delete();
            }
        } catch (Exception e) {
            LOG.debug("cannot delete multipart parts", e);
        }
    }

    /** Copies {@code in} to {@code file}, counting, and stops with 413 as soon as the limit is passed. */
    private long copyLimited(InputStream in, Path file) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > config.maxUploadBytes()) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private static OptionalDouble minConfidence(String value) {
        if (value == null) {
            return OptionalDouble.empty();
        }
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0 && v <= 1)) {
            throw ApiException.badRequest("min_confidence must be a number in [0, 1], was '" + value + "'");
        }
        return OptionalDouble.of(v);
    }

    private static boolean detail(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiException.badRequest("detail must be true or false, was '" + value + "'");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete the upload {}: {}", file, e.toString());
        }
    }

    /** One recognition: its task for the pool, its result for the response. */
    private final class Job {
        final CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
        final FutureTask<Void> task;
        private final AtomicBoolean cancelled = new AtomicBoolean();

        Job(Path upload, String name, boolean detail, OptionalDouble minConfidence) {
            this.task = new FutureTask<>(() -> {
                metrics.inFlight().incrementAndGet();
                try {
                    result.complete(run(upload, name, detail, minConfidence));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                } finally {
                    metrics.inFlight().decrementAndGet();
                    delete(upload);
                }
                return null;
            });
        }

        void cancel() {
            cancelled.set(true);
            task.cancel(true);
        }

        private Map<String, Object> run(Path upload, String name, boolean detail, OptionalDouble minConfidence)
                throws IOException, Ser4jException, InterruptedException {
            gate.pass();
            AudioInfo info = detail ? decoder.probe(upload) : null;
            Visuals visuals = detail ? new Visuals(tables) : null;
            Recognition recognition;
            try (PcmSource source = new WatchedSource(decoder.openMono(upload), visuals, cancelled)) {
                recognition = recognizer.recognize(source,
                        minConfidence.orElse(recognizer.config().minConfidence()), segment -> { });
            }
            metrics.audio(recognition.durationSeconds());
            Map<String, Object> body = RecognitionJson.of(name, recognition);
            if (detail) {
                body.put("audio", audio(info, recognition));
                body.put("visuals", visuals.finish());
            }
            return body;
        }
    }

    private static Map<String, Object> audio(AudioInfo info, Recognition recognition) {
        Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("container", info.container().displayName());
        o.put("codec", info.codec());
        o.put("sample_rate", info.sampleRate());
        o.put("channels", info.channels());
        double seconds = info.lengthKnown() ? info.durationSeconds() : recognition.durationSeconds();
        o.put("duration_s", RecognitionJson.seconds(seconds));
        return o;
    }

    /**
     * The decoded mono stream as the recogniser reads it, handed to the visuals on the way, and stopped with an
     * {@link InterruptedIOException} once the request is cancelled so that a timed-out job frees its worker.
     */
    private static final class WatchedSource implements PcmSource {
        private final PcmSource inner;
        private final Visuals visuals;
        private final AtomicBoolean cancelled;

        WatchedSource(PcmSource inner, Visuals visuals, AtomicBoolean cancelled) {
            this.inner = inner;
            this.visuals = visuals;
            this.cancelled = cancelled;
        }

        @Override
        public AudioInfo info() {
            return inner.info();
        }

        @Override
        public int read(float[] dst, int maxFrames) throws IOException, AudioDecodeException {
            if (cancelled.get() || Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("the recognition was cancelled");
            }
            int n = inner.read(dst, maxFrames);
            if (n > 0 && visuals != null) {
                visuals.accept(dst, n);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
