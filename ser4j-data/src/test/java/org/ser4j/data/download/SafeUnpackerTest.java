package org.ser4j.data.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ser4j.data.download.Catalogue.Format;
import org.ser4j.data.download.DownloadException.Problem;
import org.ser4j.data.download.TestArchives.TarEntry;

/** Unpacking refuses every entry that could write outside the target, and lays the rest out as asked. */
class SafeUnpackerTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private DownloadException refused(Path archive, Format format) {
        return assertThrows(DownloadException.class,
                () -> SafeUnpacker.unpack(archive, format, dir.resolve("out/stage"), 0));
    }

    private long filesUnder(Path p) throws IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aZipEntryWithDotDotIsRefusedAndNothingIsWritten() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ok/a.wav", new byte[] {1});
        entries.put("../evil.wav", new byte[] {2});
        Path zip = write("evil.zip", TestArchives.zip(entries));

        DownloadException e = refused(zip, Format.ZIP);

        assertEquals(Problem.UNSAFE_ARCHIVE, e.problem());
        assertTrue(e.getMessage().contains("../evil.wav"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out/evil.wav")));
        assertEquals(0, filesUnder(dir.resolve("out")), "a zip is checked whole before anything is written");
    }

    @Test
    void aZipEntryWithAnAbsolutePathIsRefused() throws IOException {
        Path outside = dir.resolve("abs.wav");
        Path zip = write("abs.zip", TestArchives.zip(Map.of(outside.toString(), new byte[] {1})));

        assertEquals(Problem.UNSAFE_ARCHIVE, refused(zip, Format.ZIP).problem());
        assertFalse(Files.exists(outside));
        Path windows = write("win.zip", TestArchives.zip(Map.of("C:\\Windows\\x.wav", new byte[] {1})));
        assertEquals(Problem.UNSAFE_ARCHIVE, refused(windows, Format.ZIP).problem());
    }

    @Test
    void aZipSymlinkEntryIsRefused() throws IOException {
        Path zip = write("link.zip", TestArchives.zipWithSymlink("Actor_01/link.wav", "/etc/passwd"));

        DownloadException e = refused(zip, Format.ZIP);

        assertEquals(Problem.UNSAFE_ARCHIVE, e.problem());
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals(0, filesUnder(dir.resolve("out")));
    }

    @Test
    void tarLinksAndEscapesAreRefused() throws IOException {
        byte[] wav = {1, 2, 3};
        Path dotdot = write("a.tar.gz", TestArchives.tarGz(TarEntry.file("x/../../evil.wav", wav)));
        Path symlink = write("b.tar.gz", TestArchives.tarGz(new TarEntry("l.wav", '2', new byte[0], "/etc")));
        Path hardlink = write("c.tar.gz", TestArchives.tarGz(new TarEntry("h.wav", '1', new byte[0], "/etc/x")));
        Path device = write("d.tar.gz", TestArchives.tarGz(new TarEntry("dev.wav", '3', new byte[0], "")));
        Path absolute = write("e.tar.gz", TestArchives.tarGz(TarEntry.file("/tmp/evil.wav", wav)));

        for (Path p : new Path[] {dotdot, symlink, hardlink, device, absolute}) {
            assertEquals(Problem.UNSAFE_ARCHIVE, refused(p, Format.TAR_GZ).problem(), p.toString());
        }
        assertFalse(Files.exists(dir.resolve("evil.wav")));
        assertEquals(0, filesUnder(dir.resolve("out")));
    }

    @Test
    void stripComponentsDropsLeadingFoldersAndMacMetadataIsSkipped() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("top/", new byte[0]);
        entries.put("top/wav/03a01Wa.wav", new byte[] {7});
        entries.put("__MACOSX/top/wav/._03a01Wa.wav", new byte[] {9});
        entries.put("top/wav/._03a01Wa.wav", new byte[] {9});
        Path zip = write("s.zip", TestArchives.zip(entries));
        Path out = dir.resolve("out");

        int files = SafeUnpacker.unpack(zip, Format.ZIP, out, 1);

        assertEquals(1, files);
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(out.resolve("wav/03a01Wa.wav")));
        assertEquals(1, filesUnder(out));
    }

    @Test
    void tarGnuLongNamesAndStripComponentsAreHonoured() throws Exception {
        String folder = "corpus/" + "d".repeat(120);
        byte[] wav = {5, 6};
        Path tar = write("long.tar.gz", TestArchives.tarGz(TarEntry.file(folder + "/OAF_back_angry.wav", wav),
                TarEntry.file("corpus/OAF_angry/OAF_back_angry.wav", new byte[700])));
        Path out = dir.resolve("out");

        assertEquals(2, SafeUnpacker.unpack(tar, Format.TAR_GZ, out, 1));

        assertArrayEquals(wav, Files.readAllBytes(out.resolve("d".repeat(120)).resolve("OAF_back_angry.wav")));
        assertEquals(700, Files.size(out.resolve("OAF_angry/OAF_back_angry.wav")));
    }

    @Test
    void aTarHeaderWithAWrongChecksumIsACorruptArchive() throws IOException {
        byte[] gz = TestArchives.tarGz(TarEntry.file("a.wav", new byte[] {1}));
        byte[] tar = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz)).readAllBytes();
        tar[0] = 'b';
        java.io.ByteArrayOutputStream again = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(again)) {
            out.write(tar);
        }
        Path p = write("bad.tar.gz", again.toByteArray());

        assertEquals(Problem.CORRUPT_ARCHIVE, refused(p, Format.TAR_GZ).problem());
        Path notZip = write("bad.zip", new byte[] {1, 2, 3, 4});
        assertEquals(Problem.CORRUPT_ARCHIVE, refused(notZip, Format.ZIP).problem());
    }
}
