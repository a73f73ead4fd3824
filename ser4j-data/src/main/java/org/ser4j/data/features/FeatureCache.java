package org.ser4j.data.features;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.core.features.Features;

/**
 * A directory of computed features, so that a second training run (another architecture, another fold, another
 * seed of the same features) skips decoding and analysis. One small file per clip and variant, named by the
 * SHA-256 of everything the values depend on ({@link Key}): a changed file, feature parameter, sample rate or
 * augmentation gives a new name, so stale entries are never read, only left behind (delete the directory to
 * reclaim them).
 *
 * <p>Writes go to a temporary file moved into place, so concurrent writers and interrupted runs never leave a
 * half-written entry under a valid name; an unreadable entry is treated as missing. Thread-safe.
 */
public final class FeatureCache {

    private static final int MAGIC = 0x53344A46; // "S4JF"
    private static final int VERSION = 1;

    private final Path dir;

    /**
     * A cache in {@code dir}, created on first write.
     *
     * @param dir the cache directory
     */
    public FeatureCache(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The default location: {@code $XDG_CACHE_HOME/ser4j/features}, else {@code ~/.cache/ser4j/features}. */
    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("ser4j").resolve("features");
    }

    /** The cache directory. */
    public Path directory() {
        return dir;
    }

    /**
     * What a cached value depends on.
     *
     * @param path         the audio file (absolute)
     * @param size         its size in bytes
     * @param modified     its modification time, ms
     * @param set          the feature set
     * @param parameters   every parameter of the analysis, canonically written (the feature configuration and
     *                     the sample rate)
     * @param augmentation the augmentation's canonical spec and copy, or "original"
     */
    public record Key(Path path, long size, long modified, FeatureSet set, String parameters, String augmentation) {

        /** The key of {@code path} as it is now on disk. */
        public static Key of(Path path, FeatureSet set, String parameters, String augmentation) throws IOException {
            return new Key(path.toAbsolutePath().normalize(), Files.size(path),
                    Files.getLastModifiedTime(path).toMillis(), set, parameters, augmentation);
        }

        /** The same file and analysis with another augmentation (no second look at the file). */
        public Key withAugmentation(String value) {
            return new Key(path, size, modified, set, parameters, value);
        }

        String digest() {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                String text = "ser4j-features-v" + VERSION + '\n' + path + '\n' + size + '\n' + modified + '\n' + set
                        + '\n' + parameters + '\n' + augmentation;
                return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
    }

    /** The cached features, or empty when absent or unreadable. */
    public Optional<Features> get(Key key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                return Optional.empty();
            }
            FeatureSet set = FeatureSet.valueOf(in.readUTF());
            int sampleRate = in.readInt();
            int[] shape = new int[in.readInt()];
            long size = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = in.readInt();
                size *= shape[i];
            }
            if (set != key.set() || size > Integer.MAX_VALUE || size <= 0) {
                return Optional.empty();
            }
            float[] values = new float[(int) size];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readFloat();
            }
            return Optional.of(new Features(set, shape, values, sampleRate));
        } catch (IOException | IllegalArgumentException e) {
            // A truncated, foreign or unreadable entry is recomputed and overwritten.
            return Optional.empty();
        }
    }

    /**
     * Stores features under a key, replacing any entry.
     *
     * @throws IOException if the directory cannot be written
     */
    public void put(Key key, Features features) throws IOException {
        Path file = file(key);
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(tmp);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(features.set().name());
                out.writeInt(features.sampleRate());
                int[] shape = features.shape();
                out.writeInt(shape.length);
                for (int d : shape) {
                    out.writeInt(d);
                }
                for (float v : features.values()) {
                    out.writeFloat(v);
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path file(Key key) {
        String d = key.digest();
        return dir.resolve(d.substring(0, 2)).resolve(d + ".f32");
    }
}
