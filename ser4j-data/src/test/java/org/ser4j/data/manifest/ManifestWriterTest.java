package org.ser4j.data.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.ser4j.core.Emotion;
import org.ser4j.data.Clip;
import org.ser4j.data.Gender;

class ManifestWriterTest {
    private static final Path BASE = Path.of("/data/out");

    private static Clip clip(String path, Optional<Emotion> emotion, String label, OptionalDouble duration) {
        return new Clip(Path.of(path), "JL-Corpus", "JL-Corpus:male2", Gender.MALE, "en-NZ", emotion, label,
                Optional.empty(), Optional.of("7"), OptionalInt.of(1), duration);
    }

    private static String write(List<Clip> clips, ManifestWriter.PathStyle style) throws Exception {
        StringWriter out = new StringWriter();
        ManifestWriter.write(clips, out, BASE, style);
        return out.toString();
    }

    @Test
    void writesTheHeaderAndOneQuotedLinePerClip() throws Exception {
        String text = write(List.of(
                clip("/data/jl/male2_happy_7b_1.wav", Optional.of(Emotion.HAPPY), "happy", OptionalDouble.of(2.5)),
                clip("/data/jl/a, \"b\".wav", Optional.empty(), "excited", OptionalDouble.empty())),
                ManifestWriter.PathStyle.ABSOLUTE);
        assertEquals("path,corpus,speaker,gender,language,emotion,intensity,text_id,duration_s\n"
                + "/data/jl/male2_happy_7b_1.wav,JL-Corpus,JL-Corpus:male2,male,en-NZ,happy,,7,2.5\n"
                + "\"/data/jl/a, \"\"b\"\".wav\",JL-Corpus,JL-Corpus:male2,male,en-NZ,excited,,7,\n", text);
    }

    @Test
    void relativePathsUseSlashesFromTheManifestsFolder() throws Exception {
        String text = write(List.of(clip("/data/jl/x.wav", Optional.of(Emotion.SAD), "sad", OptionalDouble.of(0.1))),
                ManifestWriter.PathStyle.RELATIVE);
        assertEquals("../jl/x.wav,", text.split("\n")[1].substring(0, 12));
    }

    @Test
    void durationsAreWrittenExactlyWithoutExponents() throws Exception {
        double odd = 61441.0 / 16000;
        String text = write(List.of(clip("/a.wav", Optional.of(Emotion.SAD), "sad", OptionalDouble.of(odd)),
                clip("/b.wav", Optional.of(Emotion.SAD), "sad", OptionalDouble.of(0.0001))),
                ManifestWriter.PathStyle.ABSOLUTE);
        String[] lines = text.split("\n");
        assertEquals(odd, Double.parseDouble(lines[1].substring(lines[1].lastIndexOf(',') + 1)));
        assertEquals("0.0001", lines[2].substring(lines[2].lastIndexOf(',') + 1));
    }
}
