package org.ser4j.core.augment;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ser4j.core.audio.PcmAudio;

/**
 * One step of an augmentation recipe: with probability {@code probability}, apply {@code kind} with its
 * parameter drawn uniformly from {@code [min, max]} (a fixed value when they are equal). Units are the
 * kind's: dB of SNR, seconds of shift, stretch rate, semitones, dB of gain (see {@link AugmentationKind}).
 *
 * @param kind        the transformation
 * @param min         lowest parameter value; finite; for {@link AugmentationKind#STRETCH} positive
 * @param max         highest parameter value; finite, at least {@code min}
 * @param probability chance that the step is applied at all, in (0, 1]
 */
public record AugmentationStep(AugmentationKind kind, double min, double max, double probability) {

    /** The grammar of {@link #parse} (and of one step in {@link AugmentationPolicy#GRAMMAR}). */
    public static final String GRAMMAR = "step := kind ':' [param '='] number ['..' number] ['@' probability],"
            + " with kind:param one of noise:snr (dB), shift:seconds (or shift:max=S for -S..S),"
            + " stretch:rate, pitch:semitones, gain:db";

    private static final String NUMBER = "[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?";
    private static final Pattern STEP = Pattern.compile("\\s*([A-Za-z]+)\\s*:\\s*(?:([A-Za-z]+)\\s*=\\s*)?("
            + NUMBER + ")\\s*(?:\\.\\.\\s*(" + NUMBER + ")\\s*)?(?:@\\s*(" + NUMBER + ")\\s*)?");
    /** The shift sugar {@code max=S}, meaning seconds in {@code [-S, S]}. */
    private static final String SYMMETRIC = "max";

    /**
     * @throws IllegalArgumentException if the range or probability is out of bounds, saying which and what was
     *                                  found
     */
    public AugmentationStep {
        Objects.requireNonNull(kind, "kind");
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException(kind.label() + ": expected a finite range min <= max, found "
                    + min + ".." + max);
        }
        if (kind == AugmentationKind.STRETCH && !(min > 0)) {
            throw new IllegalArgumentException("stretch: expected a positive rate, found " + min);
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException(kind.label() + ": expected a probability in (0, 1], found "
                    + probability);
        }
        // -0.0 and 0.0 print alike; keep one of them so that parse(spec()) equals the original
        min += 0.0;
        max += 0.0;
    }

    /** A step that always applies {@code kind} with the parameter drawn uniformly from {@code [min, max]}. */
    public static AugmentationStep uniform(AugmentationKind kind, double min, double max) {
        return new AugmentationStep(kind, min, max, 1.0);
    }

    /** A step that always applies {@code kind} with the parameter {@code value}. */
    public static AugmentationStep fixed(AugmentationKind kind, double value) {
        return new AugmentationStep(kind, value, value, 1.0);
    }

    /** This step applied with probability {@code p} instead. */
    public AugmentationStep withProbability(double p) {
        return new AugmentationStep(kind, min, max, p);
    }

    /**
     * Draws whether to apply the step (only when {@code probability < 1}) and its parameter (only when
     * {@code min < max}) from {@code rng}, then applies it; {@code clip} itself when the draw says no.
     */
    public PcmAudio apply(PcmAudio clip, RandomGenerator rng) {
        if (probability < 1 && rng.nextDouble() >= probability) {
            return clip;
        }
        double value = min == max ? min : min + (max - min) * rng.nextDouble();
        return kind.apply(clip, value, rng);
    }

    /**
     * The canonical spec: {@code kind:param=min..max}, or {@code kind:param=value} for a fixed value,
     * {@code shift:max=S} for a shift symmetric about zero, then {@code @probability} when below 1. Numbers are
     * written in the shortest decimal form that parses back to the same double.
     */
    public String spec() {
        StringBuilder s = new StringBuilder(kind.label()).append(':');
        if (kind == AugmentationKind.SHIFT && min == -max && max > 0) {
            s.append(SYMMETRIC).append('=').append(format(max));
        } else {
            s.append(kind.parameter()).append('=').append(format(min));
            if (max != min) {
                s.append("..").append(format(max));
            }
        }
        if (probability < 1) {
            s.append('@').append(format(probability));
        }
        return s.toString();
    }

    /**
     * The step written as {@code spec}: see {@link #GRAMMAR}. The parameter name may be left out; kind and
     * parameter names ignore case; blanks around the parts are allowed.
     *
     * @throws IllegalArgumentException naming the problem and the grammar
     */
    public static AugmentationStep parse(String spec) {
        return parse(spec, null, GRAMMAR);
    }

    /** {@link #parse(String)} of one step of {@code policy}, with that context and grammar in the errors. */
    static AugmentationStep parse(String spec, String policy, String grammar) {
        Objects.requireNonNull(spec, "spec");
        Errors bad = new Errors(spec, policy, grammar);
        Matcher m = STEP.matcher(spec);
        if (!m.matches()) {
            throw bad.because("not of the form kind:param=min..max@probability");
        }
        AugmentationKind kind;
        try {
            kind = AugmentationKind.parse(m.group(1));
        } catch (IllegalArgumentException e) {
            throw bad.because(e.getMessage());
        }
        String param = m.group(2);
        double lo = Double.parseDouble(m.group(3));
        double hi = m.group(4) == null ? lo : Double.parseDouble(m.group(4));
        double p = m.group(5) == null ? 1.0 : Double.parseDouble(m.group(5));
        if (param != null && kind == AugmentationKind.SHIFT && param.equalsIgnoreCase(SYMMETRIC)) {
            if (m.group(4) != null || lo < 0) {
                throw bad.because("shift:max takes one non-negative number of seconds, found '" + m.group(3)
                        + (m.group(4) == null ? "" : ".." + m.group(4)) + "'");
            }
            hi = lo;
            lo = -lo;
        } else if (param != null && !param.equalsIgnoreCase(kind.parameter())) {
            throw bad.because(kind.label() + " has parameter '" + kind.parameter()
                    + (kind == AugmentationKind.SHIFT ? "' or '" + SYMMETRIC : "") + "', found '" + param + "'");
        }
        try {
            return new AugmentationStep(kind, lo, hi, p);
        } catch (IllegalArgumentException e) {
            throw bad.because(e.getMessage());
        }
    }

    /** Builds parse errors that quote the step, the policy it sits in (if any) and the grammar. */
    private record Errors(String spec, String policy, String grammar) {
        IllegalArgumentException because(String why) {
            return new IllegalArgumentException("bad augmentation step '" + spec.strip() + "'"
                    + (policy == null ? "" : " in policy '" + policy + "'") + ": " + why + "; expected " + grammar);
        }
    }

    private static String format(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
