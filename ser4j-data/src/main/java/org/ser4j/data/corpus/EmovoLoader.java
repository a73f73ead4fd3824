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
 * EMOVO, Italian, six speakers f1-f3 (female) and m1-m3 (male).
 *
 * <p>Official naming {@code <emo>-<spk>-<sentence>} under {@code <spk>/}: emotion codes dis (disgust),
 * gio (joy), neu (neutral), pau (fear), rab (anger), sor (surprise), tri (sadness); sentences b1-b3, d1-d2,
 * l1-l4, n1-n5.
 *
 * <p>Clips: speaker "EMOVO:f1", label the emotion code ("gio"), text id the sentence ("l3").
 */
public final class EmovoLoader extends NamedCorpusLoader {

    /** The corpus id. */
    public static final String ID = "EMOVO";

    private static final Pattern SHAPE = Pattern.compile("([A-Za-z]{3})-([A-Za-z]\\d)-([A-Za-z]\\d)");
    private static final Map<String, Emotion> EMOTIONS = Map.of("dis", Emotion.DISGUST, "gio", Emotion.HAPPY,
            "neu", Emotion.NEUTRAL, "pau", Emotion.FEAR, "rab", Emotion.ANGRY, "sor", Emotion.SURPRISE,
            "tri", Emotion.SAD);
    /** Sentences per type letter: b1-b3, d1-d2, l1-l4, n1-n5. */
    private static final Map<Character, Integer> SENTENCES = Map.of('b', 3, 'd', 2, 'l', 4, 'n', 5);

    /** The loader. */
    public EmovoLoader() {
        super(ID, "it", "emo-spk-sentence, e.g. dis-f1-b1");
    }

    @Override
    ParseResult parseName(String stem, Path path) {
        Matcher m = SHAPE.matcher(stem);
        if (!m.matches()) {
            return notThisCorpus();
        }
        String code = m.group(1).toLowerCase(Locale.ROOT);
        Emotion emotion = EMOTIONS.get(code);
        if (emotion == null) {
            return invalid("emotion code '" + m.group(1) + "' is none of dis, gio, neu, pau, rab, sor, tri");
        }
        String speaker = m.group(2).toLowerCase(Locale.ROOT);
        char sex = speaker.charAt(0);
        int number = speaker.charAt(1) - '0';
        if ((sex != 'f' && sex != 'm') || number < 1 || number > 3) {
            return invalid("speaker '" + m.group(2) + "' is none of f1-f3, m1-m3");
        }
        String sentence = m.group(3).toLowerCase(Locale.ROOT);
        Integer last = SENTENCES.get(sentence.charAt(0));
        int index = sentence.charAt(1) - '0';
        if (last == null || index < 1 || index > last) {
            return invalid("sentence '" + m.group(3) + "' is none of b1-b3, d1-d2, l1-l4, n1-n5");
        }
        return draft(path)
                .speaker(speaker)
                .gender(sex == 'm' ? Gender.MALE : Gender.FEMALE)
                .label(code, Optional.of(emotion))
                .textId(sentence)
                .parsed();
    }
}
