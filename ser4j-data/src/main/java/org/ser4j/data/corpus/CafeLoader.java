package org.ser4j.data.corpus;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ser4j.core.Emotion;
import org.ser4j.data.Gender;

/**
 * CaFE (Canadian French Emotional speech dataset), Canadian French, 12 actors 01-12 (odd = male, even = female).
 *
 * <p>Official naming {@code AA-E-I-S} (48 kHz WAV release) and {@code AA-E-S} for neutral in the 192 kHz AIFF
 * release: actor AA, emotion letter E (C colère/anger, D dégoût/disgust, J joie/happiness, N neutre,
 * P peur/fear, S surprise, T tristesse/sadness), intensity I (1 faible, 2 fort), sentence S (1-6). Only the file
 * name is read: the accented folder names ({@code Colère/Faible/}) are often garbled by unzipping. Copies made
 * from release 1.0 have actors 11 and 12 swapped (fixed in 1.1); the loader follows 1.1.
 *
 * <p>Clips: speaker "CaFE:04", label the emotion letter ("J"), intensity "faible"/"fort" (none for neutral,
 * whose "1" in the 48 kHz names is a placeholder), text id the sentence ("1").
 */
public final class CafeLoader extends NamedCorpusLoader {

    /** The corpus id. */
    public static final String ID = "CaFE";

    private static final Pattern SHAPE = Pattern.compile("(\\d{2})-([A-Za-z])(?:-(\\d))?-(\\d)");
    private static final Map<Character, Emotion> EMOTIONS = Map.of('C', Emotion.ANGRY, 'D', Emotion.DISGUST,
            'J', Emotion.HAPPY, 'N', Emotion.NEUTRAL, 'P', Emotion.FEAR, 'S', Emotion.SURPRISE, 'T', Emotion.SAD);

    /** The loader. */
    public CafeLoader() {
        super(ID, "fr-CA", "AA-E-I-S, e.g. 04-J-2-1");
    }

    @Override
    ParseResult parseName(String stem, Path path) {
        Matcher m = SHAPE.matcher(stem);
        if (!m.matches()) {
            return notThisCorpus();
        }
        int actor = Integer.parseInt(m.group(1));
        if (actor < 1 || actor > 12) {
            return invalid("actor " + m.group(1) + " is not one of 01-12");
        }
        char letter = Character.toUpperCase(m.group(2).charAt(0));
        Emotion emotion = EMOTIONS.get(letter);
        if (emotion == null) {
            return invalid("emotion letter '" + m.group(2) + "' is none of C, D, J, N, P, S, T");
        }
        String intensity = m.group(3);
        if (intensity == null && emotion != Emotion.NEUTRAL) {
            return invalid("only neutral files omit the intensity (1 faible, 2 fort)");
        }
        if (intensity != null && !intensity.equals("1") && !intensity.equals("2")) {
            return invalid("intensity " + intensity + " is neither 1 (faible) nor 2 (fort)");
        }
        if (emotion == Emotion.NEUTRAL && "2".equals(intensity)) {
            return invalid("neutral has no strong intensity (2)");
        }
        int sentence = Integer.parseInt(m.group(4));
        if (sentence < 1 || sentence > 6) {
            return invalid("sentence " + m.group(4) + " is not one of 1-6");
        }
        ClipDraft draft = draft(path)
                .speaker(m.group(1))
                .gender(actor % 2 == 1 ? Gender.MALE : Gender.FEMALE)
                .label(String.valueOf(letter).toUpperCase(Locale.ROOT), Optional.of(emotion))
                .textId(m.group(4));
        if (emotion != Emotion.NEUTRAL) {
            draft.intensity(intensity.equals("1") ? "faible" : "fort");
        }
        return draft.parsed();
    }
}
