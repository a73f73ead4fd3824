package org.ser4j.core.features;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.ser4j.core.dsp.FloatMatrix;

/**
 * Cost per frame of {@link ChromaStft} on one thread, in thread CPU time (not a test: run its {@code main} from the test classpath).
 * The input is 60 s of harmonic "voiced" frames over noise at 16 kHz, already transformed, so only the tuning
 * estimate and the chroma projection are timed.
 */
public final class ChromaStftBenchmark {

    private ChromaStftBenchmark() {
    }

    /** Prints microseconds per 2048-point frame for the tuning estimate, the projection and the whole chroma. */
    public static void main(String[] args) {
        float[] y = voicedNoise(60, new Random(162));
        FloatMatrix magnitude = Signals.magnitude(y);
        ChromaStft chroma = new ChromaStft(Signals.RATE, Signals.N_FFT, 12);
        TuningEstimator tuning = new TuningEstimator(Signals.RATE, 12);
        ChromaFilterBank bank = chroma.filterBank(chroma.estimateTuning(magnitude));
        int frames = magnitude.rows();
        double sink = 0;
        for (int round = 0; round < 5; round++) {
            long t0 = cpu();
            for (int i = 0; i < 10; i++) {
                sink += tuning.estimate(magnitude);
            }
            long t1 = cpu();
            for (int i = 0; i < 10; i++) {
                sink += bank.apply(magnitude).data()[7];
            }
            long t2 = cpu();
            for (int i = 0; i < 10; i++) {
                sink += chroma.compute(magnitude).data()[7];
            }
            long t3 = cpu();
            System.out.printf("round %d: tuning %.2f us/frame, projection %.2f us/frame, chroma_stft %.2f us/frame%n",
                    round, (t1 - t0) / 1e3 / (10.0 * frames), (t2 - t1) / 1e3 / (10.0 * frames),
                    (t3 - t2) / 1e3 / (10.0 * frames));
        }
        System.out.println("(" + frames + " frames, checksum " + sink + ")");
    }

    /** Thread CPU time, so that other processes on a shared machine do not count. */
    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static float[] voicedNoise(int seconds, Random random) {
        float[] y = new float[seconds * Signals.RATE];
        double phase = 0;
        for (int i = 0; i < y.length; i++) {
            double f0 = 120 + 60 * Math.sin(2 * Math.PI * 0.7 * i / Signals.RATE);
            phase += 2 * Math.PI * f0 / Signals.RATE;
            double v = 0;
            for (int h = 1; h <= 20; h++) {
                v += Math.sin(h * phase) / h;
            }
            y[i] = (float) (0.3 * v + 0.05 * random.nextGaussian());
        }
        return y;
    }
}
