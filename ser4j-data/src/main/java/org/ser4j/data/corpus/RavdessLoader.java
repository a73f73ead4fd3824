package org.ser4j.data.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ser4j.core.Emotion;
import org.ser4j.data.Gender;

/**
 * RAVDESS (Ryerson Audio-Visual Database of Emotional Speech and Song), North American English.
 *
 * <p>Official naming {@code MM-VV-EE-II-SS-RR-AA} (usually under {@code Actor_AA/}): modality MM (01 audio-video,
 * 02 video-only, 03 audio-only), vocal channel VV (01 speech, 02 song), emotion EE (01 neutral, 02 calm,
 * 03 happy, 04 sad, 05 angry, 06 fearful, 07 disgust, 08 surprised), intensity II (01 normal, 02 strong; neutral
 * has no strong), statement SS (01 "Kids are talking by the door", 02 "Dogs are sitting by the door"),
 * repetition RR (01, 02), actor AA (01-24; odd = male, even = female).
 *
 * <p>Clips: speaker "RAVDESS:AA", label the emotion code ("06"), intensity "normal"/"strong", text id the
 * statement ("01"), repetition 1 or 2. Speech and song are both accepted; the clip does not record which (the
 * path does). Modality 02 (video-only) has no sound and is refused; modality 01 is accepted when the file has
 * an audio extension (its sound track, extracted), since the same take exists as 03 only in the audio release.
 */
public final class RavdessLoader extends NamedCorpusLoader {

    /** The corpus id. */
    public static final String ID = "RAVDESS";

    private static final Pattern SHAPE = Pattern.compile("(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})");

    private static final List<Emotion> EMOTIONS = List.of(Emotion.NEUTRAL, Emotion.CALM, Emotion.HAPPY, Emotion.SAD,
            Emotion.ANGRY, Emotion.FEAR, Emotion.DISGUST, Emotion.SURPRISE);

    /** The loader. */
    public RavdessLoader() {
        super(ID, "en-US", "MM-VV-EE-II-SS-RR-AA");
    }

    @Override
    ParseResult parseName(String stem, Path path) {
        Matcher m = SHAPE.matcher(stem);
        if (!m.matches()) {
            return notThisCorpus();
        }
        int modality = Integer.parseInt(m.group(1));
        int channel = Integer.parseInt(m.group(2));
        int emotion = Integer.parseInt(m.group(3));
        int intensity = Integer.parseInt(m.group(4));
        int statement = Integer.parseInt(m.group(5));
        int repetition = Integer.parseInt(m.group(6));
        int actor = Integer.parseInt(m.group(7));
        if (modality == 2) {
            return invalid("modality 02 is video-only: the recording has no sound");
        }
        if (modality != 1 && modality != 3) {
            return invalid("modality " + m.group(1) + " is none of 01 (audio-video), 02 (video-only), 03 (audio-only)");
        }
        if (channel != 1 && channel != 2) {
            return invalid("vocal channel " + m.group(2) + " is neither 01 (speech) nor 02 (song)");
        }
        if (emotion < 1 || emotion > EMOTIONS.size()) {
            return invalid("emotion " + m.group(3) + " is not one of 01-08");
        }
        if (intensity != 1 && intensity != 2) {
            return invalid("intensity " + m.group(4) + " is neither 01 (normal) nor 02 (strong)");
        }
        if (intensity == 2 && emotion == 1) {
            return invalid("neutral (01) has no strong intensity (02)");
        }
        if (statement != 1 && statement != 2) {
            return invalid("statement " + m.group(5) + " is neither 01 nor 02");
        }
        if (repetition != 1 && repetition != 2) {
            return invalid("repetition " + m.group(6) + " is neither 01 nor 02");
        }
        if (actor < 1 || actor > 24) {
            return invalid("actor " + m.group(7) + " is not one of 01-24");
        }
        return draft(path)
                .speaker(m.group(7))
                .gender(actor % 2 == 1 ? Gender.MALE : Gender.FEMALE)
                .label(m.group(3), Optional.of(EMOTIONS.get(emotion - 1)))
                .intensity(intensity == 1 ? "normal" : "strong")
                .textId(m.group(5))
                .repetition(repetition)
                .parsed();
    }
}
