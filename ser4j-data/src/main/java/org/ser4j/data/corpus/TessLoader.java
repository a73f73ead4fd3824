package org.ser4j.data.corpus;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ser4j.core.Emotion;
import org.ser4j.data.Gender;

/**
 * TESS (Toronto Emotional Speech Set), Canadian English, two female speakers: OAF (older) and YAF (younger).
 *
 * <p>Naming {@code <SPK>_<word>_<emotion>} under folders {@code <SPK>_<emotion>} whose spelling varies between
 * releases and mirrors ({@code OAF_Fear}, {@code OAF_Pleasant_surprise}, {@code YAF_pleasant_surprised}); only
 * the file name is read. Emotions: angry, disgust, fear, happy, neutral, sad and pleasant surprise, spelled
 * {@code ps} in the release and {@code pleasant_surprise(d)} in some mirrors (mapped to surprise, the spelling
 * kept as the label). The release's one misspelled file {@code OA_bite_neutral} (and any {@code YA_}) is read as
 * speaker OAF (YAF).
 *
 * <p>Clips: speaker "TESS:OAF", gender female, label the emotion word in lower case ("ps"), text id the word
 * ("bite"), the carrier phrase being the same for all 200 words.
 */
public final class TessLoader extends NamedCorpusLoader {

    /** The corpus id. */
    public static final String ID = "TESS";

    private static final Pattern NAME = Pattern.compile("(OAF|YAF|OA|YA)_([^_]+)_(.+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FOLDER = Pattern.compile("(OAF|YAF)_.+", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Emotion> EMOTIONS = Map.of("angry", Emotion.ANGRY, "disgust", Emotion.DISGUST,
            "fear", Emotion.FEAR, "happy", Emotion.HAPPY, "neutral", Emotion.NEUTRAL, "sad", Emotion.SAD,
            "ps", Emotion.SURPRISE, "pleasant_surprise", Emotion.SURPRISE, "pleasant_surprised", Emotion.SURPRISE);

    /** The loader. */
    public TessLoader() {
        super(ID, "en-CA", "SPK_word_emotion, SPK in OAF, YAF");
    }

    @Override
    ParseResult parseName(String stem, Path path) {
        Matcher m = NAME.matcher(stem);
        if (!m.matches()) {
            if (FOLDER.matcher(AudioFiles.folder(path, 1)).matches()) {
                return invalid("the file name '" + stem + "' in the TESS folder '" + AudioFiles.folder(path, 1)
                        + "' is not SPK_word_emotion");
            }
            return notThisCorpus();
        }
        String label = m.group(3).toLowerCase(Locale.ROOT);
        Emotion emotion = EMOTIONS.get(label);
        if (emotion == null) {
            return invalid("the emotion '" + m.group(3) + "' is none of " + new TreeSet<>(EMOTIONS.keySet()));
        }
        String speaker = m.group(1).toUpperCase(Locale.ROOT);
        return draft(path)
                .speaker(speaker.length() == 2 ? speaker + "F" : speaker)
                .gender(Gender.FEMALE)
                .label(label, Optional.of(emotion))
                .textId(m.group(2).toLowerCase(Locale.ROOT))
                .parsed();
    }
}
