package org.ser4j.data.download;

import java.util.List;
import org.ser4j.data.download.Catalogue.Access;
import org.ser4j.data.download.Catalogue.Corpus;
import org.ser4j.data.download.Catalogue.Download;
import org.ser4j.data.download.Catalogue.Format;
import org.ser4j.data.download.Catalogue.Layout;

/** Catalogue entries for the tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Corpus corpus(String name, Access access, Layout layout, Download... downloads) {
        return new Corpus(name, name + " test corpus", List.of("English"), List.of("angry", "neutral"), 2, 4, null,
                "CC BY-NC-SA 4.0", "https://example.org/licence", "https://example.org/" + name,
                "Someone et al. (2018)", access, List.of(downloads), layout,
                access == Access.PUBLIC ? null : "Register at https://example.org/" + name + " and download it.",
                null);
    }

    static Download download(String url, String file, byte[] bytes, Format format) {
        Checksums sums = sums(bytes);
        return new Download(url, file, (long) bytes.length, sums.sha256(), null, format, null);
    }

    static Checksums sums(byte[] bytes) {
        try {
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile("sums", ".bin");
            java.nio.file.Files.write(tmp, bytes);
            Checksums c = Checksums.of(tmp);
            java.nio.file.Files.delete(tmp);
            return c;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
