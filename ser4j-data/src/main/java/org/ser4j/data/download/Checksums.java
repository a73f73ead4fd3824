package org.ser4j.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file's SHA-256 and MD5, computed in one read.
 *
 * @param size   its size in bytes
 * @param sha256 lower-case hex
 * @param md5    lower-case hex
 */
public record Checksums(long size, String sha256, String md5) {

    /** Reads the file once. */
    public static Checksums of(Path file) throws IOException {
        MessageDigest sha = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        long size = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                md5.update(buf, 0, n);
                size += n;
            }
        }
        return new Checksums(size, HexFormat.of().formatHex(sha.digest()), HexFormat.of().formatHex(md5.digest()));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }

    /**
     * Checks these against what the catalogue says of the file; unknown values are not checked.
     *
     * @throws DownloadException {@link DownloadException.Problem#SIZE} or {@link DownloadException.Problem#CHECKSUM}
     */
    void verify(Catalogue.Download expected, String what) throws DownloadException {
        if (expected.sizeBytes() != null && expected.sizeBytes() != size) {
            throw new DownloadException(DownloadException.Problem.SIZE, what + ": expected " + expected.sizeBytes()
                    + " bytes, found " + size + " (truncated or a different file)");
        }
        if (expected.sha256() != null && !expected.sha256().equals(sha256)) {
            throw new DownloadException(DownloadException.Problem.CHECKSUM, what + ": SHA-256 mismatch: expected "
                    + expected.sha256() + ", found " + sha256 + " (corrupted or changed at the source)");
        }
        if (expected.md5() != null && !expected.md5().equals(md5)) {
            throw new DownloadException(DownloadException.Problem.CHECKSUM, what + ": MD5 mismatch: expected "
                    + expected.md5() + ", found " + md5 + " (corrupted or changed at the source)");
        }
    }
}
