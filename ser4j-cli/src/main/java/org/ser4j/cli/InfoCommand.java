package org.ser4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.audio.AudioInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ser4j info FILE...}: what each file is, from its content. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show container, codec, sample rate, channels and duration of audio files.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per file per line instead of a table.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files or directories.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AudioDecoder decoder = AudioDecoder.defaults();
        boolean failed = false;
        if (!json) {
            // the file goes last so that long paths do not push the other columns out of line
            out.printf(Locale.ROOT, "%-10s %-36s %8s %3s %10s  %s%n",
                    "container", "codec", "rate", "ch", "duration_s", "file");
        }
        for (Path file : InputFiles.expand(paths)) {
            try {
                AudioInfo info = decoder.probe(file);
                if (json) {
                    JsonLines.print(out, toJson(file, info));
                } else {
                    out.printf(Locale.ROOT, "%-10s %-36s %8d %3d %10.3f  %s%n",
                            info.container().displayName(), info.codec(), info.sampleRate(), info.channels(),
                            info.durationSeconds(), file);
                    out.flush();
                }
            } catch (Exception e) {
                failed = true;
                if (json) {
                    Map<String, Object> o = JsonLines.object();
                    o.put("file", file.toString());
                    o.put("error", ErrorHandler.describe(e));
                    JsonLines.print(out, o);
                } else {
                    err.println("ser4j: " + file + ": " + ErrorHandler.describe(e));
                    err.flush();
                }
            }
        }
        return failed ? ErrorHandler.EXIT_FAILED : 0;
    }

    private static Map<String, Object> toJson(Path file, AudioInfo info) {
        Map<String, Object> o = JsonLines.object();
        o.put("file", file.toString());
        o.put("container", info.container().displayName());
        o.put("codec", info.codec());
        o.put("sample_rate", info.sampleRate());
        o.put("channels", info.channels());
        o.put("frames", info.frames());
        o.put("duration_s", info.durationSeconds());
        return o;
    }
}
