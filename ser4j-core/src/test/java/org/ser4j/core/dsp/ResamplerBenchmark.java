package org.ser4j.core.dsp;

import java.util.Random;

/**
 * Rough single-thread throughput of {@link Resampler}, as multiples of real time. Not a test (speed is not
 * asserted); run with {@code java -cp ser4j-core/target/classes:ser4j-core/target/test-classes
 * org.ser4j.core.dsp.ResamplerBenchmark}.
 */
public final class ResamplerBenchmark {

    private ResamplerBenchmark() {
    }

    /** Prints x-real-time for the common ratios to 16 kHz, one-shot and streamed in 4096-sample chunks. */
    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int[][] ratios = {{48000, 16000}, {44100, 16000}, {24414, 16000}, {22050, 16000}, {8000, 16000},
            {16000, 8000}, {16000, 48000}, {44101, 16000}};
        Random rnd = new Random(1);
        double checksum = 0;
        for (int[] r : ratios) {
            float[] x = new float[r[0] * seconds];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rnd.nextGaussian() * 0.1f;
            }
            double sink = 0;
            for (int warm = 0; warm < 2; warm++) {
                sink += Resampler.resample(x, r[0], r[1])[0];
            }
            long t0 = System.nanoTime();
            sink += Resampler.resample(x, r[0], r[1])[0];
            double oneShot = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            Resampler.Stream s = new Resampler.Stream(r[0], r[1]);
            for (int pos = 0; pos < x.length; pos += 4096) {
                float[] y = s.process(x, pos, Math.min(4096, x.length - pos));
                sink += y.length;
            }
            sink += s.flush().length;
            double streamed = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%6d -> %5d Hz: one-shot %6.0fx real time, streamed %6.0fx  (%s)%n", r[0], r[1],
                    seconds / oneShot, seconds / streamed,
                    PolyphaseFilter.forRatio(r[1] / gcd(r[0], r[1]), r[0] / gcd(r[0], r[1])).getClass().getSimpleName());
            checksum += sink; // printed below so the JIT cannot discard the work
        }
        System.out.println("checksum " + checksum);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
