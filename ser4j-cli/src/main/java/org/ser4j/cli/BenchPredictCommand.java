package org.ser4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.Ser4jException;
import org.ser4j.recognizer.EmotionRecognizer;
import org.ser4j.recognizer.NoSpeechException;
import org.ser4j.recognizer.Recognition;
import org.ser4j.recognizer.RecognizerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ser4j bench predict}: end-to-end recognition speed (decode + VAD + features + model) on 3-second clips,
 * cold start of the {@code predict} command, peak memory, and one long recording, as one JSON line.
 *
 * <p>Cold start and the long recording run in child JVMs started from the same {@code java} binary and class
 * path with no JVM flags, so they measure what a user's {@code ser4j predict} costs and the long run's memory is
 * not mixed up with this process's clips.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Time emotion recognition end to end and print one JSON line: {\"p50_ms\",\"p99_ms\","
                + "\"clips_per_s_1t\",\"clips_per_s_2t\",\"cold_start_s\",\"peak_rss_mb\",\"long_wall_s\",...}; "
                + "a summary for people goes to stderr.",
                "Clips are synthetic speech-like 3 s WAVs generated in memory unless --data names real files."})
final class BenchPredictCommand implements Callable<Integer> {

    /** Length of each synthetic clip: the 3-second clip. */
    static final double CLIP_SECONDS = 3.0;
    /** Seed of the synthetic audio, so every run measures the same signal. */
    private static final long SEED = 20261122L;
    /** A child JVM that takes longer than this is killed and reported as a failure, never waited on forever. */
    private static final long CHILD_TIMEOUT_MINUTES = 30;

    @Spec
    CommandSpec spec;

    @Mixin
    RecognizerOptions recognition;

