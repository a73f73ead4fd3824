package org.ser4j.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a model came from, so that a result can be traced and a model retrained the same way.
 *
 * @param ser4jVersion version of ser4j that trained it
 * @param created      when training finished
 * @param seed         the seed of every random choice (split, initialisation, augmentation, shuffling)
 * @param command      the command line or API call that trained it
 * @param details      anything else worth keeping (engine and its version, threads, host), sorted by key
 */
public record Provenance(String ser4jVersion, Instant created, long seed, String command, Map<String, String> details) {

    public Provenance {
        Objects.requireNonNull(ser4jVersion, "ser4jVersion");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(command, "command");
        details = Map.copyOf(new TreeMap<>(details));
    }
}
