package org.ser4j.data.corpus;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ser4j.core.Emotion;
import org.ser4j.data.Gender;

/**
 * ShEMO (Sharif Emotional Speech Database), Persian, 87 speakers: 31 female (F01-F31) and 56 male (M01-M56).
 *
 * <p>Official naming {@code GSSEUU} (in {@code female/} and {@code male/}): gender G (F, M), speaker SS numbered
 * per gender (so F01 and M01 are different people), emotion letter E (A anger, H happiness, N neutral,
 * S sadness, W surprise, F fear), UU a running number within speaker and emotion. Labels come from the file
 * name: the relabelled {@code shemo.json} does not match 162 of the file names.
 *
 * <p>Clips: speaker "ShEMO:F01", label the emotion letter ("W"), no text id (UU is not a sentence id).
 */
public final class ShemoLoader extends NamedCorpusLoader {

    /** The corpus id. */
    public static final String ID = "ShEMO";

    private static final Pattern SHAPE = Pattern.compile("([FMfm])(\\d{2})([A-Za-z])(\\d{2})");
    private static final Map<Character, Emotion> EMOTIONS = Map.of('A', Emotion.ANGRY, 'H', Emotion.HAPPY,
            'N', Emotion.NEUTRAL, 'S', Emotion.SAD, 'W', Emotion.SURPRISE, 'F', Emotion.FEAR);
    private static final int FEMALE_SPEAKERS = 31;
    private static final int MALE_SPEAKERS = 56;

    /** The loader. */
    public ShemoLoader() {
        super(ID, "fa", "GSSEUU, e.g. F03S02");
    }

    @Override
    ParseResult parseName(String stem, Path path) {
        Matcher m = SHAPE.matcher(stem);
        if (!m.matches()) {
            return notThisCorpus();
        }
        char sex = Character.toUpperCase(m.group(1).charAt(0));
        int speaker = Integer.parseInt(m.group(2));
        int last = sex == 'F' ? FEMALE_SPEAKERS : MALE_SPEAKERS;
        if (speaker < 1 || speaker > last) {
            return invalid("speaker " + sex + m.group(2) + " is not one of " + sex + "01-" + sex + last);
        }
        char letter = Character.toUpperCase(m.group(3).charAt(0));
        Emotion emotion = EMOTIONS.get(letter);
        if (emotion == null) {
            return invalid("emotion letter '" + m.group(3) + "' is none of A, H, N, S, W, F");
        }
        return draft(path)
                .speaker(sex + m.group(2))
                .gender(sex == 'M' ? Gender.MALE : Gender.FEMALE)
                .label(String.valueOf(letter), Optional.of(emotion))
                .parsed();
    }
}
