package org.ser4j.train;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reading typed hyper-parameters from a model card's string map, with messages that name the key. */
final class HyperParameters {

    private HyperParameters() {
    }

    static String raw(Map<String, String> hp, String key) {
        String v = hp.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing hyper-parameter '" + key + "', had " + hp.keySet());
        }
        return v.trim();
    }

    static int positiveInt(Map<String, String> hp, String key) {
        try {
            int v = Integer.parseInt(raw(hp, key));
            if (v <= 0) {
                throw new IllegalArgumentException("hyper-parameter '" + key + "' must be positive, was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hyper-parameter '" + key + "' must be an integer, was '"
                    + hp.get(key) + "'", e);
        }
    }

    static List<Integer> positiveInts(Map<String, String> hp, String key) {
        try {
            List<Integer> v = Arrays.stream(raw(hp, key).split(",")).map(String::trim).map(Integer::valueOf).toList();
            if (v.stream().anyMatch(x -> x <= 0)) {
                throw new IllegalArgumentException("hyper-parameter '" + key + "' must list positive sizes, was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hyper-parameter '" + key + "' must be a comma-separated list of "
                    + "integers, was '" + hp.get(key) + "'", e);
        }
    }

    /** A rate in [0, 1). */
    static float rate(Map<String, String> hp, String key) {
        try {
            float v = Float.parseFloat(raw(hp, key));
            if (!(v >= 0 && v < 1)) {
                throw new IllegalArgumentException("hyper-parameter '" + key + "' must be in [0, 1), was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hyper-parameter '" + key + "' must be a number, was '"
                    + hp.get(key) + "'", e);
        }
    }
}
