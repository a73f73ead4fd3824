package org.ser4j.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Audio for the server tests: the repository's example clips and WAVs written here with javax.sound. */
final class Fixtures {

    static final Path EXAMPLES = Path.of("..", "examples");

    private Fixtures() {
    }

    static byte[] speechWav() {
        return read(EXAMPLES.resolve("speech.wav"));
    }

    static byte[] speechMp3() {
        return read(EXAMPLES.resolve("speech.mp3"));
    }

    /** A 16-bit mono WAV of digital silence. */
    static byte[] silenceWav(double seconds) {
        int rate = 16000;
        return wav(new byte[(int) (seconds * rate) * 2], rate);
    }

    /** The example WAV's samples, decoded by javax.sound and written back repeatedly: a longer speech clip. */
    static byte[] repeatedSpeechWav(int times) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(EXAMPLES.resolve("speech.wav").toFile())) {
            byte[] pcm = in.readAllBytes();
            byte[] out = new byte[pcm.length * times];
            for (int i = 0; i < times; i++) {
                System.arraycopy(pcm, 0, out, i * pcm.length, pcm.length);
            }
            return wav(out, (int) in.getFormat().getSampleRate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first bytes of the example WAV: a header cut in the middle. */
    static byte[] truncatedWav() {
        return Arrays.copyOf(speechWav(), 30);
    }

    static byte[] text() {
        return "This is not audio at all, only a few lines of plain text.\nSecond line.\n".repeat(20)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] wav(byte[] pcm16, int rate) {
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm16), format, pcm16.length / 2)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
