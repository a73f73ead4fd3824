package org.ser4j.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.ser4j.core.Emotion;

/**
 * Which clips of a dataset to keep: by duration, emotion, corpus, language and gender. Every criterion is
 * optional (an empty set or an empty bound selects everything); a clip is kept when it passes all of them.
 *
 * <p>Matching: corpora by name, ignoring case ({@code ravdess} selects {@code RAVDESS}); languages as BCP 47
 * prefixes, ignoring case ({@code en} selects {@code en}, {@code en-US} and {@code en-GB}; {@code en-US} selects
 * only {@code en-US} and its subtags); emotions by the vocabulary, so clips that carry only a corpus's extra
 * label are removed whenever an emotion criterion is set; duration bounds are inclusive.
 *
 * <p>Clips of unknown duration when a duration bound is set: by default {@link UnknownDuration#DROP dropped},
 * and counted as {@link RemovalReason#DURATION_UNKNOWN} with a note, since a bound that cannot be checked must
 * not pass silently; {@link UnknownDuration#KEEP} keeps them, with a note too. A scan reads every duration
 * from the file header, so this only concerns datasets built without one.
 *
 * <p>The string forms accepted by the builder are those of the command line:
 * {@code --min-duration 1.0 --max-duration 10 --emotions angry,happy --corpora RAVDESS,EmoDB
 * --languages en-US,de --genders female}.
 *
 * @param minDurationSeconds keep clips at least this long
 * @param maxDurationSeconds keep clips at most this long
 * @param emotions           keep clips with one of these emotions; empty: any
 * @param corpora            keep clips of these corpora (as given; matched ignoring case); empty: any
 * @param languages          keep clips whose language has one of these prefixes; empty: any
 * @param genders            keep clips whose speaker has one of these genders; empty: any
 * @param unknownDuration    what to do with clips of unknown duration when a duration bound is set
 */
