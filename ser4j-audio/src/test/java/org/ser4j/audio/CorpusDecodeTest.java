package org.ser4j.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ser4j.core.audio.PcmAudio;

/**
 * Every clip of the five corpora in ../shared decodes through the public facade: 16 kHz, and exactly the
 * length its header declares (the four clips with librosa references are checked sample by sample in
 * {@link LibrosaConformanceTest}).
 */
@Tag("corpus")
class CorpusDecodeTest {

    /** The clip count of ../shared/corpora/README.md. */
    private static final int CORPUS_CLIPS = 5843;

    @Test
    void everyCorpusClipDecodes() throws IOException {
        String dir = System.getProperty("ser4j.shared");
        Path corpora = dir == null ? null : Path.of(dir, "corpora");
        assumeTrue(corpora != null && Files.isDirectory(corpora), "../shared/corpora not present");
        List<Path> clips;
        try (Stream<Path> walk = Files.walk(corpora)) {
            clips = walk.filter(p -> p.getFileName().toString().endsWith(".flac")).sorted().toList();
        }
        AudioDecoder decoder = AudioDecoder.defaults();
        Map<Path, String> failures = new ConcurrentSkipListMap<>();
        AtomicLong samples = new AtomicLong();
        clips.parallelStream().forEach(clip -> {
            try {
                PcmAudio audio = decoder.decode(clip);
                long declared = decoder.probe(clip).frames();
                if (audio.sampleRate() != 16000 || audio.length() != declared) {
                    failures.put(clip, "rate " + audio.sampleRate() + ", " + audio.length() + " samples where the header says "
                            + declared);
                }
                samples.addAndGet(audio.length());
            } catch (Exception e) {
                failures.put(clip, e.toString());
            }
        });
        assertEquals(CORPUS_CLIPS, clips.size(), "clips under " + corpora);
        assertTrue(failures.isEmpty(), failures.size() + " clips failed, e.g. " + failures.entrySet().stream()
                .limit(5).toList());
        System.out.printf("decoded %d clips, %.1f hours%n", clips.size(), samples.get() / 16000.0 / 3600);
    }
}
