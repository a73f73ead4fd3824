package org.ser4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.PcmAudio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ser4j bench decode}: decode speed per format on one thread (files read into memory first, so the
 * disk is not measured), at the file's own rate and with resampling to the analysis rate.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Time decoding per format and print one JSON line per format.")
final class BenchDecodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sr", defaultValue = AnalysisRate.DEFAULT, converter = AnalysisRate.class, paramLabel = "HZ",
            description = "Also time decoding plus resampling to this rate; 'native' to skip (default: ${DEFAULT-VALUE}).")
    int sampleRate;

    @Option(names = "--min-seconds", defaultValue = "2", paramLabel = "S",
            description = "Minimum measured wall time per format and mode (default: ${DEFAULT-VALUE}).")
    double minSeconds;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Audio files or directories.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        AudioDecoder nativeRate = AudioDecoder.defaults();
        Map<AudioContainer, List<byte[]>> byFormat = new TreeMap<>();
        Map<AudioContainer, Double> seconds = new TreeMap<>();
        for (Path file : InputFiles.expand(paths)) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                AudioContainer c = nativeRate.probe(file).container();
                PcmAudio audio = nativeRate.decode(new java.io.ByteArrayInputStream(bytes));
                byFormat.computeIfAbsent(c, k -> new ArrayList<>()).add(bytes);
                seconds.merge(c, audio.durationSeconds(), Double::sum);
            } catch (Exception e) {
                err.println("ser4j: skipped " + file + ": " + ErrorHandler.describe(e));
            }
        }
        List<AudioDecoder> modes = new ArrayList<>(List.of(nativeRate));
        if (sampleRate > 0) {
            modes.add(AnalysisRate.decoder(sampleRate));
        }
        for (Map.Entry<AudioContainer, List<byte[]>> e : byFormat.entrySet()) {
            for (AudioDecoder mode : modes) {
                timeFormat(e.getKey(), e.getValue(), seconds.get(e.getKey()), mode, mode == nativeRate);
            }
        }
        return byFormat.isEmpty() ? ErrorHandler.EXIT_FAILED : 0;
    }

    private void timeFormat(AudioContainer format, List<byte[]> files, double audioPerPass, AudioDecoder decoder,
            boolean nativeRate) throws Exception {
        decodeBytes(decoder, files); // warm-up
        int passes = 0;
        long start = System.nanoTime();
        double wall;
        do {
            decodeBytes(decoder, files);
            passes++;
            wall = (System.nanoTime() - start) / 1e9;
        } while (wall < minSeconds);
        Map<String, Object> o = JsonLines.object();
        o.put("format", format.displayName());
        o.put("to_rate", nativeRate ? "native" : sampleRate);
        o.put("files", files.size());
        o.put("audio_s", BenchFeaturesCommand.round(audioPerPass * passes));
        o.put("wall_s", BenchFeaturesCommand.round(wall));
        o.put("x_realtime", BenchFeaturesCommand.round(audioPerPass * passes / wall));
        JsonLines.print(spec.commandLine().getOut(), o);
    }

    private static void decodeBytes(AudioDecoder decoder, List<byte[]> files) throws Exception {
        for (byte[] bytes : files) {
            decoder.decode(new java.io.ByteArrayInputStream(bytes));
        }
    }

    /** Decodes every file, reporting (not hiding) the ones that fail. */
    static List<PcmAudio> decodeAll(List<Path> files, AudioDecoder decoder, PrintWriter err) {
        List<PcmAudio> out = new ArrayList<>();
        for (Path file : files) {
            try {
                out.add(decoder.decode(file));
            } catch (Exception e) {
                err.println("ser4j: skipped " + file + ": " + ErrorHandler.describe(e));
            }
        }
        err.flush();
        return out;
    }
}
