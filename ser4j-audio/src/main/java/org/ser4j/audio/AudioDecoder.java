package org.ser4j.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.audio.PcmSource;

/**
 * The decode stage: audio file or stream in, PCM out. The format is sniffed from the content (see
 * {@link org.ser4j.core.audio.AudioContainer} for what is supported), never taken from the file name, so an
 * AIFF file named {@code .wav} decodes as AIFF and a PNG named {@code .mp3} is reported as a PNG image.
 *
 * <p>{@link #decode(Path)} gives what {@code librosa.load(path, sr=None, mono=True)} gives (float32 samples
 * as soundfile reads them, channels averaged as {@code np.mean(y, axis=0)}), resampled when a target rate is
 * configured. {@link #open(Path)} streams raw interleaved frames at the file's rate, and {@link #probe(Path)}
 * reads what the header says.
 *
 * <p>Failures: {@link AudioDecodeException} (checked, with a {@link Problem} and a message fit to show a
 * person) for content that is empty, unsupported, damaged or too long; {@link java.io.IOException} for the
 * file system. A path that does not exist is a {@link NoSuchFileException}, a directory or an unreadable file
 * a {@link FileSystemException}, each with a message of the form {@code "PATH: no such file"}.
 *
 * <p>Lengths in headers are upper bounds, never trusted for allocation: a WAV/AIFF data chunk longer than
 * the file is read up to the end of the file, a file cut mid-frame yields its whole frames (the partial
 * trailing frame is dropped, as libsndfile does), and arrays grow as data arrives.
 *
 * <p>Immutable and thread-safe: one instance can decode many files at once.
 */
public final class AudioDecoder {

    /** Default {@link Builder#optMaxDurationSeconds(double)}: 3 hours. */
    public static final double DEFAULT_MAX_DURATION_SECONDS = 3 * 3600;

    /** Default {@link Builder#optMaxChannels(int)}: 64 (more than any speech recording has). */
    public static final int DEFAULT_MAX_CHANNELS = 64;

    /** Frames per block when decoding to a whole signal: 16 Ki frames keeps blocks in cache. */
    private static final int BLOCK_FRAMES = 1 << 14;

    /** The largest array the JVM reliably allocates. */
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    /** Buffer of the stream wrapped around a file or caller's stream: room for the sniffed head. */
    private static final int STREAM_BUFFER_BYTES = FormatSniffer.HEAD_BYTES;

    private static final AudioDecoder DEFAULTS = builder().build();

    private static final Map<AudioContainer, FormatDecoder> DECODERS = decoders();

    private final int targetSampleRate;
    private final double maxDurationSeconds;
    private final int maxChannels;

    private AudioDecoder(Builder builder) {
        this.targetSampleRate = builder.targetSampleRate;
        this.maxDurationSeconds = builder.maxDurationSeconds;
        this.maxChannels = builder.maxChannels;
    }