public record DatasetFilter(OptionalDouble minDurationSeconds, OptionalDouble maxDurationSeconds,
        Set<Emotion> emotions, Set<String> corpora, Set<String> languages, Set<Gender> genders,
        UnknownDuration unknownDuration) {

    /** The treatment of clips whose duration is not known when a duration bound is set. */
    public enum UnknownDuration {
        /** Remove them, counted as {@link RemovalReason#DURATION_UNKNOWN} (the default). */
        DROP,
        /** Keep them, with a note saying how many were kept unchecked. */
        KEEP
    }

    /** The filter that keeps everything. */
    public static final DatasetFilter ALL = builder().build();

    public DatasetFilter {
        Objects.requireNonNull(minDurationSeconds, "minDurationSeconds");
        Objects.requireNonNull(maxDurationSeconds, "maxDurationSeconds");
        Objects.requireNonNull(unknownDuration, "unknownDuration");
        minDurationSeconds.ifPresent(s -> requireDuration(s, "minimum"));
        maxDurationSeconds.ifPresent(s -> requireDuration(s, "maximum"));
        if (minDurationSeconds.isPresent() && maxDurationSeconds.isPresent()
                && minDurationSeconds.getAsDouble() > maxDurationSeconds.getAsDouble()) {
            throw new IllegalArgumentException("minimum duration " + minDurationSeconds.getAsDouble()
                    + " s is greater than the maximum duration " + maxDurationSeconds.getAsDouble() + " s");
        }
        emotions = emotions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(emotions));
        genders = genders.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(genders));
        corpora = Collections.unmodifiableSet(new LinkedHashSet<>(corpora));
        languages = Collections.unmodifiableSet(new LinkedHashSet<>(languages));
        corpora.forEach(c -> {
            if (c.isBlank()) {
                throw new IllegalArgumentException("blank corpus name");
            }
        });
        languages.forEach(Specs::language);
    }

    private static void requireDuration(double seconds, String which) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(which + " duration must be a finite number of seconds >= 0, was "
                    + seconds);
        }
    }

    /** A builder with no criterion set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether a duration bound is set. */
    public boolean hasDurationBound() {
        return minDurationSeconds.isPresent() || maxDurationSeconds.isPresent();
    }

    /**
     * Keeps the clips that pass every criterion.
     *
     * @return the kept clips (input order), the counts removed per reason (each clip under the first failing
     *         criterion, in {@link RemovalReason} order), and notes on criteria that matched no clip and on
     *         clips of unknown duration
     */
    public Selection apply(Dataset dataset) {
        Map<RemovalReason, Integer> removed = new EnumMap<>(RemovalReason.class);
        List<Clip> kept = new ArrayList<>();
        Set<String> corporaSeen = new LinkedHashSet<>();
        Set<String> languagesSeen = new LinkedHashSet<>();
        int unknownKept = 0;
        for (Clip clip : dataset.clips()) {
            corporaSeen.add(clip.corpus().toLowerCase(Locale.ROOT));
            languagesSeen.add(clip.language());
            RemovalReason reason = reasonToRemove(clip);
            if (reason == null) {
                kept.add(clip);
                if (hasDurationBound() && clip.durationSeconds().isEmpty()) {
                    unknownKept++;
                }
            } else {
                removed.merge(reason, 1, Integer::sum);
            }
        }
        List<String> notes = new ArrayList<>();
        for (String c : corpora) {
            if (!corporaSeen.contains(c.toLowerCase(Locale.ROOT))) {
                notes.add("corpus '" + c + "' matched no clip of the dataset");
            }
        }
        for (String l : languages) {
            if (languagesSeen.stream().noneMatch(seen -> languageMatches(l, seen))) {
                notes.add("language '" + l + "' matched no clip of the dataset");
            }
        }
        int unknownDropped = removed.getOrDefault(RemovalReason.DURATION_UNKNOWN, 0);
        if (unknownDropped > 0) {
            notes.add(unknownDropped + " clips of unknown duration dropped: a duration bound is set and cannot"
                    + " be checked for them");
        }
        if (unknownKept > 0) {
            notes.add(unknownKept + " clips of unknown duration kept without checking the duration bound");
        }
        return new Selection(new Dataset(kept, dataset.unrecognised()), removed, notes);
    }

    /** The first criterion {@code clip} fails, or null when it passes all. */
    private RemovalReason reasonToRemove(Clip clip) {
        if (!corpora.isEmpty() && corpora.stream().noneMatch(c -> c.equalsIgnoreCase(clip.corpus()))) {
            return RemovalReason.CORPUS_NOT_SELECTED;
        }
        if (!languages.isEmpty() && languages.stream().noneMatch(l -> languageMatches(l, clip.language()))) {
            return RemovalReason.LANGUAGE_NOT_SELECTED;
        }
        if (!genders.isEmpty() && !genders.contains(clip.gender())) {
            return RemovalReason.GENDER_NOT_SELECTED;
        }
        if (!emotions.isEmpty() && (clip.emotion().isEmpty() || !emotions.contains(clip.emotion().get()))) {
            return RemovalReason.EMOTION_NOT_SELECTED;
        }
        if (hasDurationBound()) {
            if (clip.durationSeconds().isEmpty()) {
                return unknownDuration == UnknownDuration.DROP ? RemovalReason.DURATION_UNKNOWN : null;
            }
            double d = clip.durationSeconds().getAsDouble();
            if (minDurationSeconds.isPresent() && d < minDurationSeconds.getAsDouble()) {
                return RemovalReason.TOO_SHORT;
            }
            if (maxDurationSeconds.isPresent() && d > maxDurationSeconds.getAsDouble()) {
                return RemovalReason.TOO_LONG;
            }
        }
        return null;
    }

    /** RFC 4647 basic filtering: the range equals the tag or is a prefix of it ending at a hyphen. */
    static boolean languageMatches(String range, String tag) {
        String r = range.toLowerCase(Locale.ROOT);
        String t = tag.toLowerCase(Locale.ROOT);
        return t.equals(r) || t.startsWith(r + "-");
    }

    /**
     * The filter in its command-line form, e.g. {@code "--min-duration 1.0 --emotions angry,happy"}; empty for
     * {@link #ALL}. Written into reports and split plans so that a run can be repeated.
     */
    @Override
    public String toString() {
        StringJoiner s = new StringJoiner(" ");
        minDurationSeconds.ifPresent(d -> s.add("--min-duration " + d));
        maxDurationSeconds.ifPresent(d -> s.add("--max-duration " + d));
        if (!emotions.isEmpty()) {
            s.add("--emotions " + emotions.stream().map(Emotion::label).collect(Collectors.joining(",")));
        }
        if (!corpora.isEmpty()) {
            s.add("--corpora " + String.join(",", corpora));
        }
        if (!languages.isEmpty()) {
            s.add("--languages " + String.join(",", languages));
        }
        if (!genders.isEmpty()) {
            s.add("--genders " + genders.stream().map(g -> g.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(",")));
        }
        if (hasDurationBound() && unknownDuration == UnknownDuration.KEEP) {
            s.add("--keep-unknown-duration");
        }
        return s.toString();
    }

    /** Builds a {@link DatasetFilter}; every criterion optional. Not thread-safe. */
    public static final class Builder {
        private OptionalDouble min = OptionalDouble.empty();
        private OptionalDouble max = OptionalDouble.empty();
        private Set<Emotion> emotions = Set.of();
        private Set<String> corpora = Set.of();
        private Set<String> languages = Set.of();
        private Set<Gender> genders = Set.of();
        private UnknownDuration unknownDuration = UnknownDuration.DROP;

        private Builder() {
        }

        /** Keep clips at least this many seconds long (the brief kept clips longer than 1 s). */
        public Builder optMinDurationSeconds(double seconds) {
            requireDuration(seconds, "minimum");
            this.min = OptionalDouble.of(seconds);
            return this;
        }

        /** Keep clips at most this many seconds long. */
        public Builder optMaxDurationSeconds(double seconds) {
            requireDuration(seconds, "maximum");
            this.max = OptionalDouble.of(seconds);
            return this;
        }

        /** Keep clips with one of these emotions. */
        public Builder optEmotions(Collection<Emotion> selected) {
            this.emotions = Set.copyOf(selected);
            return this;
        }

        /**
         * Keep clips with one of these emotions, comma-separated ({@code "angry,happy"}; synonyms such as
         * {@code anger} accepted).
         *
         * @throws IllegalArgumentException "unknown emotion 'angri'; expected one of neutral, calm, ..."
         */
        public Builder optEmotions(String commaSeparated) {
            return optEmotions(Specs.items(commaSeparated, "emotions").stream().map(Specs::emotion).toList());
        }

        /** Keep clips of these corpora (names matched ignoring case). */
        public Builder optCorpora(Collection<String> selected) {
            this.corpora = new LinkedHashSet<>(selected);
            return this;
        }

        /** Keep clips of these corpora, comma-separated ({@code "RAVDESS,EmoDB"}). */
        public Builder optCorpora(String commaSeparated) {
            return optCorpora(Specs.items(commaSeparated, "corpora"));
        }

        /** Keep clips whose language has one of these BCP 47 prefixes. */
        public Builder optLanguages(Collection<String> selected) {
            selected.forEach(Specs::language);
            this.languages = new LinkedHashSet<>(selected);
            return this;
        }

        /**
         * Keep clips whose language has one of these prefixes, comma-separated ({@code "en-US,de"}).
         *
         * @throws IllegalArgumentException "invalid language tag 'en_US'; expected a BCP 47 tag or prefix ..."
         */
        public Builder optLanguages(String commaSeparated) {
            return optLanguages(Specs.items(commaSeparated, "languages").stream().map(Specs::language).toList());
        }

        /** Keep clips whose speaker has one of these genders. */
        public Builder optGenders(Collection<Gender> selected) {
            this.genders = Set.copyOf(selected);
            return this;
        }

        /**
         * Keep clips whose speaker has one of these genders, comma-separated ({@code "female"},
         * {@code "male,female"}).
         *
         * @throws IllegalArgumentException "unknown gender 'x'; expected one of male, female, unknown"
         */
        public Builder optGenders(String commaSeparated) {
            return optGenders(Specs.items(commaSeparated, "genders").stream().map(Specs::gender).toList());
        }

        /** What to do with clips of unknown duration when a duration bound is set; default {@code DROP}. */
        public Builder optUnknownDuration(UnknownDuration treatment) {
            this.unknownDuration = Objects.requireNonNull(treatment, "treatment");
            return this;
        }

        /**
         * The immutable filter.
         *
         * @throws IllegalArgumentException when the minimum duration exceeds the maximum
         */
        public DatasetFilter build() {
            return new DatasetFilter(min, max, emotions, corpora, languages, genders, unknownDuration);
        }
    }
}
