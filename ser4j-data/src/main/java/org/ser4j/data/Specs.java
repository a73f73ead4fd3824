package org.ser4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ser4j.core.Emotion;

/**
 * Parsing of the string forms shared by {@link DatasetFilter} and {@link LabelMapping} (the values of the command
 * line options {@code --emotions angry,happy}, {@code --genders female}, {@code --map calm=neutral}), so both
 * report a bad value with the same wording. Public so that a command can parse one value on its own.
 */
public final class Specs {

    /** A BCP 47 tag or a prefix of one: a primary language subtag, then subtags of letters and digits. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    private Specs() {
    }

    /** The vocabulary as it appears in messages: "neutral, calm, happy, ...". */
    public static String vocabulary() {
        return Arrays.stream(Emotion.values()).map(Emotion::label).collect(Collectors.joining(", "));
    }

    /**
     * One emotion of the vocabulary, by name or common synonym ({@link Emotion#parse(String)}).
     *
     * @throws IllegalArgumentException "unknown emotion 'angri'; expected one of neutral, calm, ..."
     */
    public static Emotion emotion(String text) {
        return Emotion.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "unknown emotion '" + text + "'; expected one of " + vocabulary()));
    }

    /**
     * One gender: {@code male}, {@code female} or {@code unknown} (also {@code m}, {@code f}), case-insensitive.
     *
     * @throws IllegalArgumentException "unknown gender 'x'; expected one of male, female, unknown"
     */
    public static Gender gender(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "m": return Gender.MALE;
            case "f": return Gender.FEMALE;
            default:
                for (Gender g : Gender.values()) {
                    if (g.name().toLowerCase(Locale.ROOT).equals(t)) {
                        return g;
                    }
                }
                throw new IllegalArgumentException("unknown gender '" + text + "'; expected one of "
                        + Arrays.stream(Gender.values()).map(g -> g.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", ")));
        }
    }

    /**
     * A language tag or prefix ({@code en}, {@code en-US}, {@code de}).
     *
     * @throws IllegalArgumentException for anything that is not of the form of a BCP 47 tag ({@code en_US})
     */
    public static String language(String text) {
        String t = text.strip();
        if (!LANGUAGE_TAG.matcher(t).matches()) {
            throw new IllegalArgumentException("invalid language tag '" + text
                    + "'; expected a BCP 47 tag or prefix such as en, en-US or de");
        }
        return t;
    }

    /**
     * The items of a comma-separated list, stripped of blanks.
     *
     * @param what what the list holds, for the message ("emotions")
     * @throws IllegalArgumentException when the list or one of its items is empty
     */
    public static List<String> items(String list, String what) {
        if (list == null || list.isBlank()) {
            throw new IllegalArgumentException("empty list of " + what);
        }
        List<String> out = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            String s = item.strip();
            if (s.isEmpty()) {
                throw new IllegalArgumentException("empty item in the list of " + what + " '" + list + "'");
            }
            out.add(s);
        }
        return out;
    }
}
