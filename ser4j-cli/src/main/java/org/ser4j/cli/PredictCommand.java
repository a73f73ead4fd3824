package org.ser4j.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.ser4j.core.Emotion;
import org.ser4j.data.manifest.Csv;
import org.ser4j.recognizer.EmotionEstimate;
import org.ser4j.recognizer.EmotionRecognizer;
import org.ser4j.recognizer.Recognition;
import org.ser4j.recognizer.RecognitionJson;
import org.ser4j.recognizer.TimelineSegment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ser4j predict}: the emotion of each audio file, one result per file, errors per file. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Recognise the emotion in audio files (any format, any rate) with the bundled default model "
                + "or --model. One JSON object per file per line; recordings longer than the window or with "
                + "several speech regions also get a timeline of segments and a summary.",
                "A file that fails prints {\"file\":..,\"error\":..} and the others go on; the exit code is 1 "
                        + "if any failed."})
final class PredictCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { json, csv, table }

    @Spec
    CommandSpec spec;

    @Mixin
    RecognizerOptions recognition;

    @Mixin
    TimelineOptions timeline;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). csv has one row per file "
                    + "and one per segment; table is for people.")
    Format format;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Files recognised at once (default: ${DEFAULT-VALUE}); output keeps the input order.")
    int threads;

    @Option(names = "--stream", description = "Print each segment of a long recording as soon as it is final "
            + "({\"file\":..,\"segment\":{..}} lines, json only), before the file's own line.")
    boolean stream;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Audio files, directories (walked for audio files), or - for standard input.")
    List<Path> paths;

    /** One input's outcome: a recognition or an error message. */
    private record Outcome(String file, Recognition recognition, String error) {
    }

    @Override
    public Integer call() throws Exception {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("--threads must lie in [1, 256], was " + threads);
        }
        if (stream && format != Format.json) {
            throw new IllegalArgumentException("--stream prints JSON lines; it cannot be combined with --format "
                    + format);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Path> inputs = InputFiles.expand(paths);
        boolean failed = false;
        try (EmotionRecognizer recognizer = recognition.recognizer(timeline.config())) {
            Printer printer = printer(out, recognizer.labels());
            if (threads == 1 || stream) {
                for (Path input : inputs) {
                    failed |= printer.print(recognise(recognizer, input, segment -> {
                        if (stream) {
                            var o = JsonLines.object();
                            o.put("file", input.toString());
                            o.put("segment", RecognitionJson.of(segment));
                            JsonLines.print(out, o);
                        }
                    }));
                }
            } else {
                failed = parallel(recognizer, inputs, printer);
            }
        }
        out.flush();
        return failed ? ErrorHandler.EXIT_FAILED : 0;
    }

    /** Recognises on {@code threads} threads, printing in input order as results arrive. */
    private boolean parallel(EmotionRecognizer recognizer, List<Path> inputs, Printer printer)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ser4j-predict");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Path input : inputs) {
                futures.add(pool.submit(() -> recognise(recognizer, input, segment -> { })));
            }
            boolean failed = false;
            for (Future<Outcome> f : futures) {
                try {
                    failed |= printer.print(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return failed;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome recognise(EmotionRecognizer recognizer, Path input, Consumer<TimelineSegment> onSegment) {
        String name = input.toString();
        try {
            if (name.equals("-")) {
                InputStream in = System.in;
                return new Outcome(name, recognizer.recognize(in, onSegment), null);
            }
            return new Outcome(name, recognizer.recognize(input, onSegment), null);
        } catch (Exception e) {
            return new Outcome(name, null, ErrorHandler.describe(e));
        }
    }

    private Printer printer(PrintWriter out, List<Emotion> labels) {
        return switch (format) {
            case json -> new JsonPrinter(out);
            case csv -> new CsvPrinter(out, labels);
            case table -> new TablePrinter(out);
        };
    }

    /** Writes outcomes in one format. */
    private abstract static class Printer {
        final PrintWriter out;

        Printer(PrintWriter out) {
            this.out = out;
        }

        /** Prints one outcome; answers whether it was a failure. */
        final boolean print(Outcome outcome) {
            if (outcome.error() != null) {
                error(outcome.file(), outcome.error());
            } else {
                result(outcome.file(), outcome.recognition());
            }
            out.flush();
            return outcome.error() != null;
        }

        abstract void result(String file, Recognition recognition);

        abstract void error(String file, String message);
    }

    private static final class JsonPrinter extends Printer {
        JsonPrinter(PrintWriter out) {
            super(out);
        }

        @Override
        void result(String file, Recognition recognition) {
            JsonLines.print(out, RecognitionJson.of(file, recognition));
        }

        @Override
        void error(String file, String message) {
            JsonLines.print(out, RecognitionJson.error(file, message));
        }
    }

    /** One row per file (start and end empty) and one per segment; probabilities one column per label. */
    private static final class CsvPrinter extends Printer {
        private final List<Emotion> labels;

        CsvPrinter(PrintWriter out, List<Emotion> labels) {
            super(out);
            this.labels = labels;
            List<String> header = new ArrayList<>(List.of("file", "start_s", "end_s", "duration_s", "emotion",
                    "confidence"));
            labels.forEach(l -> header.add("p_" + l.label()));
            header.add("error");
            line(header);
        }

        @Override
        void result(String file, Recognition recognition) {
            row(file, "", "", number(recognition.durationSeconds()), recognition.estimate(), "");
            for (TimelineSegment s : recognition.segments()) {
                row(file, number(s.startSeconds()), number(s.endSeconds()), number(s.durationSeconds()),
                        s.estimate(), "");
            }
        }

        @Override
        void error(String file, String message) {
            row(file, "", "", "", null, message);
        }

        private void row(String file, String start, String end, String duration, EmotionEstimate e, String error) {
            List<String> fields = new ArrayList<>(List.of(file, start, end, duration,
                    e == null ? "" : e.label(), e == null ? "" : probability(e.confidence())));
            for (Emotion l : labels) {
                fields.add(e == null ? "" : probability(e.probabilities().get(l)));
            }
            fields.add(error);
            line(fields);
        }

        private void line(List<String> fields) {
            out.println(String.join(",", fields.stream().map(Csv::quote).toList()));
        }

        private static String number(double seconds) {
            return String.format(Locale.ROOT, "%.3f", seconds);
        }

        private static String probability(double p) {
            return String.format(Locale.ROOT, "%.4f", p);
        }
    }

    /** Aligned text: the file's answer, then its segments indented. */
    private static final class TablePrinter extends Printer {
        TablePrinter(PrintWriter out) {
            super(out);
        }

        @Override
        void result(String file, Recognition recognition) {
            out.printf(Locale.ROOT, "%-10s %5.1f%%  %8s  %s%n", recognition.estimate().label(),
                    100 * recognition.estimate().confidence(), clock(recognition.durationSeconds()), file);
            for (TimelineSegment s : recognition.segments()) {
                out.printf(Locale.ROOT, "  %-8s %5.1f%%  %s-%s%n", s.estimate().label(),
                        100 * s.estimate().confidence(), clock(s.startSeconds()), clock(s.endSeconds()));
            }
        }

        @Override
        void error(String file, String message) {
            out.printf(Locale.ROOT, "%-10s %6s  %8s  %s: %s%n", "error", "", "", file, message);
        }

        private static String clock(double seconds) {
            long tenths = Math.round(seconds * 10);
            long minutes = tenths / 600;
            return String.format(Locale.ROOT, "%d:%04.1f", minutes, (tenths - minutes * 600) / 10.0);
        }
    }
}
