package org.ser4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.features.FeatureExtractor;
import org.ser4j.core.features.Features;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ser4j features}: one JSON line of features per file. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Extract librosa-compatible features, one JSON object per file per line.")
final class FeaturesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AnalysisOptions analysis;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files or directories.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        AudioDecoder decoder = analysis.decoder();
        FeatureExtractor extractor = analysis.extractor();
        boolean failed = false;
        for (Path file : InputFiles.expand(paths)) {
            Map<String, Object> o = JsonLines.object();
            o.put("file", file.toString());
            try {
                PcmAudio audio = decoder.decode(file);
                Features f = extractor.extract(audio);
                o.put("sample_rate", audio.sampleRate());
                o.put("duration_s", audio.durationSeconds());
                o.put("set", f.set().name().toLowerCase(Locale.ROOT));
                o.put("shape", f.shape());
                o.put("values", f.values());
            } catch (Exception e) {
                failed = true;
                o.put("error", ErrorHandler.describe(e));
            }
            JsonLines.print(out, o);
        }
        return failed ? ErrorHandler.EXIT_FAILED : 0;
    }
}
