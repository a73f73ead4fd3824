package org.ser4j.data.download;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.ser4j.data.Clip;
import org.ser4j.data.CorpusScanner;
import org.ser4j.data.Dataset;
import org.ser4j.data.LoadResult;
import org.ser4j.data.corpus.CorpusLoader;
import org.ser4j.data.download.Catalogue.Access;
import org.ser4j.data.download.Catalogue.Corpus;
import org.ser4j.data.download.Catalogue.Download;
import org.ser4j.data.download.Catalogue.Format;
import org.ser4j.data.download.DownloadException.Problem;
import org.ser4j.data.manifest.ManifestException;

/**
 * Installs a corpus under a corpora folder: fetch (or take the user's archives), verify, unpack into
 * {@code <dir>/.staging-<name>-<random>}, check that ser4j's loaders find its clips there, write the marker
 * {@value #MARKER}, and only then rename the staging folder to {@code <dir>/<into>} in one atomic move. So a
 * folder with the marker is always complete, and a failed run leaves no folder that looks installed.
 *
 * <p>A folder with the marker is left alone (a second run does nothing, without any network request); one
 * without it is never overwritten ({@link Problem#TARGET_EXISTS}). Downloads are kept in
 * {@code <dir>/.downloads/<name>/} until the corpus is installed, so an interrupted run resumes.
 * Immutable; one installation of a given corpus at a time.
 */
public final class CorpusInstaller {

    /** The marker file in an installed corpus's folder. */
    public static final String MARKER = ".ser4j-installed.json";
    /** The download cache folder under the corpora folder. */
    public static final String DOWNLOADS = ".downloads";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What happens to downloaded archives once their corpus is installed. */
    public enum Archives {
        /** Deleted: the unpacked corpus is what is used, and archives double the disk space. */
        DELETE,
        /** Kept in the download cache. */
        KEEP
    }

    private final Path directory;
    private final Downloader downloader;
    private final CorpusScanner scanner;
    private final NameLists nameLists;
    private final Archives archives;

    private CorpusInstaller(Builder b) {
        this.directory = b.directory.toAbsolutePath().normalize();
        this.downloader = b.downloader;
        this.scanner = b.scanner;
        this.nameLists = b.nameLists;
        this.archives = b.archives;
    }

    /** A builder; {@link Builder#setDirectory} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The corpora folder. */
    public Path directory() {
        return directory;
    }

    /** The folder the corpus is (or would be) installed into. */
    public Path folder(Corpus corpus) {
        return directory.resolve(corpus.folder());
    }

    /**
     * Downloads and installs a public corpus; does nothing when it is installed already.
     *
     * @throws DownloadException NOT_PUBLIC for a corpus that needs registration (its instructions in the message),
     *                           TARGET_EXISTS, and every failure of {@link Downloader#fetch} and the install
     */
    public Installation download(Corpus corpus, DownloadProgress progress) throws DownloadException, IOException {
        Objects.requireNonNull(progress, "progress");
        Installation done = installedAlready(corpus);
        if (done != null) {
            return done;
        }
        if (corpus.access() != Access.PUBLIC) {
            throw new DownloadException(Problem.NOT_PUBLIC, corpus.name() + " cannot be downloaded by ser4j ("
                    + corpus.access().name().toLowerCase(Locale.ROOT) + " needed): "
                    + (corpus.instructions() == null ? "see " + corpus.homepage() : corpus.instructions())
                    + "; then run: ser4j data import " + corpus.name() + " ARCHIVE");
        }
        Path cache = directory.resolve(DOWNLOADS).resolve(corpus.name());
        List<Source> sources = new ArrayList<>();
        for (Download d : corpus.downloads()) {
            if (d.format() == Format.FILE_LIST) {
                for (String name : names(d, cache, progress)) {
                    Download one = d.forName(name);
                    sources.add(new Source(downloader.fetch(one, cache, progress), Format.FILE, one));
                }
            } else {
                sources.add(new Source(downloader.fetch(d, cache, progress), d.format(), d));
            }
        }
        Installation installed = install(corpus, sources, "download");
        if (archives == Archives.DELETE) {
            for (Source s : sources) {
                Files.deleteIfExists(s.file());
            }
            deleteIfEmpty(cache);
            deleteIfEmpty(cache.getParent());
        }
        return installed;
    }

