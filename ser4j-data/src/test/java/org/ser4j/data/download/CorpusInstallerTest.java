package org.ser4j.data.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.data.CorpusScanner;
import org.ser4j.data.LoadResult;
import org.ser4j.data.download.Catalogue.Access;
import org.ser4j.data.download.Catalogue.Corpus;
import org.ser4j.data.download.Catalogue.Download;
import org.ser4j.data.download.Catalogue.Format;
import org.ser4j.data.download.Catalogue.Layout;
import org.ser4j.data.download.DownloadException.Problem;

/** Whole installs from a local server and from local archives, checked with the corpus loaders. */
class CorpusInstallerTest {

    @TempDir
    Path tmp;

    private final TestServer server = newServer();

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

    private Path corpora() {
        return tmp.resolve("corpora");
    }

    private CorpusInstaller installer() {
        return CorpusInstaller.builder().setDirectory(corpora())
                .optDownloader(Downloader.builder().optRetryDelay(Duration.ZERO).build()).build();
    }

    private Corpus ravdess(byte[] served, byte[] described) {
        String url = server.serve("/ravdess.zip", served);
        return Fixtures.corpus("RAVDESS", Access.PUBLIC, new Layout(0, "RAVDESS"),
                Fixtures.download(url, "Audio_Speech_Actors_01-24.zip", described, Format.ZIP));
    }

