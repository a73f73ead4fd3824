package org.ser4j.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link Ser4jServer} listens and what it accepts. Immutable; {@link #defaults()} or {@link #builder()}.
 *
 * @param port                  TCP port, 0 for any free port ({@link Ser4jServer#port()} tells which)
 * @param host                  the address to bind, {@code 0.0.0.0} for every interface
 * @param maxUploadBytes        the largest upload accepted, in bytes; larger ones get 413
 * @param maxDurationSeconds    the longest recording accepted, in seconds; longer ones get 413
 * @param workers               threads running recognitions at once
 * @param queueSize             recognitions waiting for a worker at most; one more gets 503 at once
 * @param requestTimeoutSeconds time a recognition may wait and run before it is cancelled and answered 503
 * @param tempDir               where uploads are spooled while they are recognised (deleted afterwards)
 */
public record ServerConfig(int port, String host, long maxUploadBytes, double maxDurationSeconds, int workers,
        int queueSize, double requestTimeoutSeconds, Path tempDir) {

    /** Default {@link #port()}: 8080. */
    public static final int DEFAULT_PORT = 8080;
    /** Default {@link #host()}: every interface. */
    public static final String DEFAULT_HOST = "0.0.0.0";
    /** Default {@link #maxUploadBytes()}: 200 MB, about three hours of 128 kbps MP3. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 200L * 1000 * 1000;
    /** Default {@link #maxDurationSeconds()}: one hour. */
    public static final double DEFAULT_MAX_DURATION_SECONDS = 3600;
    /** Default {@link #requestTimeoutSeconds()}: two minutes. */
    public static final double DEFAULT_REQUEST_TIMEOUT_SECONDS = 120;
    /** Default {@link #queueSize()} per worker. */
    public static final int DEFAULT_QUEUE_PER_WORKER = 4;
    /**
     * The smallest default {@link #queueSize()}: a recognition of a 3 s clip takes about 11 ms, so 32 waiting
     * requests cost at most a few hundred milliseconds on 2 cores, and 16 concurrent clients are queued, not
     * refused (with 4 per worker, 2 cores admitted 10 and the rest got 503s).
     */
    public static final int MIN_DEFAULT_QUEUE = 32;

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must lie in [0, 65535], was " + port);
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must be an address or name, was " + (host == null ? "null"
                    : "blank"));
        }
        if (maxUploadBytes <= 0) {
            throw new IllegalArgumentException("maximum upload size must be positive, was " + maxUploadBytes);
        }
        if (!(maxDurationSeconds > 0) || Double.isInfinite(maxDurationSeconds)) {
            throw new IllegalArgumentException("maximum duration must be a positive number of seconds, was "
                    + maxDurationSeconds);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker is needed, was " + workers);
        }
        if (queueSize < 1) {
            throw new IllegalArgumentException("queue size must be at least 1, was " + queueSize);
        }
        if (!(requestTimeoutSeconds > 0) || Double.isInfinite(requestTimeoutSeconds)) {
            throw new IllegalArgumentException("request timeout must be a positive number of seconds, was "
                    + requestTimeoutSeconds);
        }
        Objects.requireNonNull(tempDir, "tempDir");
    }

    /** Every default: port 8080 on all interfaces, 200 MB, one hour, a worker per core, four queued per worker. */
    public static ServerConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ServerConfig}; every setting optional, defaults as documented on the constants. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private String host = DEFAULT_HOST;
        private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
        private double maxDurationSeconds = DEFAULT_MAX_DURATION_SECONDS;
        private int workers = Runtime.getRuntime().availableProcessors();
        private Integer queueSize;
        private double requestTimeoutSeconds = DEFAULT_REQUEST_TIMEOUT_SECONDS;
        private Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));

        private Builder() {
        }

        /** The port, 0 for any free one (default 8080). */
        public Builder optPort(int value) {
            port = value;
            return this;
        }

        /** The address to bind (default 0.0.0.0). */
        public Builder optHost(String value) {
            host = value;
            return this;
        }

        /** The largest upload in bytes (default 200 MB). */
        public Builder optMaxUploadBytes(long value) {
            maxUploadBytes = value;
            return this;
        }

        /** The longest recording in seconds (default 3600). */
        public Builder optMaxDurationSeconds(double value) {
            maxDurationSeconds = value;
            return this;
        }

        /** Recognition threads (default: the number of cores). */
        public Builder optWorkers(int value) {
            workers = value;
            return this;
        }

        /** Recognitions that may wait for a worker (default: four per worker). */
        public Builder optQueueSize(int value) {
            queueSize = value;
            return this;
        }

        /** Seconds a recognition may take, waiting included (default 120). */
        public Builder optRequestTimeoutSeconds(double value) {
            requestTimeoutSeconds = value;
            return this;
        }

        /** Where uploads are spooled (default java.io.tmpdir). */
        public Builder optTempDir(Path value) {
            tempDir = value;
            return this;
        }

        /** The configuration; {@link IllegalArgumentException} when a value is out of range. */
        public ServerConfig build() {
            int queue = queueSize != null ? queueSize
                    : Math.max(MIN_DEFAULT_QUEUE, Math.max(1, workers) * DEFAULT_QUEUE_PER_WORKER);
            return new ServerConfig(port, host, maxUploadBytes, maxDurationSeconds, workers, queue,
                    requestTimeoutSeconds, tempDir);
        }
    }
}