    /**
     * Installs a corpus from archives the user downloaded by hand. An archive named as one of the catalogue's
     * downloads (or the only archive of a corpus with one download) is checked against its size and checksums;
     * others are unpacked by their extension (.zip, .tar.gz, .tgz). The archives are left where they are.
     *
     * @throws NoSuchFileException when an archive does not exist
     */
    public Installation importArchives(Corpus corpus, List<Path> archivePaths) throws DownloadException,
            IOException {
        if (archivePaths.isEmpty()) {
            throw new IllegalArgumentException("archives: expected at least one, found none");
        }
        Installation done = installedAlready(corpus);
        if (done != null) {
            return done;
        }
        List<Source> sources = new ArrayList<>();
        for (Path archive : archivePaths) {
            if (!Files.isRegularFile(archive)) {
                throw new NoSuchFileException(archive.toString(), null, "no such archive");
            }
            String name = archive.getFileName().toString();
            Download match = null;
            for (Download d : corpus.downloads()) {
                if (d.format() != Format.FILE_LIST && d.file().equalsIgnoreCase(name)) {
                    match = d;
                }
            }
            if (match == null && archivePaths.size() == 1 && corpus.downloads().size() == 1
                    && (corpus.downloads().get(0).format() == Format.ZIP
                    || corpus.downloads().get(0).format() == Format.TAR_GZ)) {
                match = corpus.downloads().get(0);
            }
            if (match != null) {
                Checksums.of(archive).verify(match, archive.toString());
            }
            Format format = match != null ? match.format() : Format.ofFileName(name);
            sources.add(new Source(archive, format, match));
        }
        return install(corpus, sources, "import");
    }

    /** The installation recorded by the corpus's marker, or null when it is not installed. */
    private Installation installedAlready(Corpus corpus) throws DownloadException, IOException {
        Path target = folder(corpus);
        Path marker = target.resolve(MARKER);
        if (Files.isRegularFile(marker)) {
            JsonNode node;
            try {
                node = JSON.readTree(marker.toFile());
            } catch (IOException e) {
                node = null; // an unreadable marker still means ser4j finished the install
            }
            int clips = node != null && node.has("clips") ? node.get("clips").asInt() : 0;
            return new Installation(corpus.name(), target, Installation.Status.ALREADY_INSTALLED, clips);
        }
        if (Files.exists(target)) {
            throw new DownloadException(Problem.TARGET_EXISTS, target + " exists but was not installed by ser4j (it"
                    + " has no " + MARKER + "); it is not overwritten: move it away to install " + corpus.name()
                    + " there, or use it as it is (ser4j data scan " + target + ")");
        }
        return null;
    }