    /** A decoder with every default: the file's own rate, at most 3 hours, at most 64 channels. */
    public static AudioDecoder defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The rate {@link #decode(Path)} resamples to; empty when it keeps each file's own rate (the default). */
    public OptionalInt targetSampleRate() {
        return targetSampleRate == 0 ? OptionalInt.empty() : OptionalInt.of(targetSampleRate);
    }

    /** The longest audio accepted, in seconds. */
    public double maxDurationSeconds() {
        return maxDurationSeconds;
    }

    /** The most channels accepted. */
    public int maxChannels() {
        return maxChannels;
    }

    /**
     * What the file's header says: container, codec, rate, channels and length. Reads only the header, except
     * when the header does not give the length (streamed WAV/AIFF, MP3 without a Xing/LAME header, some Ogg):
     * then the audio is decoded, not kept, to count its frames, and the duration limit applies.
     *
     * <p>For WAV and AIFF the length is what the header declares; a damaged header can overstate it, while
     * {@link #decode(Path)} returns the frames really present.
     */
    public AudioInfo probe(Path path) throws IOException, AudioDecodeException {
        try (PcmSource source = open(path)) {
            return completeInfo(source);
        }
    }

    /** As {@link #probe(Path)}, on a stream, which it reads (up to the end when the length must be counted) and closes. */
    public AudioInfo probe(InputStream in) throws IOException, AudioDecodeException {
        try (PcmSource source = open(in)) {
            return completeInfo(source);
        }
    }

    /**
     * Opens a streaming source of raw interleaved float frames at the file's own rate and channel count (no
     * mix-down, no resampling). Reading past the duration limit throws {@link Problem#TOO_LONG}.
     * The caller closes the source.
     */
    public PcmSource open(Path path) throws IOException, AudioDecodeException {
        Objects.requireNonNull(path, "path");
        return open(openFile(path));
    }

    /**
     * As {@link #open(Path)}, on a stream positioned at the first byte of the audio. The source owns the stream
     * and closes it.
     */
    public PcmSource open(InputStream in) throws IOException, AudioDecodeException {
        Objects.requireNonNull(in, "in");
        InputStream buffered = new BufferedInputStream(in, STREAM_BUFFER_BYTES);
        PcmSource source = FormatDecoder.closingOnFailure(buffered,
                stream -> DECODERS.get(FormatSniffer.detect(stream)).open(stream));
        int channels = source.info().channels();
        if (channels > maxChannels) {
            source.close();
            throw new AudioDecodeException(Problem.UNSUPPORTED_ENCODING, "the audio has " + channels
                    + " channels, more than the configured limit of " + maxChannels);
        }
        return new LimitedSource(source, maxDurationSeconds);
    }

    /**
     * Decodes a whole file to a mono signal: channels averaged as librosa does ({@link org.ser4j.core.audio.Mixdown}), then resampled
     * to the target rate when one is set.
     *
     * @throws AudioDecodeException {@link Problem#EMPTY} when the file has no audio frame, and any problem
     *                              {@link #open(Path)} reports
     */
    public PcmAudio decode(Path path) throws IOException, AudioDecodeException {
        try (PcmSource source = open(path)) {
            return decode(source);
        }
    }

    /** As {@link #decode(Path)}, on a stream, which it reads to the end of the audio and closes. */
    public PcmAudio decode(InputStream in) throws IOException, AudioDecodeException {
        try (PcmSource source = open(in)) {
            return decode(source);
        }
    }

    /**
     * Opens a streaming mono source at the target rate (the file's own rate when none is set): what
     * {@link #decode(Path)} returns, but block by block, so an hour-long recording needs no more memory than
     * one block. The caller closes it.
     */
    public PcmSource openMono(Path path) throws IOException, AudioDecodeException {
        return new MonoSource(open(path), targetSampleRate, BLOCK_FRAMES);
    }

    /** As {@link #openMono(Path)}, on a stream, which the source owns and closes. */
    public PcmSource openMono(InputStream in) throws IOException, AudioDecodeException {
        return new MonoSource(open(in), targetSampleRate, BLOCK_FRAMES);
    }

    private PcmAudio decode(PcmSource raw) throws IOException, AudioDecodeException {
        try (PcmSource source = new MonoSource(raw, targetSampleRate, BLOCK_FRAMES)) {
            float[] block = new float[BLOCK_FRAMES];
            SampleBuffer out = new SampleBuffer();
            for (int n = source.read(block, BLOCK_FRAMES); n > 0; n = source.read(block, BLOCK_FRAMES)) {
                out.append(block, n);
            }
            if (out.length == 0) {
                AudioInfo info = raw.info();
                throw new AudioDecodeException(Problem.EMPTY, "no audio: the " + info.container().displayName()
                        + " content holds no audio frame");
            }
            return new PcmAudio(out.toArray(), source.info().sampleRate());
        }
    }

    /** A growable float array: a header's length may be a lie, so it never sizes an allocation. */
    private static final class SampleBuffer {
        private float[] data = new float[BLOCK_FRAMES];
        private int length;

        void append(float[] src, int n) throws AudioDecodeException {
            if ((long) length + n > data.length) {
                if ((long) length + n > MAX_ARRAY_LENGTH) {
                    throw new AudioDecodeException(Problem.TOO_LONG, "the audio has more than "
                            + MAX_ARRAY_LENGTH + " samples, the most a mono signal in one Java array can hold");
                }
                data = Arrays.copyOf(data, (int) Math.min(MAX_ARRAY_LENGTH,
                        Math.max(2L * data.length, (long) length + n)));
            }
            System.arraycopy(src, 0, data, length, n);
            length += n;
        }

        float[] toArray() {
            return Arrays.copyOf(data, length);
        }
    }

    private AudioInfo completeInfo(PcmSource source) throws IOException, AudioDecodeException {
        AudioInfo info = source.info();
        if (info.lengthKnown()) {
            return info;
        }
        float[] block = new float[BLOCK_FRAMES * info.channels()];
        long frames = 0;
        for (int n = source.read(block, BLOCK_FRAMES); n > 0; n = source.read(block, BLOCK_FRAMES)) {
            frames += n;
        }
        return info.withFrames(frames);
    }

    /** Opens a file for reading, with messages that say what is wrong with the path. */
    private static InputStream openFile(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new FileSystemException(path.toString(), null, "is a directory, not an audio file");
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file");
        }
        if (!Files.isReadable(path)) {
            throw new AccessDeniedException(path.toString(), null, "permission denied");
        }
        return Files.newInputStream(path);
    }

