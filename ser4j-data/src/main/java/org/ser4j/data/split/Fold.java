package org.ser4j.data.split;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ser4j.data.Clip;

/**
 * One train/validation/test partition of a split plan.
 *
 * @param name       the fold's name ("fold-1", a speaker id for leave-one-speaker-out, a corpus for
 *                   leave-one-corpus-out, "holdout", "random")
 * @param train      the training clips, sorted by path
 * @param validation the validation clips (possibly none), sorted by path
 * @param test       the test clips, sorted by path
 */
public record Fold(String name, List<Clip> train, List<Clip> validation, List<Clip> test) {

    public Fold {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("fold name must not be blank");
        }
        train = Splits.sorted(train);
        validation = Splits.sorted(validation);
        test = Splits.sorted(test);
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("fold " + name + " needs training and test clips, has " + train.size()
                    + " and " + test.size());
        }
        Set<Path> seen = new HashSet<>();
        for (List<Clip> part : List.of(train, validation, test)) {
            for (Clip c : part) {
                if (!seen.add(c.path())) {
                    throw new IllegalArgumentException("clip " + c.path() + " is twice in fold " + name);
                }
            }
        }
    }

    /** The clips of one role ({@link Role#EXCLUDED} has none in a fold). */
    public List<Clip> clips(Role role) {
        return switch (role) {
            case TRAIN -> train;
            case VALIDATION -> validation;
            case TEST -> test;
            case EXCLUDED -> List.of();
        };
    }

    /** The speakers of one role, sorted. */
    public Set<String> speakers(Role role) {
        Set<String> out = new TreeSet<>();
        clips(role).forEach(c -> out.add(c.speaker()));
        return out;
    }
}