    private Installation install(Corpus corpus, List<Source> sources, String how) throws DownloadException,
            IOException {
        Files.createDirectories(directory);
        Path staging = Files.createTempDirectory(directory, ".staging-" + corpus.name() + "-");
        boolean moved = false;
        try {
            for (Source s : sources) {
                int strip = s.format() == Format.ZIP || s.format() == Format.TAR_GZ
                        ? corpus.layout().stripComponents() : 0;
                SafeUnpacker.unpack(s.file(), s.format(), staging, strip);
            }
            int clips = checkLayout(corpus, staging);
            writeMarker(corpus, sources, how, clips, staging.resolve(MARKER));
            Path target = folder(corpus);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                throw new DownloadException(Problem.TARGET_EXISTS, target + " appeared while " + corpus.name()
                        + " was being installed; it is not overwritten", e);
            }
            moved = true;
            return new Installation(corpus.name(), target, Installation.Status.INSTALLED, clips);
        } finally {
            if (!moved) {
                deleteTree(staging);
            }
        }
    }

    /** Scans the unpacked files; at least one clip, of this corpus when a loader knows it by name. */
    private int checkLayout(Corpus corpus, Path staging) throws DownloadException, IOException {
        LoadResult scan;
        try {
            scan = scanner.scan(staging);
        } catch (ManifestException e) {
            throw new IllegalStateException("a folder scan reads no manifest", e);
        }
        Dataset dataset = scan.dataset();
        String key = key(corpus.name());
        boolean known = scanner.loaders().stream().map(CorpusLoader::corpus).anyMatch(c -> key(c).equals(key));
        List<Clip> ours = dataset.clips().stream().filter(c -> !known || key(c.corpus()).equals(key)).toList();
        if (ours.isEmpty()) {
            String example = dataset.unrecognised().isEmpty() ? "no audio file at all"
                    : dataset.unrecognised().size() + " audio files not recognised, e.g. "
                    + staging.relativize(dataset.unrecognised().get(0).path()) + ": "
                    + dataset.unrecognised().get(0).reason();
            throw new DownloadException(Problem.LAYOUT, "the unpacked files are not laid out as the " + corpus.name()
                    + " loader expects (" + example + (dataset.clips().isEmpty() ? ""
                    : "; found " + dataset.clips().size() + " clips of other corpora") + "); nothing was installed");
        }
        return ours.size();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static void writeMarker(Corpus corpus, List<Source> sources, String how, int clips, Path marker)
            throws IOException, DownloadException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("corpus", corpus.name());
        m.put("source", how);
        m.put("installed_at", Instant.now().toString());
        m.put("clips", clips);
        m.put("licence", corpus.licence());
        List<Map<String, Object>> files = new ArrayList<>();
        for (Source s : sources) {
            Checksums sums = Checksums.of(s.file());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", s.file().getFileName().toString());
            f.put("url", s.download() == null || how.equals("import") ? null : s.download().url());
            f.put("size_bytes", sums.size());
            f.put("sha256", sums.sha256());
            f.put("md5", sums.md5());
            files.add(f);
        }
        m.put("files", files);
        try {
            JSON.writeValue(marker.toFile(), m);
        } catch (IOException e) {
            throw DownloadException.orDiskFull(e, marker.toString());
        }
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            if (s.findAny().isEmpty()) {
                Files.delete(folder);
            }
        } catch (NoSuchFileException e) {
            // already gone
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A file to unpack, and the catalogue entry it was checked against (null when none). */
    private record Source(Path file, Format format, Download download) {
    }

    /**
     * The names of a file-list download: a list shipped with ser4j, or, when {@code list} is a URL, the corpus's
     * own list fetched from its official source (CREMA-D publishes SentenceFilenames.csv beside its audio, so
     * ser4j ships no copy of it): a CSV whose last column holds the names, header skipped.
     */
    private List<String> names(Download d, Path cache, DownloadProgress progress) throws IOException,
            DownloadException {
        String list = d.list();
        if (!list.startsWith("https://") && !list.startsWith("http://")) {
            return nameLists.names(list);
        }
        String file = list.substring(list.lastIndexOf('/') + 1);
        Download listing = new Download(list, file.isEmpty() ? "names.csv" : file, null, null, null, Format.FILE,
                null);
        Path fetched = downloader.fetch(listing, cache, progress);
        List<String> names = new ArrayList<>();
        List<String> lines = Files.readAllLines(fetched, java.nio.charset.StandardCharsets.UTF_8);
        Files.deleteIfExists(fetched);
        for (String line : lines) {
            String[] fields = line.split(",");
            String name = fields[fields.length - 1].strip().replace("\"", "");
            if (!name.isEmpty() && !name.equalsIgnoreCase("Filename")) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new DownloadException(Problem.CATALOGUE, "the list of file names at " + list + " is empty");
        }
        return names;
    }

    /** Builds a {@link CorpusInstaller}. */
    public static final class Builder {
        private Path directory;
        private Downloader downloader = Downloader.defaults();
        private CorpusScanner scanner = CorpusScanner.defaults();
        private NameLists nameLists = NameLists.builtIn();
        private Archives archives = Archives.DELETE;

        private Builder() {
        }

        /** The corpora folder (required), created when needed. */
        public Builder setDirectory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** How files are fetched (default {@link Downloader#defaults()}). */
        public Builder optDownloader(Downloader downloader) {
            this.downloader = Objects.requireNonNull(downloader, "downloader");
            return this;
        }

        /** How the unpacked corpus is checked (default {@link CorpusScanner#defaults()}). */
        public Builder optScanner(CorpusScanner scanner) {
            this.scanner = Objects.requireNonNull(scanner, "scanner");
            return this;
        }

        /** The lists of file-list downloads (default {@link NameLists#builtIn()}). */
        public Builder optNameLists(NameLists nameLists) {
            this.nameLists = Objects.requireNonNull(nameLists, "nameLists");
            return this;
        }

        /** What happens to downloaded archives after the install (default {@link Archives#DELETE}). */
        public Builder optArchives(Archives archives) {
            this.archives = Objects.requireNonNull(archives, "archives");
            return this;
        }

        /** The installer. */
        public CorpusInstaller build() {
            if (directory == null) {
                throw new IllegalArgumentException("directory: expected the corpora folder, found none"
                        + " (call setDirectory)");
            }
            return new CorpusInstaller(this);
        }
    }
}
