package org.ser4j.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.PcmSource;

/**
 * Test helpers for the codec fixtures in {@code fixtures/codecs/} (made by {@code make-codec-fixtures.sh}):
 * loading, decoding whole streams, the analytic chirp the script also writes, a minimal PCM WAV reader for
 * the committed references, and the signal comparisons the tests use.
 */
final class CodecFixtures {

    private CodecFixtures() {
    }

    /** A decoded stream: what the header said, what came out (interleaved), and the info at the end. */
    record Decoded(AudioInfo info, float[] samples, int channels, AudioInfo infoAtEnd) {
        int frames() {
            return samples.length / channels;
        }

        /** One channel, de-interleaved. */
        double[] channel(int c) {
            double[] x = new double[frames()];
            for (int i = 0; i < x.length; i++) {
                x[i] = samples[i * channels + c];
            }
            return x;
        }
    }

    static byte[] bytes(String name) {
        try (InputStream in = CodecFixtures.class.getResourceAsStream("/fixtures/codecs/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Decoded decode(FormatDecoder decoder, byte[] data) throws IOException, AudioDecodeException {
        return decode(decoder, new ByteArrayInputStream(data));
    }

    /** Decodes everything, reading in odd-sized blocks so block boundaries get exercised. */
    static Decoded decode(FormatDecoder decoder, InputStream in) throws IOException, AudioDecodeException {
        try (PcmSource src = decoder.open(in)) {
            AudioInfo info = src.info();
            int ch = info.channels();
            float[] buf = new float[777 * ch];
            float[] all = new float[4096];
            int size = 0;
            int n;
            while ((n = src.read(buf, 777)) >= 0) {
                if (n == 0) {
                    throw new AssertionError("read returned 0 for a positive request");
                }
                if (size + n * ch > all.length) {
                    all = Arrays.copyOf(all, Math.max(all.length * 2, size + n * ch));
                }
                System.arraycopy(buf, 0, all, size, n * ch);
                size += n * ch;
            }
            return new Decoded(info, Arrays.copyOf(all, size), ch, src.info());
        }
    }

    /** How decoding damaged data ended: the exception, after how many good samples (all channels). */
    record Failure(AudioDecodeException exception, int samplesDelivered) {
        Problem problem() {
            return exception.problem();
        }
    }

    /**
     * Decodes damaged data until the source throws, checking that every sample delivered first equals the
     * decode of the undamaged file; fails if no exception comes.
     */
    static Failure decodeUntilFailure(FormatDecoder decoder, byte[] damaged, float[] undamaged) throws IOException {
        PcmSource src;
        try {
            src = decoder.open(new ByteArrayInputStream(damaged));
        } catch (AudioDecodeException e) {
            return new Failure(e, 0);
        }
        try (src) {
            int ch = src.info().channels();
            float[] buf = new float[1000 * ch];
            int at = 0;
            while (true) {
                int n;
                try {
                    n = src.read(buf, 1000);
                } catch (AudioDecodeException e) {
                    return new Failure(e, at);
                }
                if (n < 0) {
                    throw new AssertionError("damage not reported; " + at + " samples decoded");
                }
                for (int i = 0; i < n * ch; i++, at++) {
                    if (at >= undamaged.length || undamaged[at] != buf[i]) {
                        throw new AssertionError("sample " + at + " differs from the undamaged decode");
                    }
                }
            }
        }
    }

    /** Reads an integer PCM WAV (16 or 24 bit) as interleaved integer samples. */
    static int[] wavSamples(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        b.position(12);
        int bits = 0;
        while (b.remaining() >= 8) {
            int id = b.getInt(b.position());
            int size = b.getInt(b.position() + 4);
            b.position(b.position() + 8);
            if (id == 0x20746d66) { // "fmt "
                bits = b.getShort(b.position() + 14);
            } else if (id == 0x61746164) { // "data"
                int width = bits / 8;
                int[] out = new int[size / width];
                for (int i = 0; i < out.length; i++) {
                    int p = b.position() + i * width;
                    int v = 0;
                    for (int k = width - 1; k >= 0; k--) {
                        v = (v << 8) | (wav[p + k] & 0xff);
                    }
                    out[i] = (v << (32 - bits)) >> (32 - bits);
                }
                return out;
            }
            b.position(b.position() + size + (size & 1));
        }
        throw new IllegalArgumentException("no data chunk");
    }

    /** A reference WAV as doubles in [-1, 1], one channel de-interleaved. */
    static double[] wavChannel(String name, int channels, int channel, int bits) {
        int[] s = wavSamples(bytes(name));
        double[] x = new double[s.length / channels];
        double scale = 1.0 / (1 << (bits - 1));
        for (int i = 0; i < x.length; i++) {
            x[i] = s[i * channels + channel] * scale;
        }
        return x;
    }

    /** The chirp of make-codec-fixtures.sh: linear sweep with 10 ms raised-cosine fades. */
    static double[] chirp(int rate, double seconds, double f0, double f1, double amp) {
        int n = (int) Math.round(rate * seconds);
        int fade = (int) Math.round(0.010 * rate);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            x[i] = amp * Math.sin(2 * Math.PI * (f0 * t + (f1 - f0) / (2 * seconds) * t * t));
        }
        for (int i = 0; i < fade; i++) {
            double r = 0.5 - 0.5 * Math.cos(Math.PI * i / fade);
            x[i] *= r;
            x[n - 1 - i] *= r;
        }
        return x;
    }

    /** The script's left chirp (200 to 6000 Hz, amplitude 0.5). */
    static double[] leftChirp(int rate, double seconds) {
        return chirp(rate, seconds, 200.0, 6000.0, 0.5);
    }

    /** The script's right chirp (5000 down to 300 Hz, amplitude 0.4). */
    static double[] rightChirp(int rate, double seconds) {
        return chirp(rate, seconds, 5000.0, 300.0, 0.4);
    }

    /** The lag (in samples, within +-maxLag) at which {@code x} best matches {@code ref}: x[i + lag] ~ ref[i]. */
    static int bestLag(double[] ref, double[] x, int maxLag) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double s = 0;
            for (int i = 0; i < ref.length; i++) {
                int j = i + lag;
                if (j >= 0 && j < x.length) {
                    s += ref[i] * x[j];
                }
            }
            if (s > bestValue) {
                bestValue = s;
                best = lag;
            }
        }
        return best;
    }

    /** Signal-to-noise ratio in dB of {@code x} against {@code ref} over their common length, at lag 0. */
    static double snrDb(double[] ref, double[] x) {
        int n = Math.min(ref.length, x.length);
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < n; i++) {
            signal += ref[i] * ref[i];
            double d = x[i] - ref[i];
            noise += d * d;
        }
        return 10 * Math.log10(signal / noise);
    }
}
