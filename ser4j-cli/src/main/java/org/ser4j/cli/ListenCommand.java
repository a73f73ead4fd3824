package org.ser4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.Ser4jException;
import org.ser4j.core.audio.PcmSource;
import org.ser4j.recognizer.EmotionRecognizer;
import org.ser4j.recognizer.LiveResult;
import org.ser4j.recognizer.LiveSession;
import org.ser4j.recognizer.RecognitionJson;
import org.ser4j.recognizer.RecognizerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ser4j listen}: rolling recognition of the microphone (javax.sound), one line per window. {@code --input}
 * feeds a file or standard input through the same session instead, which is how it runs without a microphone.
 */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = {"Recognise the emotion of live microphone input: every hop, one line about the last "
                + "window (silence when nobody speaks). Stop with Ctrl-C.",
                "--input FILE (or -) replays a recording through the same path, as fast as it decodes."})
final class ListenCommand implements Callable<Integer> {

    /** The capture format asked of the sound card: 16-bit mono at the model's rate is what nearly all offer. */
    static final int CAPTURE_BITS = 16;

    /** Output formats. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    RecognizerOptions recognition;

    @Option(names = "--device", paramLabel = "NAME",
            description = "Capture device: a (part of a) name from --list-devices (default: the system's).")
    String device;

    @Option(names = "--list-devices", description = "List the capture devices and exit.")
    boolean listDevices;

    @Option(names = "--window", paramLabel = "S", defaultValue = "3",
            description = "Seconds of audio each line is about (default: ${DEFAULT-VALUE}).")
    double liveWindow;

    @Option(names = "--hop", paramLabel = "S",
            description = "Seconds between lines (default: the window, so windows do not overlap).")
    Double every;

    @Option(names = "--input", paramLabel = "FILE", description = "Read this recording (or - for standard "
            + "input) instead of a microphone.")
    Path input;

    @Option(names = "--duration", paramLabel = "S", description = "Stop after this many seconds of audio.")
    Double duration;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Lines as ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (listDevices) {
            captureDevices().forEach(m -> out.println(m.getName() + " - " + m.getDescription()));
            out.flush();
            return 0;
        }
        if (duration != null && !(duration > 0)) {
            throw new IllegalArgumentException("--duration must be positive, was " + duration);
        }
        try (EmotionRecognizer recognizer = recognition.recognizer(RecognizerConfig.builder())) {
            double hop = every == null ? liveWindow : every;
            if (input != null) {
                replay(recognizer, hop, out);
            } else {
                capture(recognizer, hop, out);
            }
        }
        return 0;
    }

    /** Feeds a recording through the live path. */
    private void replay(EmotionRecognizer recognizer, double hop, PrintWriter out) throws IOException,
            Ser4jException {
        AudioDecoder decoder = AudioDecoder.builder().optTargetSampleRate(recognizer.sampleRate()).build();
        try (PcmSource source = input.toString().equals("-") ? decoder.openMono(System.in)
                : decoder.openMono(input)) {
            LiveSession session = recognizer.live(source.info().sampleRate(), liveWindow, hop);
            long limit = limit(source.info().sampleRate());
            float[] block = new float[2048];
            long fed = 0;
            int n;
            while (fed < limit && (n = source.read(block, (int) Math.min(block.length, limit - fed))) >= 0) {
                print(session.accept(block, 0, n), out);
                fed += n;
            }
        }
    }

    /** Reads the microphone until interrupted or the duration is reached. */
    private void capture(EmotionRecognizer recognizer, double hop, PrintWriter out) throws Ser4jException {
        int rate = recognizer.sampleRate();
        AudioFormat format = new AudioFormat(rate, CAPTURE_BITS, 1, true, false);
        TargetDataLine line = openLine(format);
        LiveSession session = recognizer.live(rate, liveWindow, hop);
        byte[] bytes = new byte[rate / 10 * 2];
        float[] samples = new float[bytes.length / 2];
        long limit = limit(rate);
        long fed = 0;
        try {
            line.start();
            while (fed < limit && !Thread.currentThread().isInterrupted()) {
                int n = line.read(bytes, 0, bytes.length) / 2;
                for (int i = 0; i < n; i++) {
                    samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) / 32768f;
                }
                print(session.accept(samples, 0, n), out);
                fed += n;
            }
        } finally {
            line.close();
        }
    }

    private long limit(int rate) {
        return duration == null ? Long.MAX_VALUE : Math.round(duration * rate);
    }

    private TargetDataLine openLine(AudioFormat format) throws Ser4jException {
        DataLine.Info info = new DataLine.Info(TargetDataLine.class, format);
        try {
            if (device == null) {
                if (!AudioSystem.isLineSupported(info)) {
                    throw new Ser4jException("no microphone found: the system offers no capture line for "
                            + format + " (use --list-devices, or --input FILE to replay a recording)");
                }
                TargetDataLine line = (TargetDataLine) AudioSystem.getLine(info);
                line.open(format);
                return line;
            }
            for (Mixer.Info m : captureDevices()) {
                if (m.getName().toLowerCase(Locale.ROOT).contains(device.toLowerCase(Locale.ROOT))) {
                    TargetDataLine line = (TargetDataLine) AudioSystem.getMixer(m).getLine(info);
                    line.open(format);
                    return line;
                }
            }
            throw new Ser4jException("no capture device matches '" + device + "' (devices: "
                    + captureDevices().stream().map(Mixer.Info::getName).toList() + ")");
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new Ser4jException("cannot open the microphone: " + e.getMessage(), e);
        }
    }

    /** The mixers that can capture audio. */
    static List<Mixer.Info> captureDevices() {
        List<Mixer.Info> out = new ArrayList<>();
        for (Mixer.Info m : AudioSystem.getMixerInfo()) {
            if (AudioSystem.getMixer(m).getTargetLineInfo().length > 0) {
                out.add(m);
            }
        }
        return out;
    }

    private void print(List<LiveResult> results, PrintWriter out) {
        for (LiveResult r : results) {
            if (format == Format.json) {
                Map<String, Object> o = JsonLines.object();
                o.put("start_s", RecognitionJson.seconds(r.startSeconds()));
                o.put("end_s", RecognitionJson.seconds(r.endSeconds()));
                o.put("level_dbfs", Math.round(r.levelDbfs() * 10) / 10.0);
                o.put("speech", r.speech());
                if (r.speech()) {
                    RecognitionJson.putEstimate(o, r.estimate().orElseThrow());
                } else {
                    o.put("emotion", r.label());
                }
                JsonLines.print(out, o);
            } else {
                out.printf(Locale.ROOT, "%7.1f-%-7.1f %-9s %6s  %6.1f dBFS%n", r.startSeconds(), r.endSeconds(),
                        r.label(), r.estimate().map(e -> String.format(Locale.ROOT, "%5.1f%%",
                                100 * e.confidence())).orElse(""), r.levelDbfs());
                out.flush();
            }
        }
    }
}
