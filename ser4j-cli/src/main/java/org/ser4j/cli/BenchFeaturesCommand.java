package org.ser4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.features.FeatureExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ser4j bench features}: decodes everything first, then times feature extraction alone, after a
 * warm-up pass so the JIT has compiled the hot loops.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Time feature extraction (decoding excluded) and print "
                + "{\"clips\",\"audio_s\",\"wall_s\",\"x_realtime\",\"threads\",...}.")
final class BenchFeaturesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--threads", defaultValue = "1", description = "Extraction threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Mixin
    AnalysisOptions analysis;

    @Option(names = "--min-seconds", defaultValue = "5", paramLabel = "S",
            description = "Repeat passes over the clips until at least this much wall time is measured "
                    + "(default: ${DEFAULT-VALUE}).")
    double minSeconds;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Audio files or directories.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--threads must be at least 1, was " + threads);
        }
        PrintWriter err = spec.commandLine().getErr();
        List<PcmAudio> clips = BenchDecodeCommand.decodeAll(InputFiles.expand(paths), analysis.decoder(), err);
        if (clips.isEmpty()) {
            err.println("ser4j: no clip could be decoded; nothing to measure");
            return ErrorHandler.EXIT_FAILED;
        }
        double clipSeconds = clips.stream().mapToDouble(PcmAudio::durationSeconds).sum();
        FeatureExtractor extractor = analysis.extractor();

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            runPass(pool, extractor, clips); // warm-up
            int passes = 0;
            long start = System.nanoTime();
            double wall;
            do {
                runPass(pool, extractor, clips);
                passes++;
                wall = (System.nanoTime() - start) / 1e9;
            } while (wall < minSeconds);
            double audio = clipSeconds * passes;
            Map<String, Object> o = JsonLines.object();
            o.put("clips", clips.size() * passes);
            o.put("audio_s", round(audio));
            o.put("wall_s", round(wall));
            o.put("x_realtime", round(audio / wall));
            o.put("threads", threads);
            o.put("set", analysis.set.name().toLowerCase(Locale.ROOT));
            o.put("sample_rate", analysis.sampleRate == 0 ? "native" : analysis.sampleRate);
            o.put("passes", passes);
            JsonLines.print(spec.commandLine().getOut(), o);
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    /** One pass: the threads take clips from a shared counter, so uneven clip lengths balance out. */
    private void runPass(ExecutorService pool, FeatureExtractor extractor, List<PcmAudio> clips) throws Exception {
        AtomicLong next = new AtomicLong();
        List<Future<Double>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                double sink = 0;
                for (long i = next.getAndIncrement(); i < clips.size(); i = next.getAndIncrement()) {
                    float[] v = extractor.extract(clips.get((int) i)).values();
                    sink += v.length == 0 ? 0 : v[0];
                }
                return sink;
            }));
        }
        for (Future<Double> f : futures) {
            f.get();
        }
    }

    static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
