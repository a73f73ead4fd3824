package org.ser4j.data.corpus;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ser4j.core.Emotion;
import org.ser4j.data.Gender;

/**
 * SAVEE (Surrey Audio-Visual Expressed Emotion), British English, four male speakers DC, JE, JK, KL.
 *
 * <p>Two layouts: the common flat mirror {@code SS_eNN} ({@code DC_a01.wav}) and the official
 * {@code AudioData/SS/eNN.wav} with the speaker as the folder. Emotion code e: a anger, d disgust, f fear,
 * h happiness, n neutral, sa sadness, su surprise; NN is the sentence number, 01-15 (neutral 01-30).
 *
 * <p>Clips: speaker "SAVEE:DC", gender male, label the emotion code ("sa"), text id the code and number
 * ("sa03": the sentence lists differ per emotion, so the number alone does not identify a text).
 */
public final class SaveeLoader extends NamedCorpusLoader {

    /** The corpus id. */
    public static final String ID = "SAVEE";

    private static final Pattern FLAT = Pattern.compile("([A-Za-z]{2})_([A-Za-z]{1,2})(\\d{2})");
    private static final Pattern IN_FOLDER = Pattern.compile("([A-Za-z]{1,2})(\\d{2})");
    private static final Set<String> SPEAKERS = Set.of("DC", "JE", "JK", "KL");
    private static final Map<String, Emotion> EMOTIONS = Map.of("a", Emotion.ANGRY, "d", Emotion.DISGUST,
            "f", Emotion.FEAR, "h", Emotion.HAPPY, "n", Emotion.NEUTRAL, "sa", Emotion.SAD, "su", Emotion.SURPRISE);

    /** The loader. */
    public SaveeLoader() {
        super(ID, "en-GB", "SS_eNN or SS/eNN, speaker SS in DC, JE, JK, KL");
    }

    @Override
    ParseResult parseName(String stem, Path path) {
        Matcher flat = FLAT.matcher(stem);
        if (flat.matches() && SPEAKERS.contains(flat.group(1).toUpperCase(Locale.ROOT))) {
            return clip(path, flat.group(1), flat.group(2), flat.group(3));
        }
        Matcher inFolder = IN_FOLDER.matcher(stem);
        String folder = AudioFiles.folder(path, 1);
        if (inFolder.matches() && SPEAKERS.contains(folder.toUpperCase(Locale.ROOT))) {
            return clip(path, folder, inFolder.group(1), inFolder.group(2));
        }
        return notThisCorpus();
    }

    private ParseResult clip(Path path, String speaker, String code, String number) {
        String e = code.toLowerCase(Locale.ROOT);
        Emotion emotion = EMOTIONS.get(e);
        if (emotion == null) {
            return invalid("emotion code '" + code + "' is none of a, d, f, h, n, sa, su");
        }
        int n = Integer.parseInt(number);
        int last = emotion == Emotion.NEUTRAL ? 30 : 15;
        if (n < 1 || n > last) {
            return invalid("sentence " + number + " is not one of 01-" + last + " for '" + e + "'");
        }
        return draft(path)
                .speaker(speaker.toUpperCase(Locale.ROOT))
                .gender(Gender.MALE)
                .label(e, Optional.of(emotion))
                .textId(e + number)
                .parsed();
    }
}
