package org.ser4j.data.corpus;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ser4j.core.Emotion;
import org.ser4j.data.Gender;

/**
 * CASIA Chinese emotional speech corpus, Mandarin, four speakers: liuchanhg and zhaoquanyin (female), wangzhe and
 * ZhaoZuoxiang (male), genders as third-party descriptions give them (2 male, 2 female).
 *
 * <p>The names carry no label; the official layout does: {@code <speaker>/<emotion>/<NNN>.wav} with emotion
 * folders angry, fear, happy, neutral, sad, surprise (the full version also uses {@code normal} for neutral and
 * the speaker spellings Chang.Liu, Zhe.Wang, Quanyin.Zhao, Zuoxiang.Zhao). Flattened mirrors put speaker,
 * emotion and number in the file name in any order, separated by {@code -}, {@code _} or blanks
 * ({@code 201-angry-liuchanhg}, {@code zhaoquanyin_250_neutral}, {@code liuchanhg_201_fear_0}); those are
 * accepted too, the emotion coming from the name or else from the parent folder.
 *
 * <p>Clips: speaker "CASIA:liuchanhg" (one id per person whatever the spelling), label the emotion folder or
 * word ("normal"), text id the number ("201").
 */
public final class CasiaLoader extends NamedCorpusLoader {

    /** The corpus id. */
    public static final String ID = "CASIA";

    /** Every spelling, lower case, to the person's id. */
    private static final Map<String, String> SPEAKERS = Map.of("liuchanhg", "liuchanhg", "chang.liu", "liuchanhg",
            "wangzhe", "wangzhe", "zhe.wang", "wangzhe", "zhaoquanyin", "zhaoquanyin", "quanyin.zhao", "zhaoquanyin",
            "zhaozuoxiang", "ZhaoZuoxiang", "zuoxiang.zhao", "ZhaoZuoxiang");
    private static final Map<String, Gender> GENDERS = Map.of("liuchanhg", Gender.FEMALE,
            "zhaoquanyin", Gender.FEMALE, "wangzhe", Gender.MALE, "ZhaoZuoxiang", Gender.MALE);
    private static final Map<String, Emotion> EMOTIONS = Map.of("angry", Emotion.ANGRY, "fear", Emotion.FEAR,
            "happy", Emotion.HAPPY, "neutral", Emotion.NEUTRAL, "normal", Emotion.NEUTRAL, "sad", Emotion.SAD,
            "surprise", Emotion.SURPRISE);
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern TEXT_NUMBER = Pattern.compile("\\d{3}");
    private static final Pattern SEPARATORS = Pattern.compile("[-_\\s]+");

    /** The loader. */
    public CasiaLoader() {
        super(ID, "zh", "<speaker>/<emotion>/NNN, speaker in liuchanhg, wangzhe, zhaoquanyin, ZhaoZuoxiang");
    }

    @Override
    ParseResult parseName(String stem, Path path) {
        String emotionFolder = AudioFiles.folder(path, 1);
        String speakerFolder = SPEAKERS.get(lower(AudioFiles.folder(path, 2)));
        if (speakerFolder != null) {
            if (!EMOTIONS.containsKey(lower(emotionFolder))) {
                return invalid("the folder '" + emotionFolder + "' under the speaker folder is none of "
                        + "angry, fear, happy, neutral, normal, sad, surprise");
            }
            if (!NUMBER.matcher(stem).matches()) {
                return invalid("the file name '" + stem + "' is not a number");
            }
            return clip(path, speakerFolder, lower(emotionFolder), stem);
        }
        String speaker = null;
        String emotion = null;
        String number = null;
        for (String token : SEPARATORS.split(stem)) {
            String t = lower(token);
            if (speaker == null && SPEAKERS.containsKey(t)) {
                speaker = SPEAKERS.get(t);
            } else if (emotion == null && EMOTIONS.containsKey(t)) {
                emotion = t;
            } else if (number == null && TEXT_NUMBER.matcher(t).matches()) {
                number = t;
            }
        }
        if (speaker == null) {
            return notThisCorpus();
        }
        if (emotion == null && EMOTIONS.containsKey(lower(emotionFolder))) {
            emotion = lower(emotionFolder);
        }
        if (emotion == null) {
            return invalid("neither the name '" + stem + "' nor its folder names one of "
                    + "angry, fear, happy, neutral, normal, sad, surprise");
        }
        if (number == null) {
            return invalid("the name '" + stem + "' has no 3-digit sentence number");
        }
        return clip(path, speaker, emotion, number);
    }

    private ParseResult clip(Path path, String speaker, String emotion, String number) {
        return draft(path)
                .speaker(speaker)
                .gender(GENDERS.get(speaker))
                .label(emotion, Optional.of(EMOTIONS.get(emotion)))
                .textId(number)
                .parsed();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
