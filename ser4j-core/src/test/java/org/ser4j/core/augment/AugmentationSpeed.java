package org.ser4j.core.augment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.ser4j.core.audio.PcmAudio;

/**
 * A quick single-thread speed measurement (not a test: speed belongs to benchmarks). Prints milliseconds
 * per 3-second 16 kHz clip for each primitive and for the brief's policy, by wall clock and by the thread's
 * CPU time (the fairer figure on a machine shared with other work).
 *
 * <p>Run: {@code ./mvnw -q -o -pl ser4j-core test-compile} then
 * {@code java -cp ser4j-core/target/classes:ser4j-core/target/test-classes:<JTransforms jars>
 * org.ser4j.core.augment.AugmentationSpeed [seconds-per-measurement]}.
 */
public final class AugmentationSpeed {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private AugmentationSpeed() {
    }

    /** @param args optional seconds per measurement (default 2) */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        PcmAudio clip = Clips.voiced(48_000, 1);
        SplittableRandom rng = new SplittableRandom(1);
        measure("noise", seconds, a -> Augmentations.noise(a, 20, rng).samples()[0], clip);
        measure("shift", seconds, a -> Augmentations.shift(a, 1234).samples()[0], clip);
        measure("gain", seconds, a -> Augmentations.gain(a, 3).samples()[0], clip);
        measure("time stretch 0.8", seconds, a -> Augmentations.timeStretch(a, 0.8).samples()[0], clip);
        measure("time stretch 1.25", seconds, a -> Augmentations.timeStretch(a, 1.25).samples()[0], clip);
        measure("pitch shift 0.7 (cached ratio)", seconds, a -> Augmentations.pitchShift(a, 0.7).samples()[0], clip);
        measure("pitch shift random in -2..2", seconds,
                a -> Augmentations.pitchShift(a, rng.nextDouble(-2, 2)).samples()[0], clip);
        measure("pitch shift -3.86 (ratio 1121/897)", seconds,
                a -> Augmentations.pitchShift(a, -3.8600 + 1e-9 * rng.nextDouble()).samples()[0], clip);
        long[] counter = {0};
        measure("policy brief, both copies", seconds, a -> {
            long seed = counter[0]++;
            return AugmentationPolicy.BRIEF.apply(a, seed, 0).samples()[0]
                    + AugmentationPolicy.BRIEF.apply(a, seed, 1).samples()[0];
        }, clip);
    }

    private static void measure(String name, double seconds, ToDoubleFunction<PcmAudio> f, PcmAudio clip) {
        double sink = 0;
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        while (System.nanoTime() < warmEnd) {
            sink += f.applyAsDouble(clip);
        }
        int n = 0;
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            sink += f.applyAsDouble(clip);
            n++;
        }
        double ms = (System.nanoTime() - t0) / 1e6 / n;
        double cpuMs = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6 / n;
        System.out.printf(Locale.ROOT, "%-36s %8.3f ms wall, %8.3f ms CPU per 3 s clip  (%d runs, checksum %.3g)%n",
                name, ms, cpuMs, n, sink);
    }
}
