package org.ser4j.core.features;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.dsp.FloatMatrix;
import org.ser4j.core.dsp.Stft;

/**
 * A quick single-thread speed measurement (not a test: speed belongs to benchmarks). Prints how many times
 * faster than real time each step and each feature set runs on 3-second 16 kHz clips of noise and tones, by
 * wall clock and by the thread's CPU time (the fairer figure on a machine shared with other work).
 *
 * <p>Run: {@code ./mvnw -q -o -pl ser4j-core test-compile} then
 * {@code java -cp ser4j-core/target/classes:ser4j-core/target/test-classes:<JTransforms jars>
 * org.ser4j.core.features.FeatureSpeed [seconds-per-measurement]}.
 */
public final class FeatureSpeed {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FeatureSpeed() {
    }

    /** @param args optional seconds per measurement (default 3) */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        int sr = 16000;
        PcmAudio[] clips = new PcmAudio[20];
        Random r = new Random(1);
        for (int c = 0; c < clips.length; c++) {
            float[] y = new float[3 * sr];
            for (int i = 0; i < y.length; i++) {
                y[i] = (float) (0.05 * r.nextGaussian() + 0.2 * Math.sin(2 * Math.PI * (150 + 10 * c) * i / sr));
            }
            clips[c] = new PcmAudio(y, sr);
        }
        LibrosaFeatures lf = new LibrosaFeatures(FeatureConfig.defaults());
        FloatMatrix magnitude = lf.stft(clips[0], Stft.Scale.MAGNITUDE);
        FloatMatrix mel = lf.melSpectrogram(magnitude, Stft.Scale.MAGNITUDE, sr);
        FloatMatrix db = lf.powerToDb(mel);
        PcmAudio one = clips[0];

        measure("stft magnitude", seconds, clips, a -> lf.stft(a, Stft.Scale.MAGNITUDE).data()[0]);
        measure("mel from magnitude", seconds, new PcmAudio[] {one},
                a -> lf.melSpectrogram(magnitude, Stft.Scale.MAGNITUDE, sr).data()[0]);
        measure("power_to_db", seconds, new PcmAudio[] {one}, a -> lf.powerToDb(mel).data()[0]);
        measure("mfcc (dct)", seconds, new PcmAudio[] {one}, a -> lf.mfcc(db).data()[0]);
        measure("zcr", seconds, clips, a -> lf.zeroCrossingRate(a)[0]);
        measure("rms", seconds, clips, a -> lf.rms(a)[0]);
        measure("seed162 without chroma", seconds, clips, a -> seedWithoutChroma(lf, a));
        Yin yin = Yin.withDefaults(sr, FeatureConfig.DEFAULT_HOP_LENGTH);
        measure("yin", seconds, clips, a -> yin.compute(a.samples()).cmndMin()[0]);
        for (FeatureSet set : FeatureSet.values()) {
            FeatureExtractor x = FeatureExtractor.of(set, FeatureConfig.defaults());
            try {
                x.extract(one);
            } catch (UnsupportedOperationException e) {
                System.out.println(set + ": not measured (" + e.getMessage() + ")");
                continue;
            }
            measure(set.toString(), seconds, clips, a -> x.extract(a).values()[0]);
        }
    }

    private static double seedWithoutChroma(LibrosaFeatures lf, PcmAudio a) {
        FloatMatrix magnitude = lf.stft(a, Stft.Scale.MAGNITUDE);
        FloatMatrix mel = lf.melSpectrogram(magnitude, Stft.Scale.MAGNITUDE, a.sampleRate());
        double[] mfcc = lf.mfcc(lf.powerToDb(mel)).columnMeans();
        double[] melMeans = mel.columnMeans();
        return mfcc[0] + melMeans[0] + lf.zeroCrossingRate(a)[0] + lf.rms(a)[0];
    }

    /**
     * Runs {@code f} over the clips in rounds of about {@code seconds / 10} and reports the fastest round, by
     * wall clock and by thread CPU time: on a shared machine the best round is the one least disturbed.
     */
    private static void measure(String name, double seconds, PcmAudio[] clips, ToDoubleFunction<PcmAudio> f) {
        double sink = 0;
        for (int w = 0; w < 3; w++) { // warm-up so the JIT has compiled the loops
            for (PcmAudio c : clips) {
                sink += f.applyAsDouble(c);
            }
        }
        double bestWall = 0;
        double bestCpu = 0;
        for (int round = 0; round < 10; round++) {
            long start = System.nanoTime();
            long startCpu = THREADS.getCurrentThreadCpuTime();
            double audio = 0;
            double wall;
            do {
                for (PcmAudio c : clips) {
                    sink += f.applyAsDouble(c);
                    audio += c.durationSeconds();
                }
                wall = (System.nanoTime() - start) / 1e9;
            } while (wall < seconds / 10);
            double cpu = (THREADS.getCurrentThreadCpuTime() - startCpu) / 1e9;
            bestWall = Math.max(bestWall, audio / wall);
            bestCpu = Math.max(bestCpu, audio / cpu);
        }
        System.out.printf(Locale.ROOT, "%-24s %8.0f x real time by wall clock, %8.0f x by thread CPU time"
                + " (best of 10 rounds; %.1f us CPU per audio second)%s%n", name, bestWall, bestCpu, 1e6 / bestCpu,
                sink == 42.4242 ? "!" : "");
    }
}