    private static Map<AudioContainer, FormatDecoder> decoders() {
        Map<AudioContainer, FormatDecoder> map = new EnumMap<>(AudioContainer.class);
        for (FormatDecoder d : new FormatDecoder[] {new WavDecoder(), new AiffDecoder(), new FlacDecoder(),
            new Mp3Decoder(), new VorbisDecoder(), new OpusDecoder()}) {
            map.put(d.container(), d);
        }
        for (AudioContainer c : AudioContainer.values()) {
            if (!map.containsKey(c)) {
                throw new IllegalStateException("no decoder registered for " + c);
            }
        }
        return map;
    }

    /** Enforces the duration limit on frames really decoded, so a lying header can neither pass nor fail it. */
    private static final class LimitedSource implements PcmSource {
        private final PcmSource inner;
        private final double maxSeconds;
        private final long maxFrames;
        private long frames;

        LimitedSource(PcmSource inner, double maxSeconds) {
            this.inner = inner;
            this.maxSeconds = maxSeconds;
            double limit = Math.floor(maxSeconds * inner.info().sampleRate());
            this.maxFrames = limit >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) limit;
        }

        @Override
        public AudioInfo info() {
            return inner.info();
        }

        @Override
        public int read(float[] dst, int maxFrames) throws IOException, AudioDecodeException {
            int n = inner.read(dst, maxFrames);
            if (n > 0) {
                frames += n;
                if (frames > this.maxFrames) {
                    throw new AudioDecodeException(Problem.TOO_LONG, "the audio is longer than the limit of "
                            + formatSeconds(maxSeconds) + " (more than " + this.maxFrames + " frames at "
                            + inner.info().sampleRate() + " Hz)");
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }

        private static String formatSeconds(double seconds) {
            return seconds == Math.rint(seconds) ? (long) seconds + " s" : seconds + " s";
        }
    }

    /**
     * Settings of an {@link AudioDecoder}; every one optional, with the defaults documented on each method.
     * Not thread-safe; {@link #build()} makes the immutable decoder.
     */
    public static final class Builder {
        private int targetSampleRate;
        private double maxDurationSeconds = DEFAULT_MAX_DURATION_SECONDS;
        private int maxChannels = DEFAULT_MAX_CHANNELS;

        private Builder() {
        }

        /**
         * Resample {@link AudioDecoder#decode(Path)} output to this rate (librosa's {@code sr=22050} default is
         * NOT mirrored: by default each file keeps its own rate, as {@code sr=None}).
         *
         * @throws IllegalArgumentException when {@code hz} is not positive
         */
        public Builder optTargetSampleRate(int hz) {
            if (hz <= 0) {
                throw new IllegalArgumentException("target sample rate must be positive, was " + hz);
            }
            this.targetSampleRate = hz;
            return this;
        }

        /** Keep each file's own rate (the default; librosa's {@code sr=None}). */
        public Builder optNativeSampleRate() {
            this.targetSampleRate = 0;
            return this;
        }

        /**
         * The longest audio accepted; longer audio fails with {@link Problem#TOO_LONG} once that much has been
         * decoded. Default {@link #DEFAULT_MAX_DURATION_SECONDS} (3 hours);
         * {@link Double#POSITIVE_INFINITY} for no limit.
         *
         * @throws IllegalArgumentException when not positive, or NaN
         */
        public Builder optMaxDurationSeconds(double seconds) {
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("max duration must be positive, was " + seconds);
            }
            this.maxDurationSeconds = seconds;
            return this;
        }

        /**
         * The most channels accepted; more fail with {@link Problem#UNSUPPORTED_ENCODING}. Default
         * {@link #DEFAULT_MAX_CHANNELS}; at most 1024, beyond which a header is
         * taken as damaged anyway.
         *
         * @throws IllegalArgumentException when not in 1..1024
         */
        public Builder optMaxChannels(int channels) {
            if (channels < 1 || channels > HeaderChecks.MAX_CHANNELS) {
                throw new IllegalArgumentException("max channels must be in 1.." + HeaderChecks.MAX_CHANNELS
                        + ", was " + channels);
            }
            this.maxChannels = channels;
            return this;
        }

        /** The immutable decoder. */
        public AudioDecoder build() {
            return new AudioDecoder(this);
        }
    }
}
