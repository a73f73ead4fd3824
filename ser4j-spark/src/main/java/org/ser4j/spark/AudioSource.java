package org.ser4j.spark;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ser4j.data.Clip;
import org.ser4j.data.Dataset.Unrecognised;
import org.ser4j.data.LoadResult;
import org.ser4j.data.corpus.AudioFiles;
import org.ser4j.data.manifest.ManifestException;
import org.ser4j.data.manifest.ManifestLoader;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Turns a {@link BatchInput} into a table of files with their bytes, through Spark's {@code binaryFile} source,
 * so the files are listed in parallel and read where the tasks run.
 */
final class AudioSource {

    /** Column: the file, as Spark lists it (a fully qualified URI such as {@code file:/data/a.wav}). */
    static final String FILE = "file";
    /** Column: the file's bytes, null for a file that cannot be read. */
    static final String CONTENT = "content";
    /** Column: why the file cannot be read, null for a readable one. */
    static final String PROBLEM = "problem";

    /**
     * binaryFile holds a file's bytes in one array, so it cannot read a file of 2 GiB or more; such files become
     * error rows instead of failing the job.
     */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE;

    private static final StructType SCHEMA = new StructType()
            .add(FILE, DataTypes.StringType, false)
            .add(CONTENT, DataTypes.BinaryType, true)
            .add(PROBLEM, DataTypes.StringType, true);

    /**
     * The files of an input.
     *
     * @param files          columns {@link #FILE}, {@link #CONTENT}, {@link #PROBLEM}
     * @param count          how many files (rows of {@code files}), known from the listing without reading them
     * @param manifestLabels labels of files named by manifests, by {@link #pathPart(String)}
     */
    record Files(Dataset<Row> files, long count, Map<String, FileLabels> manifestLabels) {
    }

    private AudioSource() {
    }

    /**
     * Lists the input's files and sets up their reading (nothing is read yet).
     *
     * @throws NoSuchFileException      when an input path or glob names nothing
     * @throws IllegalArgumentException when the inputs hold no audio file, or a manifest is not local
     * @throws ManifestException        when a manifest is malformed
     * @throws IOException              when a file system cannot be reached
     */
    static Files read(SparkSession spark, BatchInput input) throws IOException, ManifestException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<String> folders = new ArrayList<>();
        List<String> named = new ArrayList<>();
        List<Row> unreadable = new ArrayList<>();
        Map<String, FileLabels> labels = new HashMap<>();
        for (String given : input.paths()) {
            // Hadoop's globber takes ".." literally: "../corpora/*.wav" would match nothing.
            Path path = new Path(new Path(given).toUri().normalize());
            String text = path.toString();
            FileSystem fs = path.getFileSystem(conf);
            if (isGlob(text)) {
                FileStatus[] matches = fs.globStatus(path);
                if (matches == null || matches.length == 0) {
                    throw new NoSuchFileException(given, null, "the pattern matches no file");
                }
                named.add(text);
                continue;
            }
            if (!fs.exists(path)) {
                throw new NoSuchFileException(given, null, "no such file or folder");
            }
            if (fs.getFileStatus(path).isDirectory()) {
                folders.add(text);
            } else if (AudioFiles.extension(java.nio.file.Path.of(path.getName())).equals("csv")) {
                readManifest(fs, path, named, unreadable, labels);
            } else {
                named.add(text);
            }
        }
        List<Dataset<Row>> parts = new ArrayList<>();
        long count = unreadable.size();
        if (!folders.isEmpty()) {
            Dataset<Row> listed = spark.read().format("binaryFile").option("recursiveFileLookup", "true")
                    .option("pathGlobFilter", audioGlob()).load(folders.toArray(String[]::new));
            count += listed.inputFiles().length;
            parts.add(listed);
        }
        if (!named.isEmpty()) {
            Dataset<Row> listed = spark.read().format("binaryFile").load(named.toArray(String[]::new));
            count += listed.inputFiles().length;
            parts.add(listed);
        }
        if (count == 0) {
            throw new IllegalArgumentException("no audio files in " + String.join(", ", input.paths())
                    + " (folders are searched for " + new TreeSet<>(AudioFiles.AUDIO_EXTENSIONS) + ")");
        }
        Dataset<Row> files = spark.createDataFrame(unreadable, SCHEMA);
        for (Dataset<Row> listed : parts) {
            // The length filter reaches binaryFile's reader, which then skips the file instead of failing on it.
            files = files.unionByName(listed.filter(col("length").lt(MAX_FILE_BYTES))
                    .select(col("path").as(FILE), col(CONTENT), lit(null).cast(DataTypes.StringType).as(PROBLEM)));
            files = files.unionByName(listed.filter(col("length").geq(MAX_FILE_BYTES))
                    .select(col("path").as(FILE), lit(null).cast(DataTypes.BinaryType).as(CONTENT),
                            lit("the file is 2 GiB or larger, more than Spark's binaryFile source reads; split it")
                                    .as(PROBLEM)));
        }
        if (input.partitions() > 0) {
            files = files.repartition(input.partitions());
        }
        return new Files(files, count, labels);
    }

    /** The path part of a Hadoop path or URI, decoded: {@code file:/a/b c.wav} -> {@code /a/b c.wav}. */
    static String pathPart(String file) {
        return new Path(file).toUri().getPath();
    }

    private static void readManifest(FileSystem fs, Path manifest, List<String> named, List<Row> unreadable,
            Map<String, FileLabels> labels) throws IOException, ManifestException {
        if (!"file".equals(fs.getScheme())) {
            throw new IllegalArgumentException("the manifest " + manifest + " is on " + fs.getUri() + ", but"
                    + " manifests are read from the local file system (the files they name are checked there);"
                    + " give the folder or a glob instead");
        }
        LoadResult loaded = ManifestLoader.load(java.nio.file.Path.of(pathPart(manifest.toString())));
        for (Clip clip : loaded.dataset().clips()) {
            String file = clip.path().toString();
            named.add(new Path(clip.path().toUri()).toString());
            labels.put(file, FileLabels.of(clip));
        }
        for (Unrecognised missing : loaded.dataset().unrecognised()) {
            unreadable.add(RowFactory.create(new Path(missing.path().toUri()).toString(), null, missing.reason()));
        }
    }

    /** Whether Hadoop would expand the path as a glob. */
    private static boolean isGlob(String path) {
        return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** A glob matching the audio extensions in any case: {@code *.{[wW][aA][vV],...}}. */
    static String audioGlob() {
        List<String> alternatives = new ArrayList<>();
        for (String ext : new TreeSet<>(AudioFiles.AUDIO_EXTENSIONS)) {
            StringBuilder s = new StringBuilder();
            for (char c : ext.toCharArray()) {
                s.append(Character.isLetter(c) ? "[" + c + Character.toUpperCase(c) + "]" : String.valueOf(c));
            }
            alternatives.add(s.toString());
        }
        return "*.{" + String.join(",", alternatives) + "}";
    }
}
