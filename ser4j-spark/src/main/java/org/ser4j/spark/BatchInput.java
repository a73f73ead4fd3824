package org.ser4j.spark;

import java.util.List;

/**
 * What a batch job reads: audio on any Hadoop file system path ({@code file:}, {@code hdfs:}, {@code s3a:}; a
 * path without a scheme is on the default file system, the local one in local mode).
 *
 * <p>Each path is one of:
 * <ul>
 * <li>a folder: every audio file below it, at any depth, by extension (any case; see
 * {@link org.ser4j.data.corpus.AudioFiles#AUDIO_EXTENSIONS}); other files are ignored;</li>
 * <li>a glob ({@code /archive/2024-*}{@code /*.mp3}): every file it matches, whatever its name;</li>
 * <li>a ser4j manifest ({@code .csv}, see {@link org.ser4j.data.manifest.ManifestLoader}): the files it names,
 * with their corpus, speaker and emotion. ManifestLoader checks the files on the local file system, so a manifest
 * must be local (or on a mounted share); rows naming missing files become error rows;</li>
 * <li>any other file: taken as audio.</li>
 * </ul>
 *
 * @param paths      the inputs, at least one
 * @param partitions how many partitions the files are spread over before decoding; 0 keeps Spark's split of
 *                   the listing (by size: about 32 small files per partition, at least one per core), a positive
 *                   number repartitions, which moves the files' bytes through a shuffle once
 */
public record BatchInput(List<String> paths, int partitions) {

    public BatchInput {
        if (paths == null || paths.isEmpty()) {
            throw new IllegalArgumentException("at least one input path is needed");
        }
        paths = List.copyOf(paths);
        for (String p : paths) {
            if (p.isBlank()) {
                throw new IllegalArgumentException("an input path must not be blank");
            }
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must be 0 (Spark's split) or positive, was " + partitions);
        }
    }

    /** The given paths with Spark's split. */
    public static BatchInput of(String... paths) {
        return new BatchInput(List.of(paths), 0);
    }
}
