package org.ser4j.data.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ser4j.core.Emotion;
import org.ser4j.core.Ser4jException;
import org.ser4j.data.Gender;
import org.ser4j.data.manifest.Csv;

/**
 * CREMA-D (Crowd-sourced Emotional Multimodal Actors Dataset), US English, 91 actors 1001-1091.
 *
 * <p>Official naming {@code ActorID_Sentence_Emotion_Level} (in {@code AudioWAV/}): sentence one of 12 codes
 * (IEO, TIE, IOM, IWW, TAI, MTI, IWL, ITH, DFA, ITS, TSI, WSI), emotion ANG, DIS, FEA, HAP, NEU, SAD, level
 * LO, MD, HI or XX (unspecified).
 *
 * <p>Clips: speaker "CREMA-D:1001", label the emotion code ("ANG"), text id the sentence code ("DFA"),
 * intensity the level (none for XX). Gender comes from the actors' sexes: by default a table of the 91
 * actor-to-sex facts generated from the corpus's {@code VideoDemographics.csv} and shipped as the resource
 * {@code crema-d-sexes.csv} (see {@link #withBuiltInDemographics()}); {@link #withDemographics(Path)} reads a
 * user's {@code VideoDemographics.csv} instead, and {@link #withoutDemographics()} leaves gender unknown.
 */
public final class CremaDLoader extends NamedCorpusLoader {

    /** The corpus id. */
    public static final String ID = "CREMA-D";

    private static final String RESOURCE = "crema-d-sexes.csv";
    private static final Pattern SHAPE = Pattern.compile("(\\d{4})_([A-Za-z]{3})_([A-Za-z]{3})_([A-Za-z]{2})");
    private static final Set<String> SENTENCES = Set.of("IEO", "TIE", "IOM", "IWW", "TAI", "MTI", "IWL", "ITH",
            "DFA", "ITS", "TSI", "WSI");
    private static final Map<String, Emotion> EMOTIONS = Map.of("ANG", Emotion.ANGRY, "DIS", Emotion.DISGUST,
            "FEA", Emotion.FEAR, "HAP", Emotion.HAPPY, "NEU", Emotion.NEUTRAL, "SAD", Emotion.SAD);
    private static final Set<String> LEVELS = Set.of("LO", "MD", "HI", "XX");
    private static final int FIRST_ACTOR = 1001;
    private static final int LAST_ACTOR = 1091;

    private final Map<Integer, Gender> sexes;

    private CremaDLoader(Map<Integer, Gender> sexes) {
        super(ID, "en-US", "ActorID_Sentence_Emotion_Level, e.g. 1001_DFA_ANG_XX");
        this.sexes = Map.copyOf(sexes);
    }

    /** Gender from the built-in table of the 91 actors' sexes (the default a scan uses). */
    public static CremaDLoader withBuiltInDemographics() {
        try (InputStream in = CremaDLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the ser4j-data jar");
            }
            return new CremaDLoader(readSexes(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Ser4jException e) {
            throw new IllegalStateException("resource " + RESOURCE + " is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * Gender from the corpus's own {@code VideoDemographics.csv} (columns {@code ActorID} and {@code Sex},
     * "Male"/"Female"); actors it does not list get {@link Gender#UNKNOWN}.
     *
     * @throws Ser4jException when the file lacks those columns or a row is malformed
     */
    public static CremaDLoader withDemographics(Path videoDemographicsCsv) throws IOException, Ser4jException {
        try (Reader in = Files.newBufferedReader(videoDemographicsCsv, StandardCharsets.UTF_8)) {
            return new CremaDLoader(readSexes(in, videoDemographicsCsv.toString()));
        }
    }

    /** Gender {@link Gender#UNKNOWN} for every clip. */
    public static CremaDLoader withoutDemographics() {
        return new CremaDLoader(Map.of());
    }

    /** The actor-to-gender table this loader uses, in actor order. */
    public Map<Integer, Gender> demographics() {
        return new TreeMap<>(sexes);
    }

    /** Reads a CSV with columns ActorID and Sex (Male/Female, or M/F as in the built-in table). */
    private static Map<Integer, Gender> readSexes(Reader reader, String source) throws IOException, Ser4jException {
        List<Csv.Row> rows = Csv.read(new BufferedReader(reader), source);
        if (rows.isEmpty()) {
            throw new Ser4jException(source + ": empty, expected a header with ActorID and Sex");
        }
        List<String> header = rows.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int actorColumn = header.indexOf("actorid");
        int sexColumn = header.indexOf("sex");
        if (actorColumn < 0 || sexColumn < 0) {
            throw new Ser4jException(source + " line 1: expected columns ActorID and Sex, found " + rows.get(0).fields());
        }
        Map<Integer, Gender> sexes = new HashMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            List<String> f = row.fields();
            if (f.size() <= Math.max(actorColumn, sexColumn)) {
                throw new Ser4jException(source + " line " + row.line() + ": expected at least "
                        + (Math.max(actorColumn, sexColumn) + 1) + " fields, found " + f.size());
            }
            int actor;
            try {
                actor = Integer.parseInt(f.get(actorColumn).strip());
            } catch (NumberFormatException e) {
                throw new Ser4jException(source + " line " + row.line() + ": actor id '" + f.get(actorColumn)
                        + "' is not a number");
            }
            Gender gender = switch (f.get(sexColumn).strip().toLowerCase(Locale.ROOT)) {
                case "male", "m" -> Gender.MALE;
                case "female", "f" -> Gender.FEMALE;
                default -> Gender.UNKNOWN;
            };
            sexes.put(actor, gender);
        }
        return sexes;
    }

    @Override
    ParseResult parseName(String stem, Path path) {
        Matcher m = SHAPE.matcher(stem);
        if (!m.matches()) {
            return notThisCorpus();
        }
        int actor = Integer.parseInt(m.group(1));
        if (actor < FIRST_ACTOR || actor > LAST_ACTOR) {
            return invalid("actor " + m.group(1) + " is not one of " + FIRST_ACTOR + "-" + LAST_ACTOR);
        }
        String sentence = m.group(2).toUpperCase(Locale.ROOT);
        if (!SENTENCES.contains(sentence)) {
            return invalid("sentence '" + m.group(2) + "' is none of " + new TreeSet<>(SENTENCES));
        }
        String code = m.group(3).toUpperCase(Locale.ROOT);
        Emotion emotion = EMOTIONS.get(code);
        if (emotion == null) {
            return invalid("emotion '" + m.group(3) + "' is none of ANG, DIS, FEA, HAP, NEU, SAD");
        }
        String level = m.group(4).toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            return invalid("level '" + m.group(4) + "' is none of LO, MD, HI, XX");
        }
        ClipDraft draft = draft(path)
                .speaker(m.group(1))
                .gender(sexes.getOrDefault(actor, Gender.UNKNOWN))
                .label(code, Optional.of(emotion))
                .textId(sentence);
        if (!level.equals("XX")) {
            draft.intensity(level);
        }
        return draft.parsed();
    }
}