    private byte[] ravdessZip() throws IOException {
        return TestArchives.zip(TestArchives.clips(tmp, "Actor_01/03-01-05-01-01-01-01.wav",
                "Actor_01/03-01-01-01-01-01-01.wav", "Actor_02/03-01-05-01-01-01-02.wav"));
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(corpora())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".staging")).toList();
        }
    }

    @Test
    void aDownloadedCorpusIsInstalledWhereItsLoaderFindsEveryClip() throws Exception {
        byte[] zip = ravdessZip();

        Installation done = installer().download(ravdess(zip, zip), DownloadProgress.NONE);

        assertEquals(Installation.Status.INSTALLED, done.status());
        assertEquals(corpora().resolve("RAVDESS"), done.folder());
        assertEquals(3, done.clips());
        LoadResult scan = CorpusScanner.defaults().scan(done.folder());
        assertEquals(3, scan.dataset().clips().size());
        assertTrue(scan.dataset().clips().stream().allMatch(c -> c.corpus().equals("RAVDESS")));
        String marker = Files.readString(done.folder().resolve(CorpusInstaller.MARKER));
        assertTrue(marker.contains(Fixtures.sums(zip).sha256()), marker);
        assertTrue(leftovers().isEmpty());
        assertFalse(Files.exists(corpora().resolve(CorpusInstaller.DOWNLOADS)), "archives are deleted once used");
    }

    @Test
    void aSecondRunDoesNothingAndMakesNoRequest() throws Exception {
        byte[] zip = ravdessZip();
        Corpus corpus = ravdess(zip, zip);
        installer().download(corpus, DownloadProgress.NONE);
        int requests = server.requests().size();

        Installation again = installer().download(corpus, DownloadProgress.NONE);

        assertEquals(Installation.Status.ALREADY_INSTALLED, again.status());
        assertEquals(3, again.clips());
        assertEquals(requests, server.requests().size());
    }

    @Test
    void aTarGzWithATopFolderIsStrippedAndResumedAfterADrop() throws Exception {
        byte[] tgz = TestArchives.tarGz(TestArchives.clips(tmp, "emodb/wav/03a01Wa.wav", "emodb/wav/08a01Lb.wav",
                "emodb/wav/10b02Nc.wav"));
        String url = server.serve("/emodb.tar.gz", tgz);
        server.dropHalfwayOnce("/emodb.tar.gz");
        Corpus emodb = Fixtures.corpus("EmoDB", Access.PUBLIC, new Layout(1, "EmoDB"),
                Fixtures.download(url, "emodb.tar.gz", tgz, Format.TAR_GZ));

        Installation done = installer().download(emodb, DownloadProgress.NONE);

        assertEquals(3, done.clips());
        assertTrue(Files.isRegularFile(corpora().resolve("EmoDB/wav/03a01Wa.wav")));
        assertEquals("bytes=" + tgz.length / 2 + "-", server.requests().get(1).range());
    }

    @Test
    void aCorruptedArchiveIsAChecksumErrorAndNothingIsInstalled() throws Exception {
        byte[] zip = ravdessZip();
        byte[] corrupted = zip.clone();
        corrupted[corrupted.length / 2] ^= 0x55;

        DownloadException e = assertThrows(DownloadException.class,
                () -> installer().download(ravdess(corrupted, zip), DownloadProgress.NONE));

        assertEquals(Problem.CHECKSUM, e.problem());
        assertFalse(Files.exists(corpora().resolve("RAVDESS")));
        assertTrue(leftovers().isEmpty());
    }

    @Test
    void aMaliciousZipIsRefusedAndNothingIsWrittenOutsideOrLeftStaged() throws Exception {
        byte[] zip = TestArchives.zip(Map.of("Actor_01/03-01-05-01-01-01-01.wav", TestArchives.wav(tmp, 1),
                "../../evil.wav", TestArchives.wav(tmp, 2)));

        DownloadException e = assertThrows(DownloadException.class,
                () -> installer().download(ravdess(zip, zip), DownloadProgress.NONE));

        assertEquals(Problem.UNSAFE_ARCHIVE, e.problem());
        assertFalse(Files.exists(tmp.resolve("evil.wav")));
        assertFalse(Files.exists(corpora().resolve("evil.wav")));
        assertFalse(Files.exists(corpora().resolve("RAVDESS")));
        assertTrue(leftovers().isEmpty());
    }

    @Test
    void anArchiveWithoutTheCorpusClipsIsALayoutError() throws Exception {
        byte[] zip = TestArchives.zip(TestArchives.clips(tmp, "readme/some-file.wav"));

        DownloadException e = assertThrows(DownloadException.class,
                () -> installer().download(ravdess(zip, zip), DownloadProgress.NONE));

        assertEquals(Problem.LAYOUT, e.problem());
        assertFalse(Files.exists(corpora().resolve("RAVDESS")));
        assertTrue(leftovers().isEmpty());
    }

    @Test
    void aFolderNotInstalledBySer4jIsNeverOverwritten() throws Exception {
        byte[] zip = ravdessZip();
        Files.createDirectories(corpora().resolve("RAVDESS"));
        Files.writeString(corpora().resolve("RAVDESS/mine.txt"), "user's");

        DownloadException e = assertThrows(DownloadException.class,
                () -> installer().download(ravdess(zip, zip), DownloadProgress.NONE));

        assertEquals(Problem.TARGET_EXISTS, e.problem());
        assertEquals("user's", Files.readString(corpora().resolve("RAVDESS/mine.txt")));
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void aRegistrationCorpusIsNotDownloadedButImportedFromTheUsersArchive() throws Exception {
        Corpus tess = Fixtures.corpus("TESS", Access.REGISTRATION, new Layout(0, "TESS"));
        DownloadException e = assertThrows(DownloadException.class,
                () -> installer().download(tess, DownloadProgress.NONE));
        assertEquals(Problem.NOT_PUBLIC, e.problem());
        assertTrue(e.getMessage().contains("Register at"), e.getMessage());

        Path archive = tmp.resolve("tess.zip");
        Files.write(archive, TestArchives.zip(TestArchives.clips(tmp, "OAF_angry/OAF_back_angry.wav",
                "YAF_neutral/YAF_back_neutral.wav")));
        Installation done = installer().importArchives(tess, List.of(archive));

        assertEquals(2, done.clips());
        assertTrue(Files.isRegularFile(corpora().resolve("TESS/OAF_angry/OAF_back_angry.wav")));
        assertTrue(Files.exists(archive), "the user's archive is left where it was");
    }

    @Test
    void anImportedArchiveIsCheckedAgainstTheCatalogue() throws Exception {
        byte[] zip = ravdessZip();
        Path archive = tmp.resolve("Audio_Speech_Actors_01-24.zip");
        byte[] other = zip.clone();
        other[other.length / 3] ^= 1;
        Files.write(archive, other);

        DownloadException e = assertThrows(DownloadException.class,
                () -> installer().importArchives(ravdess(zip, zip), List.of(archive)));

        assertEquals(Problem.CHECKSUM, e.problem());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void aFileListIsFetchedOneFileAtATime() throws Exception {
        byte[] a = TestArchives.wav(tmp, 1);
        byte[] b = TestArchives.wav(tmp, 2);
        server.serve("/AudioWAV/1001_DFA_ANG_XX.wav", a);
        server.serve("/AudioWAV/1002_IEO_HAP_HI.wav", b);
        Download list = new Download(server.url("/AudioWAV/{name}.wav"), "{name}.wav", null, null, null,
                Format.FILE_LIST, "SentenceFilenames");
        Corpus crema = Fixtures.corpus("CREMA-D", Access.PUBLIC, new Layout(0, "CREMA-D"), list);
        CorpusInstaller installer = CorpusInstaller.builder().setDirectory(corpora())
                .optNameLists(name -> List.of("1001_DFA_ANG_XX", "1002_IEO_HAP_HI")).build();

        Installation done = installer.download(crema, DownloadProgress.NONE);

        assertEquals(2, done.clips());
        assertTrue(Files.isRegularFile(corpora().resolve("CREMA-D/1002_IEO_HAP_HI.wav")));
    }

    @Test
    void aFileListGivenByUrlIsTheCorpusOwnListFetchedFirst() throws Exception {
        server.serve("/AudioWAV/1001_DFA_ANG_XX.wav", TestArchives.wav(tmp, 1));
        server.serve("/AudioWAV/1002_IEO_HAP_HI.wav", TestArchives.wav(tmp, 2));
        String names = server.serve("/SentenceFilenames.csv", ("\"Stimulus_Number\",\"Filename\"\n"
                + "1,\"1001_DFA_ANG_XX\"\n2,\"1002_IEO_HAP_HI\"\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Download list = new Download(server.url("/AudioWAV/{name}.wav"), "{name}.wav", null, null, null,
                Format.FILE_LIST, names);
        Corpus crema = Fixtures.corpus("CREMA-D", Access.PUBLIC, new Layout(0, "CREMA-D"), list);

        Installation done = installer().download(crema, DownloadProgress.NONE);

        assertEquals(2, done.clips());
        assertTrue(Files.isRegularFile(corpora().resolve("CREMA-D/1001_DFA_ANG_XX.wav")));
        assertFalse(Files.exists(corpora().resolve("CREMA-D/SentenceFilenames.csv")), "the list is not a clip");
    }
}
