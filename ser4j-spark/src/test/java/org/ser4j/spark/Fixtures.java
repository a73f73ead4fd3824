package org.ser4j.spark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.Ser4jException;

/** Audio written for the tests, and the tests' Spark session. */
final class Fixtures {

    /** The repository's example recording: 2.2 s of speech at 16 kHz. */
    static final Path SPEECH = Path.of("..", "examples", "speech.wav");
    static final Path SPEECH_MP3 = Path.of("..", "examples", "speech.mp3");

    private Fixtures() {
    }

    /** A local session on two cores, as small as Spark allows. */
    static SparkSession session() {
        return SparkSession.builder().master("local[2]").appName("ser4j-spark tests")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    /**
     * A folder of five files: the example as WAV and MP3, a long recording (the example three times with 1.5 s of
     * silence between, so it gets a timeline), a text file named .wav (an error row) and a README (not audio by
     * its name, so not listed).
     */
    static Path archive(Path dir) throws IOException, Ser4jException {
        Files.createDirectories(dir);
        Files.copy(SPEECH, dir.resolve("speech.wav"));
        Files.copy(SPEECH_MP3, dir.resolve("speech.mp3"));
        float[] speech = AudioDecoder.builder().optTargetSampleRate(16000).build().decode(SPEECH).samples();
        int gap = 24000;
        float[] longer = new float[3 * speech.length + 2 * gap];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(speech, 0, longer, i * (speech.length + gap), speech.length);
        }
        writeWav(dir.resolve("long.wav"), longer, 16000);
        Files.writeString(dir.resolve("broken.wav"), "this is a text file, not audio\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.txt"), "notes\n", StandardCharsets.UTF_8);
        return dir;
    }

    /** Writes 16-bit mono PCM WAV. */
    static void writeWav(Path file, float[] samples, int rate) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(2 * rate)
                .putShort((short) 2).putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(2 * samples.length);
        for (float s : samples) {
            b.putShort((short) Math.round(Math.max(-1, Math.min(1, s)) * 32767));
        }
        Files.write(file, b.array());
    }

    /** The URI string Spark's binaryFile source gives a local file. */
    static String sparkPath(Path file) {
        return new org.apache.hadoop.fs.Path(file.toAbsolutePath().normalize().toUri()).toString();
    }
}
