package org.ser4j.core.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.ser4j.core.audio.PcmAudio;

/**
 * Which augmented copies to make of each training clip: one recipe per copy, each a chain of
 * {@link AugmentationStep}s applied in order. Immutable; written and read as a spec string
 * ({@link #spec()}, {@link #parse}) that model cards record.
 *
 * <p>Copy {@code k} of a clip is a pure function of the clip, a seed and {@code k} ({@link #apply}), so a
 * training set can be augmented in parallel, in any order, and rebuilt identically.
 *
 * @param recipes one non-empty list of steps per augmented copy; empty for no augmentation
 */
public record AugmentationPolicy(List<List<AugmentationStep>> recipes) {

    /** The grammar of {@link #parse}. */
    public static final String GRAMMAR = "policy := 'none' | 'brief' | recipe (';' recipe)*, one recipe per"
            + " augmented copy; recipe := step (',' step)*, applied in order; " + AugmentationStep.GRAMMAR
            + "; e.g. 'noise:snr=10..30;stretch:0.8..1.25,pitch:-2..2@0.5'";

    /** No augmentation: no copies. Spec {@code "none"}. */
    public static final AugmentationPolicy NONE = new AugmentationPolicy(List.of());

    /**
     * The brief's recipe, spec {@code "brief"}: two copies of each clip besides the original, as its
     * {@code get_features} made them.
     * <ol>
     * <li>{@code noise:snr=15..35}. The brief added noise of standard deviation {@code 0.035 u max|y|}, u
     * uniform in [0, 1): an SNR of {@code 29.1 dB - crest factor - 20 log10 u}. With speech's crest factor
     * (peak over RMS) of about 14 dB that is 15 dB at u = 1 and 35 dB at u = 0.1 (median 21 dB); the range
     * keeps those ends, uniform in dB, and leaves out the nearly clean copies of u &lt; 0.1.</li>
     * <li>{@code stretch:rate=0.8,pitch:semitones=0.7}: the brief's fixed {@code time_stretch(rate=0.8)} (25%
     * slower, so this copy is 1.25 times as long) followed by {@code pitch_shift(n_steps=0.7)}.</li>
     * </ol>
     * The brief also defined a random roll of up to 5,000 samples but never called it; it is not here.
     */
    public static final AugmentationPolicy BRIEF = new AugmentationPolicy(List.of(
            List.of(AugmentationStep.uniform(AugmentationKind.NOISE, 15, 35)),
            List.of(AugmentationStep.fixed(AugmentationKind.STRETCH, 0.8),
                    AugmentationStep.fixed(AugmentationKind.PITCH, 0.7))));

    private static final String NONE_SPEC = "none";
    private static final String BRIEF_SPEC = "brief";

    /**
     * @throws IllegalArgumentException if a recipe is empty
     * @throws NullPointerException     if the list, a recipe or a step is null
     */
    public AugmentationPolicy {
        Objects.requireNonNull(recipes, "recipes");
        List<List<AugmentationStep>> copied = new ArrayList<>(recipes.size());
        for (int i = 0; i < recipes.size(); i++) {
            List<AugmentationStep> r = recipes.get(i);
            if (r == null || r.isEmpty()) {
                throw new IllegalArgumentException("recipe " + i + " must have at least one step, found "
                        + (r == null ? "null" : "none"));
            }
            copied.add(List.copyOf(r)); // also rejects null steps
        }
        recipes = List.copyOf(copied);
    }

    /**
     * The policy written as {@code spec} (see {@link #GRAMMAR}): {@code "none"}, {@code "brief"} (both ignoring
     * case) or recipes of steps.
     *
     * @throws IllegalArgumentException naming the bad part and the grammar
     */
    public static AugmentationPolicy parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String s = spec.strip();
        if (s.equalsIgnoreCase(NONE_SPEC)) {
            return NONE;
        }
        if (s.equalsIgnoreCase(BRIEF_SPEC)) {
            return BRIEF;
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty augmentation policy (write 'none' for no augmentation);"
                    + " expected " + GRAMMAR);
        }
        List<List<AugmentationStep>> recipes = new ArrayList<>();
        for (String recipe : s.split(";", -1)) {
            List<AugmentationStep> steps = new ArrayList<>();
            for (String step : recipe.split(",", -1)) {
                if (step.isBlank()) {
                    throw new IllegalArgumentException("empty step in recipe '" + recipe.strip() + "' of '" + s
                            + "'; expected " + GRAMMAR);
                }
                String named = step.strip();
                if (named.equalsIgnoreCase(NONE_SPEC) || named.equalsIgnoreCase(BRIEF_SPEC)) {
                    throw new IllegalArgumentException("'" + named + "' in policy '" + s + "' is a whole policy and"
                            + " cannot be combined with other steps or recipes; expected " + GRAMMAR);
                }
                steps.add(AugmentationStep.parse(step, s, GRAMMAR));
            }
            recipes.add(steps);
        }
        return new AugmentationPolicy(recipes);
    }

    /**
     * The canonical spec: {@code "none"} for no copies, otherwise the recipes' steps in their
     * {@link AugmentationStep#spec()} form joined by {@code ','} within a recipe and {@code ';'} between them.
     * {@code parse(spec())} equals this policy. {@link #BRIEF} is written out in full rather than as
     * {@code "brief"}, so that a recorded spec keeps its meaning if the shorthand ever changes.
     */
    public String spec() {
        if (recipes.isEmpty()) {
            return NONE_SPEC;
        }
        return recipes.stream()
                .map(r -> r.stream().map(AugmentationStep::spec).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }

    /** How many augmented copies the policy makes of each training clip (the original not counted). */
    public int copies() {
        return recipes.size();
    }

    /**
     * Augmented copy number {@code copy} (from 0) of {@code clip}: recipe {@code copy}'s steps applied in order,
     * each drawing from its own random stream split off a generator seeded by {@code (seed, copy)}. The result
     * depends on nothing else (not on threads, call order or other copies), and one step's draws do not move
     * with the clip's length or with earlier steps' noise.
     *
     * <p>The draws do not depend on the clip either: pass a different seed per clip (e.g. a hash of its id
     * mixed with the run's seed), or every clip gets the same SNRs, rates and shifts. When every step of the
     * recipe draws "not applied" the result is {@code clip} itself (read-only by {@link PcmAudio}'s contract).
     *
     * @throws IllegalArgumentException if {@code copy} is not in {@code [0, copies())}
     */
    public PcmAudio apply(PcmAudio clip, long seed, int copy) {
        Objects.requireNonNull(clip, "clip");
        if (copy < 0 || copy >= recipes.size()) {
            throw new IllegalArgumentException("copy must be in [0, " + recipes.size() + ") for policy '"
                    + spec() + "', was " + copy);
        }
        SplittableRandom root = new SplittableRandom(mix(seed, copy));
        PcmAudio out = clip;
        for (AugmentationStep step : recipes.get(copy)) {
            out = step.apply(out, root.split());
        }
        return out;
    }

    /** One well-mixed 64-bit seed per (seed, copy) pair (SplitMix64's finaliser over a golden-ratio stride). */
    private static long mix(long seed, int copy) {
        long z = seed + 0x9E3779B97F4A7C15L * (copy + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
