package org.ser4j.data.download;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ser4j.data.TinyWav;

/** Archives built in memory for the download tests: zips, tar.gz (written here by hand), and malicious ones. */
final class TestArchives {

    private TestArchives() {
    }

    /** A tiny WAV file's bytes; {@code seed} changes the frame count so no two clips are equal. */
    static byte[] wav(Path scratch, int seed) throws IOException {
        Path p = TinyWav.write(scratch.resolve("tone-" + seed + ".wav"), 400 + seed);
        byte[] bytes = Files.readAllBytes(p);
        Files.delete(p);
        return bytes;
    }

    /** Entries named as the loaders expect, each a distinct WAV. */
    static Map<String, byte[]> clips(Path scratch, String... names) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            entries.put(names[i], wav(scratch, i));
        }
        return entries;
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A zip whose entry {@code link} is marked, as Info-ZIP does, as a Unix symbolic link to {@code target}. */
    static byte[] zipWithSymlink(String link, String target) throws IOException {
        byte[] zip = zip(Map.of(link, target.getBytes(UTF_8)));
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p + 46 < zip.length; p++) {
            if (b.getInt(p) == 0x02014b50) {
                b.putShort(p + 4, (short) ((3 << 8) | 20)); // made by Unix
                b.putInt(p + 38, 0120777 << 16);            // st_mode: symbolic link
            }
        }
        return zip;
    }

    /** A tar entry type for {@link #tarGz}. */
    record TarEntry(String name, char type, byte[] data, String linkTarget) {
        static TarEntry file(String name, byte[] data) {
            return new TarEntry(name, '0', data, "");
        }
    }

    static byte[] tarGz(Map<String, byte[]> files) throws IOException {
        return tarGz(files.entrySet().stream().map(e -> TarEntry.file(e.getKey(), e.getValue()))
                .toArray(TarEntry[]::new));
    }

    /** A gzipped ustar archive; names over 100 characters get a GNU long-name entry first. */
    static byte[] tarGz(TarEntry... entries) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (TarEntry e : entries) {
            byte[] name = e.name().getBytes(UTF_8);
            if (name.length > 100) {
                byte[] data = Arrays.copyOf(name, name.length + 1);
                tar.write(header("././@LongLink", 'L', data.length, ""));
                writePadded(tar, data);
            }
            tar.write(header(e.name(), e.type(), e.data().length, e.linkTarget()));
            writePadded(tar, e.data());
        }
        tar.write(new byte[1024]);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(tar.toByteArray());
        }
        return gz.toByteArray();
    }

    private static void writePadded(ByteArrayOutputStream out, byte[] data) {
        out.write(data, 0, data.length);
        out.write(new byte[(512 - data.length % 512) % 512], 0, (512 - data.length % 512) % 512);
    }

    private static byte[] header(String name, char type, long size, String link) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(UTF_8);
        System.arraycopy(n, 0, h, 0, Math.min(100, n.length));
        put(h, 100, "0000644\0");
        put(h, 108, "0000000\0");
        put(h, 116, "0000000\0");
        put(h, 124, String.format("%011o\0", size));
        put(h, 136, "00000000000\0");
        put(h, 148, "        ");
        h[156] = (byte) type;
        put(h, 157, link);
        put(h, 257, "ustar\0");
        put(h, 263, "00");
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xFF;
        }
        put(h, 148, String.format("%06o\0 ", sum));
        return h;
    }

    private static void put(byte[] h, int offset, String s) {
        byte[] b = s.getBytes(US_ASCII);
        System.arraycopy(b, 0, h, offset, b.length);
    }
}
