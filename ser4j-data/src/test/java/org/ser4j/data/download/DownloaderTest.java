package org.ser4j.data.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.data.download.Catalogue.Download;
import org.ser4j.data.download.Catalogue.Format;
import org.ser4j.data.download.DownloadException.Problem;

/** Fetching one file from a local server: resume, retries, status codes and verification. */
class DownloaderTest {

    @TempDir
    Path dir;

    private final TestServer server = newServer();
    private final Downloader downloader = Downloader.builder().optRetryDelay(Duration.ZERO).build();

    private static TestServer newServer() {
        try {
            return new TestServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    @Test
    void aDroppedConnectionIsResumedWithARangeRequestAndTheFileVerifies() throws Exception {
        byte[] bytes = random(300_000);
        Download d = Fixtures.download(server.serve("/a.zip", bytes), "a.zip", bytes, Format.ZIP);
        server.dropHalfwayOnce("/a.zip");

        Path file = downloader.fetch(d, dir, DownloadProgress.NONE);

        assertArrayEquals(bytes, Files.readAllBytes(file));
        assertFalse(Files.exists(dir.resolve("a.zip.part")));
        assertEquals(2, server.requests().size());
        assertNull(server.requests().get(0).range());
        assertEquals("bytes=" + bytes.length / 2 + "-", server.requests().get(1).range());
    }

    @Test
    void aPartLeftByAnEarlierRunIsContinuedNotRestarted() throws Exception {
        byte[] bytes = random(10_000);
        Download d = Fixtures.download(server.serve("/b.tar.gz", bytes), "b.tar.gz", bytes, Format.TAR_GZ);
        Files.write(dir.resolve("b.tar.gz.part"), java.util.Arrays.copyOf(bytes, 4000));

        Path file = downloader.fetch(d, dir, DownloadProgress.NONE);

        assertArrayEquals(bytes, Files.readAllBytes(file));
        assertEquals("bytes=4000-", server.requests().get(0).range());
    }

    @Test
    void aFileAlreadyDownloadedAndVerifiedCausesNoRequest() throws Exception {
        byte[] bytes = random(1000);
        Download d = Fixtures.download(server.serve("/c.zip", bytes), "c.zip", bytes, Format.ZIP);
        Files.write(dir.resolve("c.zip"), bytes);

        downloader.fetch(d, dir, DownloadProgress.NONE);

        assertTrue(server.requests().isEmpty());
    }

    @Test
    void aCorruptedFileIsAChecksumErrorAndIsNotKept() throws Exception {
        byte[] bytes = random(5000);
        byte[] corrupted = bytes.clone();
        corrupted[100] ^= 1;
        Download d = Fixtures.download(server.serve("/d.zip", corrupted), "d.zip", bytes, Format.ZIP);

        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.fetch(d, dir, DownloadProgress.NONE));

        assertEquals(Problem.CHECKSUM, e.problem());
        assertTrue(e.getMessage().contains(d.sha256()), e.getMessage());
        assertFalse(Files.exists(dir.resolve("d.zip")));
        assertFalse(Files.exists(dir.resolve("d.zip.part")));
    }

    @Test
    void anMd5FromTheSourceIsChecked() throws Exception {
        byte[] bytes = random(5000);
        String url = server.serve("/e.zip", bytes);
        String wrongMd5 = "0".repeat(32);
        Download d = new Download(url, "e.zip", null, null, wrongMd5, Format.ZIP, null);

        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.fetch(d, dir, DownloadProgress.NONE));

        assertEquals(Problem.CHECKSUM, e.problem());
        assertTrue(e.getMessage().contains("MD5"), e.getMessage());
        Download right = new Download(url, "e.zip", null, null, Fixtures.sums(bytes).md5(), Format.ZIP, null);
        assertArrayEquals(bytes, Files.readAllBytes(downloader.fetch(right, dir, DownloadProgress.NONE)));
    }

    @Test
    void aFileOfAnotherSizeIsASizeError() throws Exception {
        byte[] bytes = random(5000);
        String url = server.serve("/f.zip", bytes);
        Download d = new Download(url, "f.zip", 4000L, null, null, Format.ZIP, null);

        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.fetch(d, dir, DownloadProgress.NONE));

        assertEquals(Problem.SIZE, e.problem());
    }

    @Test
    void notFoundIsAnHttpErrorNamingTheUrlAndStatus() {
        Download d = new Download(server.url("/missing.zip"), "missing.zip", null, null, null, Format.ZIP, null);

        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.fetch(d, dir, DownloadProgress.NONE));

        assertEquals(Problem.HTTP, e.problem());
        assertTrue(e.getMessage().contains(server.url("/missing.zip")), e.getMessage());
        assertTrue(e.getMessage().contains("404"), e.getMessage());
        assertEquals(1, server.requests().size(), "a 404 is not retried");
    }

    @Test
    void aRefusedConnectionIsANetworkErrorAfterTheRetries() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Download d = new Download("http://127.0.0.1:" + port + "/x.zip", "x.zip", null, null, null, Format.ZIP,
                null);

        DownloadException e = assertThrows(DownloadException.class,
                () -> downloader.fetch(d, dir, DownloadProgress.NONE));

        assertEquals(Problem.NETWORK, e.problem());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void progressReportsEveryByteOnDisk() throws Exception {
        byte[] bytes = random(200_000);
        Download d = Fixtures.download(server.serve("/g.zip", bytes), "g.zip", bytes, Format.ZIP);
        long[] last = {-1, -1};

        downloader.fetch(d, dir, (file, done, total) -> {
            last[0] = done;
            last[1] = total;
        });

        assertEquals(bytes.length, last[0]);
        assertEquals(bytes.length, last[1]);
    }
}
