package org.ser4j.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import org.ser4j.core.Emotion;

/** Clips and datasets built directly, for tests that need no audio. */
public final class TestClips {

    private TestClips() {
    }

    /** A clip with placeholder path {@code /synthetic/CORPUS/SPEAKER/NAME.wav} and the given fields. */
    public static Clip clip(String corpus, String speaker, Gender gender, String language, Emotion emotion,
            String label, double seconds, String name) {
        return new Clip(Path.of("/synthetic", corpus, speaker.replace(':', '_'), name + ".wav"), corpus, speaker,
                gender, language, Optional.ofNullable(emotion), label, Optional.empty(), Optional.empty(),
                OptionalInt.empty(), Double.isNaN(seconds) ? OptionalDouble.empty() : OptionalDouble.of(seconds));
    }

    /** A clip of a vocabulary emotion, labelled by the emotion's name. */
    public static Clip clip(String corpus, String speaker, Emotion emotion, String name) {
        return clip(corpus, speaker, Gender.UNKNOWN, "en", emotion, emotion.label(), 2.0, name);
    }

    /**
     * A dataset of {@code corpora} corpora with {@code speakersPerCorpus} speakers each; every speaker has,
     * for each of the first {@code emotions} emotions, a random number of clips in [min, max] drawn from
     * {@code seed} (min == max gives a perfectly balanced set). Speakers alternate male/female.
     */
    public static Dataset synthetic(int corpora, int speakersPerCorpus, int emotions, int min, int max, long seed) {
        Random random = new Random(seed);
        List<Clip> clips = new ArrayList<>();
        for (int c = 0; c < corpora; c++) {
            String corpus = "C" + c;
            for (int s = 0; s < speakersPerCorpus; s++) {
                String speaker = corpus + ":" + s;
                Gender gender = s % 2 == 0 ? Gender.MALE : Gender.FEMALE;
                for (int e = 0; e < emotions; e++) {
                    Emotion emotion = Emotion.values()[e];
                    int n = min + random.nextInt(max - min + 1);
                    for (int i = 0; i < n; i++) {
                        clips.add(clip(corpus, speaker, gender, "en", emotion, emotion.label(), 1.5 + i * 0.1,
                                emotion.label() + "-" + i));
                    }
                }
            }
        }
        return Dataset.of(clips);
    }
}
