package org.ser4j.silero;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the Silero VAD model file is found, and how to fetch it from its official source. The project does not
 * bundle the model: a user points at a file or downloads it once into {@link #defaultCachePath()}.
 */
public final class SileroModels {

    /** System property naming the model file. */
    public static final String PROPERTY = "ser4j.silero.model";
    /** Environment variable naming the model file, read when the property is not set. */
    public static final String ENVIRONMENT_VARIABLE = "SER4J_SILERO_MODEL";
    /** The snakers4/silero-vad commit the download is pinned to (v6.2 model, the one the tests use). */
    public static final String COMMIT = "806dcba3f0b5d95282d0889a074954a2f8c6397b";
    /** The official file at {@link #COMMIT}. */
    public static final URI OFFICIAL_URL = URI.create("https://raw.githubusercontent.com/snakers4/silero-vad/"
            + COMMIT + "/src/silero_vad/data/silero_vad.onnx");
    /** SHA-256 of the file at {@link #OFFICIAL_URL}, lower-case hex. */
    public static final String SHA256 = "1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3";

    /** The model is 2.3 MB; a server sending far more is not sending it, so stop rather than fill the disk. */
    static final long MAX_DOWNLOAD_BYTES = 64L << 20;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private SileroModels() {
    }

    /** {@code ~/.cache/ser4j/models/silero_vad.onnx}: where {@link #locate()} looks last. */
    public static Path defaultCachePath() {
        return Path.of(System.getProperty("user.home"), ".cache", "ser4j", "models", "silero_vad.onnx");
    }

    /**
     * The model file to use when the user did not name one: the {@value #PROPERTY} system property, else the
     * {@value #ENVIRONMENT_VARIABLE} environment variable, else {@link #defaultCachePath()} if that file exists.
     * A path set by property or variable is returned even when nothing is there, so that loading it says so
     * rather than another file being used silently.
     *
     * @return the path, or empty when none is configured and the cache holds no model
     */
    public static Optional<Path> locate() {
        return locate(null, System::getProperty, System::getenv, defaultCachePath());
    }

    /**
     * The model file to use: {@code explicit} when given, else as {@link #locate()}.
     *
     * @param explicit the path the user gave, or null when none
     * @return the path, or empty when none is given or configured and the cache holds no model
     */
    public static Optional<Path> locate(Path explicit) {
        return locate(explicit, System::getProperty, System::getenv, defaultCachePath());
    }

    static Optional<Path> locate(Path explicit, UnaryOperator<String> properties, UnaryOperator<String> environment,
            Path cache) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        for (String configured : new String[] {properties.apply(PROPERTY), environment.apply(ENVIRONMENT_VARIABLE)}) {
            if (configured != null && !configured.isBlank()) {
                return Optional.of(Path.of(configured.strip()));
            }
        }
        return Files.isRegularFile(cache) ? Optional.of(cache) : Optional.empty();
    }

    /**
     * Downloads the official model ({@link #OFFICIAL_URL}) to {@code target}, checking its {@link #SHA256}. The
     * bytes go to a temporary file beside the target, which is moved into place only once verified, so the
     * target is either the complete model or left as it was.
     *
     * @param target where to put the model, e.g. {@link #defaultCachePath()}; parent folders are created
     * @return {@code target}
     * @throws SileroModelException on an HTTP error, a connection failure, a write error or a checksum mismatch
     */
    public static Path download(Path target) throws SileroModelException {
        return download(OFFICIAL_URL, SHA256, target);
    }

    static Path download(URI source, String sha256, Path target) throws SileroModelException {
        if (target == null) {
            throw new IllegalArgumentException("target must not be null");
        }
        Path absolute = target.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(absolute.getParent());
            temp = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".part");
            String actual = fetch(source, temp);
            if (!actual.equals(sha256.toLowerCase(Locale.ROOT))) {
                throw new SileroModelException(SileroModelException.Problem.CHECKSUM_MISMATCH, "the file at "
                        + source + " has SHA-256 " + actual + ", expected " + sha256 + "; " + absolute
                        + " was not written");
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (ConnectException e) {
            throw new SileroModelException(SileroModelException.Problem.DOWNLOAD_FAILED, "could not connect to "
                    + source.getHost() + (source.getPort() < 0 ? "" : ":" + source.getPort()) + " to download "
                    + source + ": " + e, e);
        } catch (IOException e) {
            throw new SileroModelException(SileroModelException.Problem.DOWNLOAD_FAILED, "could not download "
                    + source + " to " + absolute + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SileroModelException(SileroModelException.Problem.DOWNLOAD_FAILED, "download of " + source
                    + " to " + absolute + " was interrupted", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Writes the body at {@code source} to {@code file} and returns its SHA-256 in lower-case hex. */
    private static String fetch(URI source, Path file)
            throws IOException, InterruptedException, SileroModelException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(source).timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest digest = sha256();
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(file)) {
            if (response.statusCode() != 200) {
                throw new SileroModelException(SileroModelException.Problem.DOWNLOAD_FAILED, "could not download "
                        + source + ": HTTP " + response.statusCode());
            }
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > MAX_DOWNLOAD_BYTES) {
                    throw new SileroModelException(SileroModelException.Problem.DOWNLOAD_FAILED, source
                            + " sends more than " + MAX_DOWNLOAD_BYTES + " bytes: not the Silero VAD model");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Only a leftover temporary file beside the target; the caller's error or result matters more.
        }
    }
}
