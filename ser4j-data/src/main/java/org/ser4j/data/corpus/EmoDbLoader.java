package org.ser4j.data.corpus;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ser4j.core.Emotion;
import org.ser4j.data.Gender;

/**
 * EmoDB (Berlin Database of Emotional Speech), German, ten speakers.
 *
 * <p>Official naming {@code SSTTTEv} under {@code wav/}: speaker SS (03, 08, 09, 10, 11, 12, 13, 14, 15, 16;
 * male: 03, 10, 11, 12, 15), text TTT (a01-a07, b01-b10), emotion letter E (W anger, L boredom, E disgust,
 * A fear, F happiness, T sadness, N neutral), version v (a, b, c, ...).
 *
 * <p>Clips: speaker "EmoDB:03", label the emotion letter ("L"; boredom maps to {@link Emotion#BOREDOM}), text id
 * TTT ("a01"), repetition the version's position in the alphabet (a = 1).
 */
public final class EmoDbLoader extends NamedCorpusLoader {

    /** The corpus id. */
    public static final String ID = "EmoDB";

    private static final Pattern SHAPE = Pattern.compile("(\\d{2})([A-Za-z])(\\d{2})([A-Za-z])([A-Za-z])");
    private static final Set<String> SPEAKERS = Set.of("03", "08", "09", "10", "11", "12", "13", "14", "15", "16");
    private static final Set<String> MALE = Set.of("03", "10", "11", "12", "15");
    private static final Map<String, Emotion> EMOTIONS = Map.of("W", Emotion.ANGRY, "L", Emotion.BOREDOM,
            "E", Emotion.DISGUST, "A", Emotion.FEAR, "F", Emotion.HAPPY, "T", Emotion.SAD, "N", Emotion.NEUTRAL);

    /** The loader. */
    public EmoDbLoader() {
        super(ID, "de", "SSTTTEv, e.g. 03a01Fa");
    }

    @Override
    ParseResult parseName(String stem, Path path) {
        Matcher m = SHAPE.matcher(stem);
        if (!m.matches()) {
            return notThisCorpus();
        }
        String speaker = m.group(1);
        if (!SPEAKERS.contains(speaker)) {
            return invalid("speaker " + speaker + " is none of " + new TreeSet<>(SPEAKERS));
        }
        String set = m.group(2).toLowerCase(Locale.ROOT);
        int text = Integer.parseInt(m.group(3));
        if (!(set.equals("a") && text >= 1 && text <= 7) && !(set.equals("b") && text >= 1 && text <= 10)) {
            return invalid("text " + m.group(2) + m.group(3) + " is not one of a01-a07, b01-b10");
        }
        String letter = m.group(4).toUpperCase(Locale.ROOT);
        Emotion emotion = EMOTIONS.get(letter);
        if (emotion == null) {
            return invalid("emotion letter '" + m.group(4) + "' is none of W, L, E, A, F, T, N");
        }
        int version = m.group(5).toLowerCase(Locale.ROOT).charAt(0) - 'a' + 1;
        return draft(path)
                .speaker(speaker)
                .gender(MALE.contains(speaker) ? Gender.MALE : Gender.FEMALE)
                .label(letter, Optional.of(emotion))
                .textId(set + m.group(3))
                .repetition(version)
                .parsed();
    }
}
