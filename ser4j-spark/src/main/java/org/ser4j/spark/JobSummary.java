package org.ser4j.spark;

import java.util.Locale;

/**
 * What a batch job did.
 *
 * @param rows    rows written
 * @param files   input files (each has one file row; recognition adds segment rows)
 * @param failed  files that became error rows
 * @param seconds wall-clock time of the job, from listing to the last file written
 * @param output  the output directory
 */
public record JobSummary(long rows, long files, long failed, double seconds, String output) {

    public JobSummary {
        if (rows < 0 || files < 0 || failed < 0 || failed > files) {
            throw new IllegalArgumentException("counts must satisfy 0 <= failed <= files and rows >= 0, were rows="
                    + rows + " files=" + files + " failed=" + failed);
        }
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("seconds must be >= 0, was " + seconds);
        }
    }

    /** Files per second of wall-clock time (0 when no time passed). */
    public double filesPerSecond() {
        return seconds > 0 ? files / seconds : 0;
    }

    /** One line of JSON: rows, files, failed, seconds, files_per_s and output. */
    public String toJson() {
        return String.format(Locale.ROOT, "{\"rows\":%d,\"files\":%d,\"failed\":%d,\"seconds\":%.3f,"
                + "\"files_per_s\":%.2f,\"output\":\"%s\"}", rows, files, failed, seconds, filesPerSecond(),
                output.replace("\\", "\\\\").replace("\"", "\\\""));
    }

    /** One line for a person. */
    public String describe() {
        return String.format(Locale.ROOT, "%d files (%d failed) -> %d rows in %s, %.1f s, %.1f files/s", files,
                failed, rows, output, seconds, filesPerSecond());
    }
}
