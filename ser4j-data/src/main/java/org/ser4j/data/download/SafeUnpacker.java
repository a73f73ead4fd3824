package org.ser4j.data.download;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.ser4j.data.download.DownloadException.Problem;

/**
 * Unpacks zip and tar.gz archives so that nothing can land outside the target folder.
 *
 * <p>Refused, with {@link Problem#UNSAFE_ARCHIVE}: entries with absolute paths (also {@code C:} and {@code \}),
 * entries with a {@code ..} element, symbolic and hard links, devices and FIFOs. Because no link is ever
 * created, a later entry cannot escape through an earlier one either. A zip is checked whole before anything is
 * written; a tar.gz is read as a stream, so a refusal can come after some files were written, which is why
 * callers unpack into a fresh staging folder they delete on failure. macOS's {@code __MACOSX/} folders and
 * {@code ._} AppleDouble files are skipped (they are not audio, although named like it).
 *
 * <p>The tar reader handles ustar, GNU long names ({@code L}) and PAX {@code path} records, sizes in octal or
 * base-256; a header with a wrong checksum is {@link Problem#CORRUPT_ARCHIVE}.
 */
public final class SafeUnpacker {

    private static final int BLOCK = 512;
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;

    private SafeUnpacker() {
    }

    /**
     * Unpacks {@code archive} into {@code target} (created if needed), dropping the first {@code stripComponents}
     * folders of every entry ({@link Catalogue.Format#FILE} is copied as is).
     *
     * @return how many files were written
     * @throws DownloadException UNSAFE_ARCHIVE, CORRUPT_ARCHIVE or DISK_FULL
     */
    public static int unpack(Path archive, Catalogue.Format format, Path target, int stripComponents)
            throws DownloadException, IOException {
        if (stripComponents < 0) {
            throw new IllegalArgumentException("strip components: expected >= 0, found " + stripComponents);
        }
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try {
            return switch (format) {
                case ZIP -> unzip(archive, root, stripComponents);
                case TAR_GZ -> untar(archive, root, stripComponents);
                case FILE, FILE_LIST -> {
                    Files.copy(archive, root.resolve(archive.getFileName().toString()),
                            StandardCopyOption.REPLACE_EXISTING);
                    yield 1;
                }
            };
        } catch (IOException e) {
            throw DownloadException.orDiskFull(e, root.toString());
        }
    }