    @Option(names = "--clips", paramLabel = "N", defaultValue = "200",
            description = "Clips timed for latency and throughput (default: ${DEFAULT-VALUE}).")
    int clips;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "50",
            description = "Untimed calls first, so the JIT has compiled the hot loops (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Real audio instead of synthetic clips: the first --clips audio files under DIR, read "
                    + "into memory first so the disk is not measured.")
    Path data;

    @Option(names = "--long-seconds", paramLabel = "S", defaultValue = "3600",
            description = "Length of the synthetic long recording (speech with pauses) run in a child JVM; "
                    + "0 skips it (default: ${DEFAULT-VALUE}).")
    double longSeconds;

    @Option(names = "--no-cold-start", description = "Skip the cold-start measurement (a child JVM running "
            + "'ser4j predict' on one clip).")
    boolean noColdStart;

    /** Set only in the child JVM that recognises the long recording; not for people. */
    @Option(names = "--child-long", hidden = true, paramLabel = "FILE")
    Path childLong;

    @Override
    public Integer call() throws Exception {
        if (childLong != null) {
            return runLongChild();
        }
        if (clips < 1) {
            throw new ParameterException(spec.commandLine(), "--clips must be at least 1, was " + clips);
        }
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must be at least 0, was " + warmup);
        }
        if (!(longSeconds >= 0) || longSeconds > 3 * 3600) {
            throw new ParameterException(spec.commandLine(),
                    "--long-seconds must lie in [0, 10800] (the recogniser's limit), was " + longSeconds);
        }
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> o = JsonLines.object();
        try (EmotionRecognizer recognizer = recognition.recognizer(RecognizerConfig.builder())) {
            int rate = recognizer.sampleRate();
            List<byte[]> inputs = data == null ? syntheticClips(clips, rate) : readFiles(data, clips, err);
            double audioSeconds = data == null ? inputs.size() * CLIP_SECONDS : durationSeconds(inputs);
            if (inputs.isEmpty()) {
                err.println("ser4j: no audio file under " + data + "; nothing to measure");
                return ErrorHandler.EXIT_FAILED;
            }
            // The cold start goes first, while this process is idle, so the two JVMs do not share the cores.
            Double coldStart = noColdStart ? null : coldStartSeconds(rate);

            for (int i = 0; i < warmup; i++) {
                recognise(recognizer, inputs.get(i % inputs.size()));
            }
            long[] nanos = new long[inputs.size()];
            int noSpeech = 0;
            for (int i = 0; i < inputs.size(); i++) {
                long start = System.nanoTime();
                boolean heard = recognise(recognizer, inputs.get(i));
                nanos[i] = System.nanoTime() - start;
                noSpeech += heard ? 0 : 1;
            }
            Arrays.sort(nanos);
            double perSecond1 = throughput(recognizer, inputs, 1);
            double perSecond2 = throughput(recognizer, inputs, 2);
            Double peakRss = peakRssMegabytes();

            o.put("p50_ms", round(percentile(nanos, 0.50) / 1e6));
            o.put("p99_ms", round(percentile(nanos, 0.99) / 1e6));
            o.put("clips_per_s_1t", round(perSecond1));
            o.put("clips_per_s_2t", round(perSecond2));
            o.put("cold_start_s", coldStart == null ? null : round(coldStart));
            o.put("peak_rss_mb", peakRss == null ? null : round(peakRss));
            o.put("clips", inputs.size());
            o.put("clip_s", round(audioSeconds / inputs.size()));
            o.put("no_speech", noSpeech);
            o.put("warmup", warmup);
            o.put("source", data == null ? "synthetic" : data.toString());
            o.put("cores", Runtime.getRuntime().availableProcessors());
            o.put("java", System.getProperty("java.version"));
            if (longSeconds > 0) {
                JsonNode longRun = longRecording(rate, err);
                o.put("long_audio_s", round(longRun.get("audio_s").asDouble()));
                o.put("long_wall_s", round(longRun.get("wall_s").asDouble()));
                o.put("long_peak_rss_mb", longRun.get("peak_rss_mb").isNull() ? null
                        : round(longRun.get("peak_rss_mb").asDouble()));
                o.put("long_segments", longRun.get("segments").asInt());
            }
        }
        summarise(err, o);
        JsonLines.print(spec.commandLine().getOut(), o);
        return 0;
    }

    /** The clips over a fixed pool: each thread takes the next clip from a shared counter until none is left. */
    private static double throughput(EmotionRecognizer recognizer, List<byte[]> inputs, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<Void>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < inputs.size(); i = next.getAndIncrement()) {
                        recognise(recognizer, inputs.get(i));
                    }
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
            return inputs.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One end-to-end call on a clip's bytes. A clip the detector finds no speech in went through decoding and
     * detection like any other, and real corpora hold a few, so it is timed and counted rather than fatal.
     *
     * @return whether speech was found
     */
    private static boolean recognise(EmotionRecognizer recognizer, byte[] clip) throws IOException,
            Ser4jException {
        try {
            recognizer.recognize(new ByteArrayInputStream(clip));
            return true;
        } catch (NoSpeechException e) {
            return false;
        }
    }

    /** Total length of the clips, decoded once untimed; the ones that fail to decode fail here, not mid-run. */
    private static double durationSeconds(List<byte[]> clips) throws IOException, Ser4jException {
        AudioDecoder decoder = AudioDecoder.defaults();
        double total = 0;
        for (byte[] clip : clips) {
            total += decoder.decode(new ByteArrayInputStream(clip)).durationSeconds();
        }
        return total;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Seconds from just before a child JVM running {@code ser4j predict} on a 3 s clip starts to its exit. */
    private double coldStartSeconds(int rate) throws IOException, InterruptedException {
        Path wav = tempFile(".wav");
        Path out = tempFile(".out");
        try {
            Files.write(wav, Wav.bytes(SpeechLike.clip(new Random(SEED - 1), rate), rate));
            List<String> args = new ArrayList<>(List.of("predict", wav.toString()));
            args.addAll(recognizerArgs());
            long start = System.nanoTime();
            runChild(args, out);
            double seconds = (System.nanoTime() - start) / 1e9;
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            if (!printed.contains("\"emotion\"")) {
                throw new IOException("the cold-start child printed no result: expected a JSON line with "
                        + "\"emotion\", found '" + printed.strip() + "'");
            }
            return seconds;
        } finally {
            Files.deleteIfExists(wav);
            Files.deleteIfExists(out);
        }
    }

    /**
     * Writes the long recording to a temp file block by block (never an hour of samples in memory) and has a
     * child JVM recognise it; answers the child's own report.
     */
    private JsonNode longRecording(int rate, PrintWriter err) throws IOException, InterruptedException {
        Path wav = tempFile(".wav");
        Path out = tempFile(".out");
        try {
            err.printf(Locale.ROOT, "writing %.0f s of speech with pauses to %s%n", longSeconds, wav);
            err.flush();
            SpeechLike.writeRecording(wav, Math.round(longSeconds * rate), rate, new Random(SEED + 1));
            List<String> args = new ArrayList<>(List.of("bench", "predict", "--child-long", wav.toString()));
            args.addAll(recognizerArgs());
            runChild(args, out);
            String printed = Files.readString(out, StandardCharsets.UTF_8).strip();
            JsonNode report = new ObjectMapper().readTree(printed.isEmpty() ? "{}" : printed);
            for (String key : List.of("wall_s", "audio_s", "segments", "peak_rss_mb")) {
                if (!report.has(key)) {
                    throw new IOException("the long-recording child printed no report: expected a JSON line with "
                            + "\"" + key + "\", found '" + printed + "'");
                }
            }
            return report;
        } finally {
            Files.deleteIfExists(wav);
            Files.deleteIfExists(out);
        }
    }

    /** In the child JVM: recognise the long recording and print its wall time, segments and peak memory. */
    private int runLongChild() throws Exception {
        try (EmotionRecognizer recognizer = recognition.recognizer(RecognizerConfig.builder())) {
            long start = System.nanoTime();
            Recognition r = recognizer.recognize(childLong);
            double wall = (System.nanoTime() - start) / 1e9;
            Map<String, Object> o = JsonLines.object();
            o.put("wall_s", wall);
            o.put("audio_s", r.durationSeconds());
            o.put("segments", r.segments().size());
            o.put("peak_rss_mb", peakRssMegabytes());
            JsonLines.print(spec.commandLine().getOut(), o);
        }
        return 0;
    }

    /** The options that choose the recogniser, passed on so the children run the same model and detector. */
    private List<String> recognizerArgs() {
        List<String> args = new ArrayList<>();
        if (recognition.model != null) {
            args.addAll(List.of("--model", recognition.model.toAbsolutePath().toString()));
        }
        args.addAll(List.of("--vad", recognition.vad.name()));
        if (recognition.vadModel != null) {
            args.addAll(List.of("--vad-model", recognition.vadModel.toAbsolutePath().toString()));
        }
        return args;
    }

    /**
     * Runs {@code org.ser4j.cli.Main args} in a new JVM (this one's binary and class path, default flags), its
     * stdout to {@code out}, its stderr to ours; fails unless it exits 0 within the time limit.
     */
    private static void runChild(List<String> args, Path out) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            if (!child.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IOException("the child JVM '" + String.join(" ", args) + "' took longer than "
                        + CHILD_TIMEOUT_MINUTES + " minutes");
            }
            if (child.exitValue() != 0) {
                throw new IOException("the child JVM '" + String.join(" ", args) + "' exited with "
                        + child.exitValue() + ", expected 0 (its messages are above)");
            }
        } finally {
            child.destroyForcibly();
        }
    }

    /** A temp file that is also removed if this JVM is stopped before the {@code finally} that deletes it. */
    private static Path tempFile(String suffix) throws IOException {
        Path p = Files.createTempFile("ser4j-bench-", suffix);
        p.toFile().deleteOnExit();
        return p;
    }

    /** Peak resident set size of this process (VmHWM), or null where /proc does not tell (not Linux). */
    static Double peakRssMegabytes() {
        Path status = Path.of("/proc/self/status");
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0; // the kernel reports kB
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static List<byte[]> syntheticClips(int n, int rate) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Wav.bytes(SpeechLike.clip(new Random(SEED + 1000 + i), rate), rate));
        }
        return out;
    }

    private static List<byte[]> readFiles(Path dir, int n, PrintWriter err) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (Path file : InputFiles.expand(List.of(dir))) {
            if (out.size() == n) {
                break;
            }
            out.add(Files.readAllBytes(file));
        }
        if (!out.isEmpty() && out.size() < n) {
            err.println("ser4j: only " + out.size() + " audio files under " + dir + "; timing those");
        }
        return out;
    }

    private static void summarise(PrintWriter err, Map<String, Object> o) {
        err.printf(Locale.ROOT, "%d clips of %.2f s (%s; no speech found in %d), %d warm-up calls, %d cores%n",
                o.get("clips"), o.get("clip_s"), o.get("source"), o.get("no_speech"), o.get("warmup"), o.get("cores"));
        err.printf(Locale.ROOT, "latency, 1 thread:   p50 %s ms, p99 %s ms%n", o.get("p50_ms"), o.get("p99_ms"));
        err.printf(Locale.ROOT, "throughput:          %s clips/s on 1 thread, %s on 2%n", o.get("clips_per_s_1t"),
                o.get("clips_per_s_2t"));
        err.printf(Locale.ROOT, "cold start:          %s%n",
                o.get("cold_start_s") == null ? "skipped" : o.get("cold_start_s") + " s (ser4j predict, 1 clip)");
        err.printf(Locale.ROOT, "peak RSS:            %s%n",
                o.get("peak_rss_mb") == null ? "unavailable" : o.get("peak_rss_mb") + " MB");
        if (o.containsKey("long_wall_s")) {
            err.printf(Locale.ROOT, "long recording:      %s s of audio in %s s, %s segments, peak RSS %s MB%n",
                    o.get("long_audio_s"), o.get("long_wall_s"), o.get("long_segments"),
                    o.get("long_peak_rss_mb") == null ? "unavailable" : o.get("long_peak_rss_mb"));
        }
        err.flush();
    }

    private static double round(double v) {
        return BenchFeaturesCommand.round(v);
    }

    /** 16-bit mono PCM WAV: the header, then little-endian samples clipped to [-1, 1]. */
    static final class Wav {
        private Wav() {
        }

        static byte[] bytes(float[] pcm, int rate) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(44 + 2 * pcm.length);
            try {
                out.write(header(pcm.length, rate));
                out.write(samples(pcm, pcm.length));
            } catch (IOException e) {
                throw new IllegalStateException("a byte array stream cannot fail", e);
            }
            return out.toByteArray();
        }

        static byte[] header(long samples, int rate) {
            long dataBytes = 2 * samples;
            if (dataBytes + 36 > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("a RIFF WAV holds at most 4 GiB, asked for " + dataBytes
                        + " bytes of samples");
            }
            ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
            b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
            b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                    .putInt(rate).putInt(2 * rate).putShort((short) 2).putShort((short) 16);
            b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
            return b.array();
        }

        static byte[] samples(float[] pcm, int n) {
            ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                b.putShort((short) Math.round(32767 * Math.max(-1f, Math.min(1f, pcm[i]))));
            }
            return b.array();
        }
    }

    /**
     * Speech-like audio that exercises the whole pipeline as speech would: a sawtooth glottal source whose pitch
     * moves between 100 and 250 Hz, shaped by three formant resonators that glide between vowels, in syllables
     * of 150-300 ms (about 4 per second; one in five followed by a short gap; some opening with a fricative noise
     * burst), over a quiet noise floor.
     * Not speech, but the VAD hears it, pitch tracking finds a pitch, and the model gets a full feature vector.
     */
    static final class SpeechLike {
        /** F1-F3 of five vowels (Peterson and Barney's averages for men, rounded). */
        private static final double[][] VOWELS = {
            {730, 1090, 2440}, {270, 2290, 3010}, {300, 870, 2240}, {530, 1840, 2480}, {570, 840, 2410}};
        private static final double[] BANDWIDTHS = {80, 100, 150};
        /** Noise floor, about -60 dBFS RMS: quiet enough that the VAD sees pauses as silence. */
        private static final double NOISE = 0.001;
        /** Formant coefficients are recomputed every this many samples while they glide. */
        private static final int CONTROL_BLOCK = 32;
        /** Fade in and out at the ends of an utterance, so it does not start with a click. */
        private static final double FADE_SECONDS = 0.03;

        private SpeechLike() {
        }

        /** A 3-second clip: a short lead-in, an utterance, silence to the end, all over the noise floor. */
        static float[] clip(Random random, int rate) {
            int total = (int) Math.round(CLIP_SECONDS * rate);
            int lead = (int) Math.round((0.05 + 0.25 * random.nextDouble()) * rate);
            int speech = (int) Math.round((2.2 + 0.5 * random.nextDouble()) * rate);
            float[] out = new float[total];
            float[] u = utterance(random, Math.min(speech, total - lead), rate);
            System.arraycopy(u, 0, out, lead, u.length);
            addNoise(out, random);
            return out;
        }

        /**
         * Writes {@code samples} of utterances of 2-8 s separated by pauses of 0.5-3 s as a 16-bit WAV, one
         * utterance at a time, so memory stays at one utterance whatever the length.
         */
        static void writeRecording(Path file, long samples, int rate, Random random) throws IOException {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                out.write(Wav.header(samples, rate));
                long written = 0;
                while (written < samples) {
                    int pause = (int) Math.round((0.5 + 2.5 * random.nextDouble()) * rate);
                    int speech = (int) Math.round((2 + 6 * random.nextDouble()) * rate);
                    float[] block = new float[pause + speech];
                    float[] u = utterance(random, speech, rate);
                    System.arraycopy(u, 0, block, pause, speech);
                    addNoise(block, random);
                    int n = (int) Math.min(block.length, samples - written);
                    out.write(Wav.samples(block, n));
                    written += n;
                }
            }
        }

        /** One utterance of voiced syllables, normalised to a peak between 0.25 and 0.6. */
        static float[] utterance(Random random, int n, int rate) {
            float[] out = new float[n];
            double base = 110 + 80 * random.nextDouble();
            double swing = 0.1 + 0.2 * random.nextDouble();
            double melody = 0.4 + 0.8 * random.nextDouble();
            double melodyPhase = 2 * Math.PI * random.nextDouble();
            double[] formants = VOWELS[random.nextInt(VOWELS.length)].clone();
            double[] target = formants.clone();
            double[] y1 = new double[3];
            double[] y2 = new double[3];
            double[][] coeffs = new double[3][3];
            double phase = 0;
            double accent = 0;
            int syllableStart = 0;
            int syllableLength = 0;
            int voicedLength = 0;
            int burst = 0;
            for (int i = 0; i < n; i++) {
                if (i == syllableStart + syllableLength) {
                    syllableStart = i;
                    voicedLength = (int) Math.round((0.15 + 0.15 * random.nextDouble()) * rate);
                    // Most syllables run into the next, as in connected speech; a few end in a short pause.
                    syllableLength = voicedLength + (random.nextDouble() < 0.2
                            ? (int) Math.round((0.04 + 0.06 * random.nextDouble()) * rate) : 0);
                    target = VOWELS[random.nextInt(VOWELS.length)];
                    accent = random.nextDouble() < 0.3 ? 20 + 20 * random.nextDouble() : 0;
                    burst = random.nextDouble() < 0.4 ? (int) Math.round((0.03 + 0.05 * random.nextDouble()) * rate)
                            : 0;
                }
                if (i % CONTROL_BLOCK == 0) {
                    for (int f = 0; f < 3; f++) {
                        formants[f] += 0.15 * (target[f] - formants[f]); // a glide of about 10 ms
                        resonator(formants[f], BANDWIDTHS[f], rate, coeffs[f]);
                    }
                }
                double t = (double) i / rate;
                double within = (double) (i - syllableStart) / voicedLength;
                double f0 = base * (1 + swing * Math.sin(2 * Math.PI * melody * t + melodyPhase))
                        * (1 - 0.15 * i / n) + accent * Math.sin(Math.PI * Math.min(1, within));
                f0 = Math.max(100, Math.min(250, f0));
                phase += f0 / rate;
                phase -= Math.floor(phase);
                double fade = Math.min(1, Math.min(i, n - 1 - i) / (FADE_SECONDS * rate));
                double envelope = within < 1 ? fade * (0.35 + 0.65 * Math.sin(Math.PI * within)) : 0;
                double x = envelope * (2 * phase - 1);
                for (int f = 0; f < 3; f++) {
                    double y = coeffs[f][0] * x + coeffs[f][1] * y1[f] + coeffs[f][2] * y2[f];
                    y2[f] = y1[f];
                    y1[f] = y;
                    x = y;
                }
                if (i - syllableStart < burst) {
                    x += 0.3 * (random.nextDouble() - 0.5);
                }
                out[i] = (float) x;
            }
            normalise(out, 0.25 + 0.35 * random.nextDouble());
            return out;
        }

        /** Klatt's two-pole resonator: y[n] = a x[n] + b y[n-1] + c y[n-2], unit gain at 0 Hz. */
        private static void resonator(double frequency, double bandwidth, int rate, double[] abc) {
            double c = -Math.exp(-2 * Math.PI * bandwidth / rate);
            double b = 2 * Math.exp(-Math.PI * bandwidth / rate) * Math.cos(2 * Math.PI * frequency / rate);
            abc[0] = 1 - b - c;
            abc[1] = b;
            abc[2] = c;
        }

        private static void normalise(float[] x, double peak) {
            float max = 0;
            for (float v : x) {
                max = Math.max(max, Math.abs(v));
            }
            if (max > 0) {
                float gain = (float) (peak / max);
                for (int i = 0; i < x.length; i++) {
                    x[i] *= gain;
                }
            }
        }

        private static void addNoise(float[] x, Random random) {
            for (int i = 0; i < x.length; i++) {
                x[i] += (float) (NOISE * random.nextGaussian());
            }
        }
    }
}
