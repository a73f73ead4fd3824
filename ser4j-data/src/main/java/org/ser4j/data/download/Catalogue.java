package org.ser4j.data.download;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.ser4j.data.download.DownloadException.Problem;

/**
 * The corpora ser4j knows how to fetch: where each one's files are, how big they are and their checksums, its
 * licence and citation, and how its archive is laid out. Read from JSON ({@link #RESOURCE} ships with ser4j).
 *
 * @param version  the format version, 1
 * @param corpora  the corpora, names unique (case-insensitively)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Catalogue(@JsonProperty("version") int version, @JsonProperty("corpora") List<Corpus> corpora) {

    /** The class-path resource of the built-in catalogue. */
    public static final String RESOURCE = "/org/ser4j/data/download/catalogue.json";
    /** The format version this code reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    // A file or folder name the catalogue may give: one path element, no separators, not "." or "..".
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_{}][A-Za-z0-9._{}+ -]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");

    /** Validates the version and the names' uniqueness; copies the list. */
    public Catalogue {
        if (version != VERSION) {
            throw new IllegalArgumentException("catalogue version: expected " + VERSION + ", found " + version);
        }
        corpora = List.copyOf(Objects.requireNonNull(corpora, "corpora"));
        Set<String> seen = new HashSet<>();
        for (Corpus c : corpora) {
            if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("catalogue: corpus name '" + c.name() + "' appears twice");
            }
        }
    }

    /** The built-in catalogue, read from {@link #RESOURCE}. */
    public static Catalogue builtIn() throws DownloadException {
        try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DownloadException(Problem.CATALOGUE, "the corpus catalogue is missing from this build of"
                        + " ser4j (expected the resource " + RESOURCE + "); pass one with --catalogue FILE");
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new DownloadException(Problem.CATALOGUE, "cannot read the catalogue " + RESOURCE + ": "
                    + e.getMessage(), e);
        }
    }

    /** Reads a catalogue file. */
    public static Catalogue load(Path file) throws DownloadException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such catalogue file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
    }

    private static Catalogue parse(InputStream in, String source) throws DownloadException {
        try {
            return JSON.readValue(in, Catalogue.class);
        } catch (IOException e) {
            // Jackson wraps the compact constructors' messages; the innermost one says what is wrong.
            Throwable t = e;
            while (t.getCause() != null) {
                t = t.getCause();
            }
            String why = t instanceof IllegalArgumentException || t instanceof NullPointerException
                    ? t.getMessage()
                    : e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new DownloadException(Problem.CATALOGUE, "malformed catalogue " + source + ": " + why, e);
        }
    }

    /** The corpus of that name, compared case-insensitively. */
    public Corpus corpus(String name) throws DownloadException {
        Objects.requireNonNull(name, "name");
        for (Corpus c : corpora) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new DownloadException(Problem.UNKNOWN_CORPUS, "unknown corpus '" + name + "': the catalogue knows "
                + String.join(", ", corpora.stream().map(Corpus::name).toList()));
    }

    /** How a corpus can be obtained. */
    public enum Access {
        /** Anyone may download it; ser4j fetches it. */
        @JsonProperty("public") PUBLIC,
        /** Downloadable after registering on its site: the user downloads it and runs {@code data import}. */
        @JsonProperty("registration") REGISTRATION,
        /** Given out on request (a signed licence): the user obtains it and runs {@code data import}. */
        @JsonProperty("request") REQUEST
    }

    /** What a downloaded file is. */
    public enum Format {
        /** A zip archive. */
        @JsonProperty("zip") ZIP,
        /** A gzip-compressed tar archive. */
        @JsonProperty("tar.gz") TAR_GZ,
        /** One audio file, copied as is. */
        @JsonProperty("file") FILE,
        /** One audio file per name of a list ser4j ships: {@code {name}} in the URL and file is replaced. */
        @JsonProperty("file-list") FILE_LIST;

        /** The format of an archive the user names, from its extension. */
        static Format ofFileName(String fileName) throws DownloadException {
            String n = fileName.toLowerCase(Locale.ROOT);
            if (n.endsWith(".zip")) {
                return ZIP;
            }
            if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
                return TAR_GZ;
            }
            throw new DownloadException(Problem.CORRUPT_ARCHIVE, "cannot tell the format of " + fileName
                    + ": expected a name ending in .zip, .tar.gz or .tgz");
        }
    }

    /**
     * One corpus.
     *
     * @param name         the name users type ("RAVDESS")
     * @param title        its full title
     * @param languages    its languages in English ("English")
     * @param emotions     its emotion labels
     * @param speakers     how many speakers, or null when unknown
     * @param clips        how many clips, or null when unknown
     * @param sizeBytes    the total download size, or null when unknown
     * @param licence      the licence's name
     * @param licenceUrl   where to read it
     * @param homepage     the corpus's page
     * @param citation     the paper to cite
     * @param access       who may download it
     * @param downloads    the files to fetch (empty when access is not public)
     * @param layout       how the files are unpacked
     * @param instructions how to obtain it when ser4j cannot fetch it
     * @param notes        anything else a user should know
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Corpus(@JsonProperty("name") String name, @JsonProperty("title") String title,
            @JsonProperty("languages") List<String> languages, @JsonProperty("emotions") List<String> emotions,
            @JsonProperty("speakers") Integer speakers, @JsonProperty("clips") Integer clips,
            @JsonProperty("size_bytes") Long sizeBytes, @JsonProperty("licence") String licence,
            @JsonProperty("licence_url") String licenceUrl, @JsonProperty("homepage") String homepage,
            @JsonProperty("citation") String citation, @JsonProperty("access") Access access,
            @JsonProperty("downloads") List<Download> downloads, @JsonProperty("layout") Layout layout,
            @JsonProperty("instructions") String instructions, @JsonProperty("notes") String notes) {

        /** Validates the name; copies the lists; defaults the layout to one folder named after the corpus. */
        public Corpus {
            if (name == null || !PLAIN_NAME.matcher(name).matches() || name.contains("{")) {
                throw new IllegalArgumentException("corpus name: expected a plain name (letters, digits, . _ -),"
                        + " found " + (name == null ? "none" : "'" + name + "'"));
            }
            if (access == null) {
                throw new IllegalArgumentException("corpus " + name + ": access: expected public, registration or"
                        + " request, found none");
            }
            languages = languages == null ? List.of() : List.copyOf(languages);
            emotions = emotions == null ? List.of() : List.copyOf(emotions);
            downloads = downloads == null ? List.of() : List.copyOf(downloads);
            layout = layout == null ? new Layout(0, name) : layout.into() == null ? new Layout(
                    layout.stripComponents(), name) : layout;
            if (access == Access.PUBLIC && downloads.isEmpty()) {
                throw new IllegalArgumentException("corpus " + name + ": public, but no downloads listed");
            }
        }

        /** The folder under the corpora directory this corpus is installed into. */
        public String folder() {
            return layout.into();
        }
    }

    /**
     * One file to fetch.
     *
     * @param url       where it is (with {@code {name}} for a file list)
     * @param file      the name it is saved under, one plain file name (with {@code {name}} for a file list)
     * @param sizeBytes its size, or null when unknown
     * @param sha256    its SHA-256 in hex, or null when unknown
     * @param md5       its MD5 in hex, or null when unknown (checked when the source gives only that)
     * @param format    what it is
     * @param list      for {@link Format#FILE_LIST}: the name of the list of names ser4j ships
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Download(@JsonProperty("url") String url, @JsonProperty("file") String file,
            @JsonProperty("size_bytes") Long sizeBytes, @JsonProperty("sha256") String sha256,
            @JsonProperty("md5") String md5, @JsonProperty("format") Format format,
            @JsonProperty("list") String list) {

        /** Validates every field; a file name that could leave the download folder is refused. */
        public Download {
            if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                throw new IllegalArgumentException("download url: expected http(s)://..., found " + url);
            }
            // The file name becomes a path in the download cache: it must stay one plain element.
            if (file == null || !PLAIN_NAME.matcher(file).matches()) {
                throw new IllegalArgumentException("download file: expected a plain file name, found " + file);
            }
            if (sizeBytes != null && sizeBytes < 0) {
                throw new IllegalArgumentException("download " + file + ": size_bytes: expected >= 0, found "
                        + sizeBytes);
            }
            if (sha256 != null && !SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("download " + file + ": sha256: expected 64 hex digits, found "
                        + sha256);
            }
            if (md5 != null && !MD5.matcher(md5).matches()) {
                throw new IllegalArgumentException("download " + file + ": md5: expected 32 hex digits, found " + md5);
            }
            if (format == null) {
                throw new IllegalArgumentException("download " + file + ": format: expected zip, tar.gz, file or"
                        + " file-list, found none");
            }
            sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
            md5 = md5 == null ? null : md5.toLowerCase(Locale.ROOT);
            boolean templated = url.contains("{name}") && file.contains("{name}");
            if (format == Format.FILE_LIST && (list == null || list.isBlank() || !templated)) {
                throw new IllegalArgumentException("download " + file + ": a file-list needs a list and {name} in"
                        + " both url and file");
            }
            if (format != Format.FILE_LIST && file.contains("{")) {
                throw new IllegalArgumentException("download " + file + ": {name} is only allowed in a file-list");
            }
        }

        /** This file-list download for one name of its list. */
        Download forName(String name) {
            if (!PLAIN_NAME.matcher(name).matches() || name.contains("{")) {
                throw new IllegalArgumentException("file-list name: expected a plain file name, found " + name);
            }
            return new Download(url.replace("{name}", name), file.replace("{name}", name), null, null, null,
                    Format.FILE, null);
        }
    }

    /**
     * How a corpus's archives are unpacked.
     *
     * @param stripComponents how many leading folders of each entry to drop (as tar's option)
     * @param into            the folder under the corpora directory, one plain name
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Layout(@JsonProperty("strip_components") int stripComponents, @JsonProperty("into") String into) {

        /** Validates both. */
        public Layout {
            if (stripComponents < 0) {
                throw new IllegalArgumentException("layout strip_components: expected >= 0, found "
                        + stripComponents);
            }
            if (into != null && (!PLAIN_NAME.matcher(into).matches() || into.contains("{")
                    || into.startsWith("."))) {
                throw new IllegalArgumentException("layout into: expected one plain folder name, found '" + into
                        + "'");
            }
        }
    }
}
