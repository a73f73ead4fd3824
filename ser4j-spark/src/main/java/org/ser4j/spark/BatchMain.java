package org.ser4j.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import org.ser4j.core.Ser4jException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ser4j batch}: the Spark jobs as commands, for {@code spark-submit} on a cluster and for the
 * {@code ./ser4j batch} launcher on one machine ({@code local[*]}).
 *
 * <pre>
 * java ${spark.jvm.options} -cp "ser4j-spark/target/spark-lib/*:ser4j-spark/target/ser4j-spark-app.jar" \
 *     org.ser4j.spark.BatchMain recognize --input examples --output /tmp/out
 * spark-submit --class org.ser4j.spark.BatchMain ser4j-spark-app.jar features --input hdfs:///corpora \
 *     --output hdfs:///features/functionals --set functionals
 * </pre>
 *
 * <p>Each command prints a one-line JSON summary on stdout ({@link JobSummary#toJson()}) and a readable line on
 * stderr. A user error (missing input, existing output, unreadable model) is one line {@code ser4j batch: ...}
 * on stderr and exit status 1; a usage error exits with 2; neither prints a stack trace.
 */
@Command(name = "ser4j batch", mixinStandardHelpOptions = true,
        description = "Recognise emotions or extract features over large archives on Apache Spark.",
        subcommands = {RecognizeCommand.class, FeaturesCommand.class, TrainCommand.class})
public final class BatchMain implements Runnable {

    /** A user-caused failure: missing input, existing output, bad model or manifest. */
    static final int EXIT_FAILED = 1;
    /** A bug in ser4j or Spark: reported with its type so it can be filed. */
    static final int EXIT_INTERNAL = 70;

    /**
     * A log4j2 configuration for runs started with plain {@code java}: Spark and Hadoop at WARN, ser4j at INFO.
     * Under spark-submit the cluster's own logging configuration applies.
     */
    static final String LOG_CONFIG = "org/ser4j/spark/log4j2-batch.properties";

    @CommandLine.Spec
    CommandSpec spec;

    /** Runs a command and exits with its status. */
    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null
                && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIG);
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line with its subcommands and error handling, for main and for tests. */
    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new BatchMain());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("ser4j batch: " + describe(ex));
            line.getErr().flush();
            return isUserError(ex) ? EXIT_FAILED : EXIT_INTERNAL;
        });
        return cmd;
    }

    /** Without a subcommand: the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Prints a job's summary: JSON on stdout, a sentence on stderr. */
    static int report(CommandSpec spec, JobSummary summary) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(summary.toJson());
        out.flush();
        spec.commandLine().getErr().println("ser4j batch: " + summary.describe());
        spec.commandLine().getErr().flush();
        return 0;
    }

    static String describe(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof NoSuchFileException e) {
            return "no such file or folder: " + e.getFile();
        }
        if (t instanceof FileAlreadyExistsException e) {
            return e.getFile() + ": " + e.getReason();
        }
        if (isUserError(t)) {
            return Failures.describe(t);
        }
        return "internal error (" + t.getClass().getName() + "): " + t.getMessage()
                + "; please report it with the command line that caused it";
    }

    private static boolean isUserError(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        return t instanceof Ser4jException || t instanceof IOException || t instanceof IllegalArgumentException;
    }
}
