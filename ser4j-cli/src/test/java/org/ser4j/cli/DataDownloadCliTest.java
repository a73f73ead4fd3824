package org.ser4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ser4j data list|download|import} against a catalogue of the test's own and a local server. */
class DataDownloadCliTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private Path catalogue;
    private byte[] zip;

    @BeforeEach
    void serve() throws IOException {
        byte[] wav = Files.readAllBytes(Path.of("..", "examples", "speech.wav"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (String name : new String[] {"Actor_01/03-01-05-01-01-01-01.wav", "Actor_02/03-01-01-01-01-01-02.wav"}) {
                z.putNextEntry(new ZipEntry(name));
                z.write(wav);
                z.closeEntry();
            }
        }
        zip = bytes.toByteArray();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ravdess.zip", ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(200, zip.length);
            ex.getResponseBody().write(zip);
            ex.close();
        });
        server.start();
        catalogue = dir.resolve("catalogue.json");
        Files.writeString(catalogue, """
                {"version": 1, "corpora": [
                  {"name": "RAVDESS", "title": "Ryerson", "languages": ["English"], "emotions": ["angry"],
                   "speakers": 24, "clips": 1440, "size_bytes": 208468073, "licence": "CC BY-NC-SA 4.0",
                   "licence_url": "https://creativecommons.org/licenses/by-nc-sa/4.0/", "homepage": "https://z",
                   "citation": "Livingstone and Russo (2018)", "access": "public",
                   "downloads": [{"url": "URL", "file": "ravdess.zip", "size_bytes": SIZE, "sha256": null,
                     "md5": null, "format": "zip"}],
                   "layout": {"strip_components": 0, "into": "RAVDESS"}, "instructions": null, "notes": null},
                  {"name": "IEMOCAP", "title": "IEMOCAP", "languages": ["English"], "emotions": [],
                   "speakers": 10, "clips": null, "size_bytes": null, "licence": "own", "licence_url": null,
                   "homepage": "https://sail", "citation": "Busso et al. (2008)", "access": "request",
                   "downloads": [], "layout": null, "instructions": "Fill in the release form.", "notes": null}
                ]}""".replace("URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/ravdess.zip")
                .replace("SIZE", Integer.toString(zip.length)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void listPrintsATableWithOneRowPerCorpus() {
        CliTest.Run r = CliTest.run("data", "list", "--catalogue", catalogue.toString());

        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("name"), lines[0]);
        assertTrue(lines[1].matches("RAVDESS\\s+English\\s+1440\\s+208 MB\\s+public\\s+CC BY-NC-SA 4.0"), lines[1]);
        assertTrue(lines[2].matches("IEMOCAP\\s+English\\s+\\?\\s+\\?\\s+request\\s+own"), lines[2]);
    }

    @Test
    void listJsonHasEveryCorpus() throws IOException {
        CliTest.Run r = CliTest.run("data", "list", "--json", "--catalogue", catalogue.toString());

        assertEquals(0, r.exit(), r.err());
        JsonNode corpora = new ObjectMapper().readTree(r.out()).get("corpora");
        assertEquals(2, corpora.size());
        assertEquals("RAVDESS", corpora.get(0).get("name").asText());
        assertEquals("request", corpora.get(1).get("access").asText());
    }

    @Test
    void downloadWithoutAcceptingTheLicenceRefusesInOneLine() {
        CliTest.Run r = CliTest.run("data", "download", "RAVDESS", "--dir", dir.resolve("c").toString(),
                "--catalogue", catalogue.toString());

        assertEquals(1, r.exit());
        assertTrue(r.out().contains("CC BY-NC-SA 4.0"), r.out());
        assertTrue(r.out().contains("Livingstone and Russo (2018)"), r.out());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().contains("--accept-licence"), r.err());
        assertEquals(0, requests.get());
    }

    @Test
    void downloadInstallsOnceAndASecondRunDoesNothing() {
        String[] args = {"data", "download", "RAVDESS", "--accept-licence", "--dir", dir.resolve("c").toString(),
            "--catalogue", catalogue.toString()};

        CliTest.Run first = CliTest.run(args);
        CliTest.Run second = CliTest.run(args);

        assertEquals(0, first.exit(), first.err());
        assertTrue(first.err().contains("RAVDESS installed in"), first.err());
        assertTrue(Files.isRegularFile(dir.resolve("c/RAVDESS/Actor_01/03-01-05-01-01-01-01.wav")));
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.err().contains("already installed"), second.err());
        assertEquals(1, requests.get());
    }

    @Test
    void aRegistrationCorpusPrintsItsInstructionsAndFails() {
        CliTest.Run r = CliTest.run("data", "download", "IEMOCAP", "--accept-licence", "--dir",
                dir.resolve("c").toString(), "--catalogue", catalogue.toString());

        assertEquals(1, r.exit());
        assertTrue(r.out().contains("Fill in the release form."), r.out());
        assertTrue(r.out().contains("ser4j data import IEMOCAP"), r.out());
    }

    @Test
    void anUnknownCorpusNamesTheKnownOnes() {
        CliTest.Run r = CliTest.run("data", "download", "NOPE", "--catalogue", catalogue.toString());

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("unknown corpus 'NOPE'") && r.err().contains("RAVDESS, IEMOCAP"), r.err());
    }

    @Test
    void importInstallsFromALocalArchive() throws IOException {
        Path archive = dir.resolve("ravdess.zip");
        Files.write(archive, zip);

        CliTest.Run r = CliTest.run("data", "import", "RAVDESS", archive.toString(), "--dir",
                dir.resolve("c").toString(), "--catalogue", catalogue.toString());

        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("c/RAVDESS/.ser4j-installed.json")));
        assertEquals(0, requests.get());
        assertFalse(r.err().contains("already"), r.err());
    }
}
