package org.ser4j.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ser4j.data.download.DownloadException.Problem;

/**
 * Fetches one file over HTTP(S) into a folder, resuming what an earlier attempt left and verifying the result.
 *
 * <p>The bytes go to {@code <file>.part}; a dropped connection is retried (up to {@link Builder#optAttempts}
 * attempts in all) from where it stopped with {@code Range: bytes=N-}. A {@code 206} whose {@code Content-Range}
 * starts at N is appended; a {@code 200} (a server without ranges) starts over. When every byte is there, the
 * size and the SHA-256 / MD5 the catalogue knows are checked; a file that fails is deleted (it would only fail
 * again), one that passes is renamed to {@code <file>}. A {@code <file>} already present that passes is returned
 * without any request. Immutable and thread-safe; concurrent fetches of the same file are not supported.
 */
public final class Downloader {

    /** Attempts per file by default: one and three retries. */
    public static final int DEFAULT_ATTEMPTS = 4;
    /** Pause between attempts by default. */
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(2);
    /** How long connecting may take by default. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes \\*/(\\d+)");

    private final HttpClient client;
    private final int attempts;
    private final Duration retryDelay;

    private Downloader(Builder b) {
        this.client = HttpClient.newBuilder().connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1).build();
        this.attempts = b.attempts;
        this.retryDelay = b.retryDelay;
    }

    /** A downloader with every default. */
    public static Downloader defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fetches {@code download} into {@code folder} (created if needed).
     *
     * @return {@code folder/<file>}, complete and verified
     * @throws DownloadException NETWORK when the server cannot be reached or keeps dropping the connection (the
     *                           {@code .part} stays for the next run), HTTP for an error status, SIZE or CHECKSUM
     *                           for a wrong file, DISK_FULL
     * @throws IOException       when the folder cannot be written
     */
    public Path fetch(Catalogue.Download download, Path folder, DownloadProgress progress)
            throws DownloadException, IOException {
        Objects.requireNonNull(download, "download");
        Objects.requireNonNull(progress, "progress");
        Files.createDirectories(folder);
        Path target = folder.resolve(download.file());
        if (Files.isRegularFile(target)) {
            try {
                Checksums.of(target).verify(download, download.file());
                return target;
            } catch (DownloadException e) {
                Files.delete(target); // not what the catalogue describes: fetched again below
            }
        }
        Path part = folder.resolve(download.file() + ".part");
        checkSpace(download, folder, part);
        URI uri = URI.create(download.url());
        Exception last = null;
        boolean complete = false;
        for (int attempt = 1; attempt <= attempts && !complete; attempt++) {
            if (attempt > 1) {
                pause();
            }
            try {
                complete = transfer(uri, download, part, progress);
                if (!complete) {
                    last = new IOException("the connection closed after " + size(part) + " bytes");
                }
            } catch (RetryableStatus e) {
                last = e;
            } catch (LocalFailure e) {
                throw e.getCause(); // writing the disk failed: retrying would not help
            } catch (IOException e) {
                last = e;
            }
        }
        if (!complete) {
            if (last instanceof RetryableStatus s) {
                throw new DownloadException(Problem.HTTP, download.url() + ": HTTP " + s.status + " after "
                        + attempts + " attempts");
            }
            long have = size(part);
            throw new DownloadException(Problem.NETWORK, "cannot download " + download.url() + ": "
                    + describe(last) + " (" + attempts + " attempts; check the network"
                    + (have > 0 ? "; " + have + " bytes are kept and the next run resumes from there" : "") + ")",
                    last);
        }
        try {
            Checksums.of(part).verify(download, download.url());
        } catch (DownloadException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Writing the local file failed (not the network). */
    private static final class LocalFailure extends IOException {
        private static final long serialVersionUID = 1L;

        LocalFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /**
     * One request: appends to (or restarts) {@code part}.
     *
     * @return whether the file is complete
     */
    private boolean transfer(URI uri, Catalogue.Download download, Path part, DownloadProgress progress)
            throws IOException, DownloadException {
        Long expected = download.sizeBytes();
        long have = size(part);
        if (expected != null && have > expected) {
            Files.delete(part);
            have = 0;
        }
        if (expected != null && have == expected && have > 0) {
            return true;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading " + uri);
        }
        int status = response.statusCode();
        long total;
        boolean append;
        try (InputStream body = response.body()) {
            if (status == 206) {
                String range = response.headers().firstValue("Content-Range").orElse("");
                Matcher m = CONTENT_RANGE.matcher(range);
                if (!m.matches() || Long.parseLong(m.group(1)) != have) {
                    // Not the part asked for: start again rather than splice wrong bytes in.
                    Files.deleteIfExists(part);
                    return false;
                }
                total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
                append = true;
            } else if (status == 200) {
                total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                append = false;
                have = 0;
            } else if (status == 416 && have > 0) {
                // The range starts at or past the end: either the .part is already whole or it is stale.
                Matcher m = UNSATISFIED_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
                if (m.matches() && Long.parseLong(m.group(1)) == have) {
                    return true;
                }
                Files.deleteIfExists(part);
                return false;
            } else if (status >= 500 || status == 429) {
                throw new RetryableStatus(status);
            } else {
                throw new DownloadException(Problem.HTTP, download.url() + ": HTTP " + status
                        + (status == 404 ? " (not found: the corpus may have moved; check its homepage)" : ""));
            }
            if (total < 0 && expected != null) {
                total = expected;
            }
            have = copy(body, part, append, have, total, download.file(), progress);
        }
        return total < 0 || have >= total;
    }

    private static long copy(InputStream body, Path part, boolean append, long have, long total, String file,
            DownloadProgress progress) throws IOException, DownloadException {
        try {
            return copyOrFail(body, part, append, have, total, file, progress);
        } catch (IOException e) {
            throw new LocalFailure(DownloadException.orDiskFull(e, part.toString()));
        }
    }

    private static long copyOrFail(InputStream body, Path part, boolean append, long have, long total, String file,
            DownloadProgress progress) throws IOException {
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        byte[] buf = new byte[1 << 16];
        progress.update(file, have, total);
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                mode)) {
            for (int n; (n = readNetwork(body, buf)) > 0; ) {
                out.write(buf, 0, n);
                have += n;
                progress.update(file, have, total);
            }
        }
        return have;
    }

    /** Reads from the connection; a drop ends the transfer (the caller sees the short count and resumes). */
    private static int readNetwork(InputStream body, byte[] buf) {
        try {
            return body.read(buf);
        } catch (IOException e) {
            return -1;
        }
    }

    private void checkSpace(Catalogue.Download download, Path folder, Path part) throws IOException,
            DownloadException {
        if (download.sizeBytes() == null) {
            return;
        }
        long needed = download.sizeBytes() - size(part);
        long usable = Files.getFileStore(folder).getUsableSpace();
        if (usable < needed) {
            throw new DownloadException(Problem.DISK_FULL, download.file() + " needs " + needed + " bytes, but "
                    + folder + " has only " + usable + " free");
        }
    }

    private void pause() throws InterruptedIOException {
        try {
            Thread.sleep(retryDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted between download attempts");
        }
    }

    private static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static String describe(Throwable t) {
        if (t == null) {
            return "unknown failure";
        }
        if (t instanceof java.net.ConnectException) {
            Throwable c = t.getCause();
            return "cannot connect" + (t.getMessage() != null ? " (" + t.getMessage() + ")"
                    : c != null ? " (" + c.getClass().getSimpleName() + ")" : "");
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** A server error worth retrying (5xx, 429). */
    private static final class RetryableStatus extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        RetryableStatus(int status) {
            super("HTTP " + status);
            this.status = status;
        }
    }

    /** Builds a {@link Downloader}; every setting is optional. */
    public static final class Builder {
        private int attempts = DEFAULT_ATTEMPTS;
        private Duration retryDelay = DEFAULT_RETRY_DELAY;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        private Builder() {
        }

        /** Attempts per file, at least 1 (default {@link #DEFAULT_ATTEMPTS}). */
        public Builder optAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts: expected >= 1, found " + attempts);
            }
            this.attempts = attempts;
            return this;
        }

        /** Pause between attempts, zero or more (default {@link #DEFAULT_RETRY_DELAY}). */
        public Builder optRetryDelay(Duration retryDelay) {
            if (retryDelay.isNegative()) {
                throw new IllegalArgumentException("retry delay: expected >= 0, found " + retryDelay);
            }
            this.retryDelay = retryDelay;
            return this;
        }

        /** How long connecting may take (default {@link #DEFAULT_CONNECT_TIMEOUT}). */
        public Builder optConnectTimeout(Duration connectTimeout) {
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("connect timeout: expected > 0, found " + connectTimeout);
            }
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** The downloader. */
        public Downloader build() {
            return new Downloader(this);
        }
    }
}
