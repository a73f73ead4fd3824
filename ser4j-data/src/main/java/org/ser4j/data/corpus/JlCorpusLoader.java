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
 * JL-Corpus, New Zealand English, four speakers female1, female2, male1, male2.
 *
 * <p>Naming {@code <speaker>_<emotion>_<sentence><session>_<take>} ({@code female1_angry_10a_1.wav}):
 * primary emotions angry, sad, neutral, happy, excited and secondary emotions anxious, apologetic, assertive,
 * concerned, encouraging; sentence 1-15, session a or b, take 1 or 2. Only angry, sad, neutral and happy have
 * counterparts in the vocabulary; the others (excited included) are kept as extra labels with no emotion.
 *
 * <p>Clips: speaker "JL-Corpus:female1", label the emotion word, text id the sentence number for the primary
 * emotions, which share 15 sentences ("10"), and emotion plus number for the secondary ones, each of which has
 * its own sentences ("anxious-14"); repetition 1-4 = (session a: 0, b: 2) + take.
 */
public final class JlCorpusLoader extends NamedCorpusLoader {

    /** The corpus id. */
    public static final String ID = "JL-Corpus";

    private static final Pattern CLAIM = Pattern.compile("(?i)(female|male)\\d+_.*");
    private static final Pattern SHAPE = Pattern.compile("(?i)(female|male)(\\d)_([a-z]+)_(\\d{1,2})([ab])_(\\d)");
    private static final Map<String, Emotion> PRIMARY = Map.of("angry", Emotion.ANGRY, "sad", Emotion.SAD,
            "neutral", Emotion.NEUTRAL, "happy", Emotion.HAPPY);
    private static final String EXCITED = "excited";
    private static final Set<String> SECONDARY = Set.of("anxious", "apologetic", "assertive", "concerned",
            "encouraging");

    /** The loader. */
    public JlCorpusLoader() {
        super(ID, "en-NZ", "speaker_emotion_NNs_t, e.g. female1_angry_10a_1");
    }

    @Override
    ParseResult parseName(String stem, Path path) {
        if (!CLAIM.matcher(stem).matches()) {
            return notThisCorpus();
        }
        Matcher m = SHAPE.matcher(stem);
        if (!m.matches()) {
            return invalid("'" + stem + "' does not continue as _emotion_NNs_t (session a or b, take 1 or 2)");
        }
        int speaker = Integer.parseInt(m.group(2));
        if (speaker < 1 || speaker > 2) {
            return invalid("speaker number " + m.group(2) + " is neither 1 nor 2");
        }
        String word = m.group(3).toLowerCase(Locale.ROOT);
        boolean secondary = SECONDARY.contains(word);
        if (!PRIMARY.containsKey(word) && !word.equals(EXCITED) && !secondary) {
            return invalid("emotion '" + m.group(3) + "' is none of angry, sad, neutral, happy, excited, "
                    + "anxious, apologetic, assertive, concerned, encouraging");
        }
        int sentence = Integer.parseInt(m.group(4));
        if (sentence < 1 || sentence > 15) {
            return invalid("sentence " + m.group(4) + " is not one of 1-15");
        }
        int take = Integer.parseInt(m.group(6));
        if (take < 1 || take > 2) {
            return invalid("take " + m.group(6) + " is neither 1 nor 2");
        }
        String sex = m.group(1).toLowerCase(Locale.ROOT);
        int session = Character.toLowerCase(m.group(5).charAt(0)) == 'a' ? 0 : 2;
        return draft(path)
                .speaker(sex + speaker)
                .gender(sex.equals("male") ? Gender.MALE : Gender.FEMALE)
                .label(word, Optional.ofNullable(PRIMARY.get(word)))
                .textId(secondary ? word + "-" + sentence : Integer.toString(sentence))
                .repetition(session + take)
                .parsed();
    }
}
