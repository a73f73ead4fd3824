package org.ser4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ser4j.train.EpochStats;
import org.ser4j.train.TrainingListener;

/**
 * Progress for long commands, on stderr: an ASCII progress bar on a terminal, and plain lines otherwise (a log
 * file or CI has no use for carriage returns). Epochs always get one line each.
 */
final class Progress {

    private final PrintWriter err;
    private final boolean terminal;

    Progress(PrintWriter err) {
        this.err = err;
        this.terminal = System.console() != null;
    }

    /** A bar (terminal) or a line every tenth (otherwise) over {@code total} steps; close it when done. */
    Task task(String name, int total) {
        return new Task(name, total);
    }

    /** Counts steps; thread-safe. */
    final class Task implements AutoCloseable, IntConsumer {
        private final String name;
        private final int total;
        private final ProgressBar bar;
        private int lastTenth = -1;

        private Task(String name, int total) {
            this.name = name;
            this.total = total;
            this.bar = terminal && total > 0 ? new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build() : null;
        }

        /** {@code done} steps are finished. */
        @Override
        public synchronized void accept(int done) {
            if (bar != null) {
                bar.stepTo(done);
                return;
            }
            int tenth = total == 0 ? 10 : (int) (10L * done / total);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                err.printf(Locale.ROOT, "ser4j: %s %d/%d%n", name, done, total);
                err.flush();
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** Training progress: a bar over each epoch's batches on a terminal, and one line per epoch. */
    TrainingListener training(String prefix, int epochs) {
        return new TrainingListener() {
            private ProgressBar bar;

            @Override
            public void batchDone(int epoch, int batch, int batches) {
                if (!terminal) {
                    return;
                }
                if (bar == null) {
                    bar = new ProgressBarBuilder().setTaskName(prefix + "epoch " + (epoch + 1)).setInitialMax(batches)
                            .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build();
                }
                bar.stepTo(batch + 1);
            }

            @Override
            public void epochDone(EpochStats s) {
                if (bar != null) {
                    bar.close();
                    bar = null;
                }
                err.printf(Locale.ROOT, "ser4j: %sepoch %d/%d loss %.4f accuracy %.3f validation_ua %s %.1fs%n",
                        prefix, s.epoch() + 1, epochs, s.loss(), s.trainAccuracy(),
                        Double.isNaN(s.validationUa()) ? "-" : String.format(Locale.ROOT, "%.3f", s.validationUa()),
                        s.seconds());
                err.flush();
            }
        };
    }
}
