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
 * AESDD (Acted Emotional Speech Dynamic Database), Greek, speakers 1-6 in the distributed copy.
 *
 * <p>Official layout: five emotion folders {@code anger/}, {@code disgust/}, {@code fear/}, {@code happiness/},
 * {@code sadness/}, files {@code xAA (B).wav}: emotion letter x (a, d, f, h, s; there is no neutral), utterance
 * AA (01-19 fixed texts, 20 improvised), speaker B ({@code (4)}, also zero-padded {@code (01)}); a further take
 * has a letter after the parenthesis ({@code f18 (5)b.wav}, {@code s01 (5)a.wav}). When the file sits in one of
 * the emotion folders, the folder and the letter must agree.
 *
 * <p>Clips: speaker "AESDD:4" (the number without padding, so {@code (01)} and {@code (1)} are one speaker),
 * gender unknown (the corpus documents "3 female and 2 male" for five speakers but not which number is which),
 * label the emotion letter ("a"), text id the utterance ("03"), repetition the take letter's position
 * (a = 1, b = 2) when there is one.
 */
public final class AesddLoader extends NamedCorpusLoader {

    /** The corpus id. */
    public static final String ID = "AESDD";

    private static final Pattern SHAPE = Pattern.compile("([A-Za-z])(\\d{2}) ?\\((\\d{1,3})\\)([A-Za-z])?");
    private static final Map<Character, Emotion> EMOTIONS = Map.of('a', Emotion.ANGRY, 'd', Emotion.DISGUST,
            'f', Emotion.FEAR, 'h', Emotion.HAPPY, 's', Emotion.SAD);
    private static final Map<String, Character> FOLDERS = Map.of("anger", 'a', "disgust", 'd', "fear", 'f',
            "happiness", 'h', "sadness", 's');

    /** The loader. */
    public AesddLoader() {
        super(ID, "el", "xAA (B), e.g. a03 (4)");
    }

    @Override
    ParseResult parseName(String stem, Path path) {
        Matcher m = SHAPE.matcher(stem);
        if (!m.matches()) {
            return notThisCorpus();
        }
        char letter = Character.toLowerCase(m.group(1).charAt(0));
        Emotion emotion = EMOTIONS.get(letter);
        if (emotion == null) {
            return invalid("emotion letter '" + m.group(1) + "' is none of a, d, f, h, s");
        }
        String folder = AudioFiles.folder(path, 1);
        Character folderLetter = FOLDERS.get(folder.toLowerCase(Locale.ROOT));
        if (folderLetter != null && folderLetter != letter) {
            return invalid("the letter '" + letter + "' disagrees with the emotion folder '" + folder + "'");
        }
        int utterance = Integer.parseInt(m.group(2));
        if (utterance < 1 || utterance > 20) {
            return invalid("utterance " + m.group(2) + " is not one of 01-20");
        }
        int speaker = Integer.parseInt(m.group(3));
        if (speaker < 1) {
            return invalid("speaker (" + m.group(3) + ") is not a positive number");
        }
        ClipDraft draft = draft(path)
                .speaker(Integer.toString(speaker))
                .label(String.valueOf(letter), Optional.of(emotion))
                .textId(m.group(2));
        if (m.group(4) != null) {
            draft.repetition(Character.toLowerCase(m.group(4).charAt(0)) - 'a' + 1);
        }
        return draft.gender(Gender.UNKNOWN).parsed();
    }
}