    /**
     * Where an entry goes: empty when it is skipped (fewer elements than stripped, macOS metadata).
     *
     * @throws DownloadException UNSAFE_ARCHIVE for an absolute path or a {@code ..} element
     */
    static Optional<Path> destination(String entryName, Path root, int strip, Path archive)
            throws DownloadException {
        String name = entryName.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.indexOf('\0') >= 0) {
            throw unsafe(archive, entryName, "an absolute path");
        }
        List<String> parts = new ArrayList<>();
        for (String p : name.split("/")) {
            if (p.equals("..")) {
                throw unsafe(archive, entryName, "a path with '..' that could leave the target folder");
            }
            if (!p.isEmpty() && !p.equals(".")) {
                parts.add(p);
            }
        }
        if (parts.size() <= strip) {
            return Optional.empty();
        }
        parts = parts.subList(strip, parts.size());
        if (parts.get(0).equals("__MACOSX") || parts.get(parts.size() - 1).startsWith("._")) {
            return Optional.empty();
        }
        Path dest = root.resolve(String.join("/", parts)).normalize();
        if (!dest.startsWith(root) || dest.equals(root)) {
            throw unsafe(archive, entryName, "a path outside the target folder");
        }
        return Optional.of(dest);
    }

    private static DownloadException unsafe(Path archive, String entry, String what) {
        return new DownloadException(Problem.UNSAFE_ARCHIVE, archive.getFileName() + " is refused: its entry '"
                + entry + "' is " + what + "; nothing was installed");
    }

    private static DownloadException corrupt(Path archive, String why, Throwable cause) {
        return new DownloadException(Problem.CORRUPT_ARCHIVE, archive.getFileName() + " is not a readable archive: "
                + why, cause);
    }

    // ---- zip

    private static int unzip(Path archive, Path root, int strip) throws DownloadException, IOException {
        // java.util.zip does not expose the Unix mode, which is where a zip marks links: read it from the
        // central directory ourselves.
        Map<String, Integer> modes = unixModes(archive);
        for (Map.Entry<String, Integer> e : modes.entrySet()) {
            int type = e.getValue() & S_IFMT;
            if (type == S_IFLNK) {
                throw unsafe(archive, e.getKey(), "a symbolic link");
            }
            if (type != 0 && type != S_IFREG && type != S_IFDIR) {
                throw unsafe(archive, e.getKey(), "a device or special file");
            }
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            List<Optional<Path>> dests = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry entry = en.nextElement();
                entries.add(entry);
                dests.add(destination(entry.getName(), root, strip, archive));
            }
            int files = 0;
            for (int i = 0; i < entries.size(); i++) {
                ZipEntry entry = entries.get(i);
                if (dests.get(i).isEmpty()) {
                    continue;
                }
                Path dest = dests.get(i).get();
                if (entry.isDirectory()) {
                    Files.createDirectories(dest);
                    continue;
                }
                Files.createDirectories(dest.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
                } catch (ZipException e) {
                    throw corrupt(archive, "entry " + entry.getName() + ": " + e.getMessage(), e);
                }
                files++;
            }
            return files;
        } catch (ZipException e) {
            throw corrupt(archive, e.getMessage(), e);
        }
    }

    /** Each entry's Unix mode (0 when the zip was not made on Unix) from the central directory. */
    private static Map<String, Integer> unixModes(Path archive) throws DownloadException, IOException {
        try (FileChannel ch = FileChannel.open(archive, StandardOpenOption.READ)) {
            long size = ch.size();
            int tailLength = (int) Math.min(size, 22 + 65535);
            ByteBuffer tail = read(ch, size - tailLength, tailLength);
            int eocd = -1;
            for (int i = tailLength - 22; i >= 0; i--) {
                if (tail.getInt(i) == 0x06054b50) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw corrupt(archive, "no zip end-of-central-directory record", null);
            }
            long entries = tail.getShort(eocd + 10) & 0xFFFFL;
            long cdSize = tail.getInt(eocd + 12) & 0xFFFFFFFFL;
            long cdOffset = tail.getInt(eocd + 16) & 0xFFFFFFFFL;
            if ((entries == 0xFFFF || cdOffset == 0xFFFFFFFFL || cdSize == 0xFFFFFFFFL) && eocd >= 20
                    && tail.getInt(eocd - 20) == 0x07064b50) {
                ByteBuffer z64 = read(ch, tail.getLong(eocd - 20 + 8), 56);
                if (z64.getInt(0) != 0x06064b50) {
                    throw corrupt(archive, "a broken zip64 end-of-central-directory record", null);
                }
                cdSize = z64.getLong(40);
                cdOffset = z64.getLong(48);
            }
            if (cdOffset + cdSize > size || cdSize > Integer.MAX_VALUE) {
                throw corrupt(archive, "the central directory lies outside the file", null);
            }
            ByteBuffer cd = read(ch, cdOffset, (int) cdSize);
            Map<String, Integer> modes = new HashMap<>();
            int p = 0;
            while (p + 46 <= cdSize && cd.getInt(p) == 0x02014b50) {
                int host = (cd.getShort(p + 4) >> 8) & 0xFF;
                int nameLength = cd.getShort(p + 28) & 0xFFFF;
                int extraLength = cd.getShort(p + 30) & 0xFFFF;
                int commentLength = cd.getShort(p + 32) & 0xFFFF;
                int mode = (cd.getInt(p + 38) >>> 16) & 0xFFFF;
                if (p + 46 + nameLength > cdSize) {
                    break;
                }
                byte[] name = new byte[nameLength];
                cd.get(p + 46, name);
                // Hosts 3 (Unix) and 19 (OS X) keep st_mode in the high half of the external attributes.
                modes.merge(new String(name, StandardCharsets.UTF_8), host == 3 || host == 19 ? mode : 0,
                        (a, b) -> (a & S_IFMT) == S_IFLNK ? a : b);
                p += 46 + nameLength + extraLength + commentLength;
            }
            return modes;
        }
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new EOFException("the archive ends early");
            }
        }
        return b.flip();
    }

    // ---- tar.gz

    private static int untar(Path archive, Path root, int strip) throws DownloadException, IOException {
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(archive),
                1 << 16), 1 << 16)) {
            return untar(in, archive, root, strip);
        } catch (java.util.zip.ZipException | EOFException e) {
            throw corrupt(archive, e.getMessage(), e);
        }
    }

    private static int untar(InputStream in, Path archive, Path root, int strip) throws DownloadException,
            IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        int files = 0;
        while (true) {
            int n = in.readNBytes(header, 0, BLOCK);
            if (n == 0) {
                return files; // some writers omit the two zero blocks
            }
            if (n < BLOCK) {
                throw corrupt(archive, "a tar header is cut short", null);
            }
            if (isZero(header)) {
                return files;
            }
            checkHeader(header, archive);
            char type = (char) header[156];
            long size = number(header, 124, 12, archive);
            String name = longName != null ? longName : ustarName(header);
            switch (type) {
                case 'L' -> {
                    longName = cString(readData(in, size, archive));
                    continue;
                }
                case 'x' -> {
                    String path = paxPath(readData(in, size, archive));
                    if (path != null) {
                        longName = path;
                    }
                    continue;
                }
                case 'K', 'g' -> {
                    skipData(in, size);
                    continue;
                }
                case '1' -> throw unsafe(archive, name, "a hard link");
                case '2' -> throw unsafe(archive, name, "a symbolic link");
                case '3', '4', '6' -> throw unsafe(archive, name, "a device or FIFO");
                case '0', '\0', '7', '5' -> {
                    longName = null;
                    Optional<Path> dest = destination(name, root, strip, archive);
                    if (type == '5' || name.endsWith("/")) {
                        if (dest.isPresent()) {
                            Files.createDirectories(dest.get());
                        }
                        skipData(in, size);
                    } else if (dest.isPresent()) {
                        Files.createDirectories(dest.get().getParent());
                        writeData(in, size, dest.get(), archive);
                        files++;
                    } else {
                        skipData(in, size);
                    }
                }
                default -> throw corrupt(archive, "entry '" + name + "' has the unsupported tar type '" + type
                        + "'", null);
            }
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkHeader(byte[] h, Path archive) throws DownloadException {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xFF;
        }
        long stored = number(h, 148, 8, archive);
        if (stored != sum) {
            throw corrupt(archive, "a tar header's checksum is wrong (expected " + stored + ", found " + sum + ")",
                    null);
        }
    }

    /** An octal field, or base-256 when its first byte has the high bit set (GNU, for sizes over 8 GiB). */
    private static long number(byte[] h, int offset, int length, Path archive) throws DownloadException {
        if ((h[offset] & 0x80) != 0) {
            long v = h[offset] & 0x7F;
            for (int i = 1; i < length; i++) {
                v = (v << 8) | (h[offset + i] & 0xFF);
            }
            return v;
        }
        String s = new String(h, offset, length, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw corrupt(archive, "a tar header field is not an octal number: '" + s + "'", e);
        }
    }

    private static String ustarName(byte[] h) {
        String name = cString(h, 0, 100);
        String magic = new String(h, 257, 5, StandardCharsets.US_ASCII);
        if (magic.equals("ustar")) {
            String prefix = cString(h, 345, 155);
            if (!prefix.isEmpty()) {
                return prefix + "/" + name;
            }
        }
        return name;
    }

    private static String cString(byte[] b) {
        return cString(b, 0, b.length);
    }

    private static String cString(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** The {@code path} of a PAX extended header ("LEN key=value\n" records), or null. */
    private static String paxPath(byte[] data) {
        String path = null;
        int p = 0;
        while (p < data.length) {
            int space = p;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int length;
            try {
                length = Integer.parseInt(new String(data, p, space - p, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                return path;
            }
            if (length <= 0 || p + length > data.length) {
                return path;
            }
            String record = new String(data, space + 1, p + length - space - 2, StandardCharsets.UTF_8);
            if (record.startsWith("path=")) {
                path = record.substring(5);
            }
            p += length;
        }
        return path;
    }

    private static byte[] readData(InputStream in, long size, Path archive) throws DownloadException, IOException {
        if (size > 1 << 20) {
            throw corrupt(archive, "a tar metadata entry of " + size + " bytes", null);
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw corrupt(archive, "the archive ends inside an entry", null);
        }
        in.skipNBytes(padding(size));
        return data;
    }

    private static void skipData(InputStream in, long size) throws IOException {
        in.skipNBytes(size + padding(size));
    }

    private static void writeData(InputStream in, long size, Path dest, Path archive) throws DownloadException,
            IOException {
        byte[] buf = new byte[1 << 16];
        long left = size;
        try (OutputStream out = Files.newOutputStream(dest)) {
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw corrupt(archive, "the archive ends inside " + dest.getFileName(), null);
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
        in.skipNBytes(padding(size));
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }
}
