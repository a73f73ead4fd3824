package org.ser4j.audio;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.JavaLayerException;
import javazoom.jl.decoder.Obuffer;
import javazoom.jl.decoder.SampleBuffer;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.PcmSource;

/**
 * MPEG-1/2/2.5 Layer III through JLayer's low-level decoder, fed one whole frame at a time by
 * {@link Mp3FrameReader} (which does the syncing, junk skipping and truncation detection JLayer does not).
 *
 * <p><b>Gapless trimming</b>, as ffmpeg does it: with a LAME (or Lavf/Lavc) tag in the Xing/Info frame, the
 * first {@code encoder_delay + 529} decoded samples are dropped (529 = the decoder's own delay, 528 + 1 by
 * the LAME convention) and the output ends at {@code frames * samples_per_frame + 529 - padding}, so the
 * output lines up with the encoder's input sample for sample and has its length,
 * {@code frames * spf - delay - padding}. Without a LAME tag nothing says how much to trim and every decoded
 * sample is returned (ffmpeg does the same), so the audio starts late by the encoder and decoder delays
 * (576 + 529 samples for LAME). The tag frame itself is never decoded: it holds no audio.
 *
 * <p>Only Layer III is decoded; Layer I/II streams are {@link Problem#UNSUPPORTED_ENCODING}. JLayer yields
 * 16-bit samples, scaled by 1/32768. Damage: data that ends inside a frame is {@link Problem#TRUNCATED}
 * (after the complete frames have been returned). Junk between frames is skipped (real files have it), and
 * so is junk at the end, unless the Xing header's frame count shows that audio frames are missing, which is
 * {@link Problem#MALFORMED}; without a frame count, junk replacing the end of the audio cannot be told from
 * trailing junk. Data that simply stops at a frame boundary ends the audio there (Xing counts are advisory;
 * ffmpeg does the same). A frame JLayer cannot decode is {@link Problem#MALFORMED}.
 */
final class Mp3Decoder implements FormatDecoder {

    /** Decoder delay of the standard polyphase synthesis, as mpg123 and ffmpeg count it (528 + 1). */
    static final int DECODER_DELAY = 529;

    @Override
    public AudioContainer container() {
        return AudioContainer.MP3;
    }

    @Override
    public PcmSource open(InputStream in) throws IOException, AudioDecodeException {
        try {
            return openSource(in);
        } catch (IOException | AudioDecodeException | RuntimeException e) {
            in.close();
            if (e instanceof RuntimeException) {
                throw new AudioDecodeException(Problem.MALFORMED, "MP3 header data is damaged (" + e + ")", e);
            }
            throw e;
        }
    }

    private static PcmSource openSource(InputStream raw) throws IOException, AudioDecodeException {
        LookaheadInputStream in = new LookaheadInputStream(raw, 16384);
        Mp3FrameReader reader = new Mp3FrameReader(in);
        Mp3FrameReader.Frame first;
        try {
            first = reader.next().orElseThrow(() -> noFrames(reader));
        } catch (AudioDecodeException e) {
            throw e.problem() == Problem.MALFORMED && reader.skippedTag() ? noFrames(reader) : e;
        }
        Mp3FrameHeader h = first.header();
        if (h.layer() != 3) {
            throw new AudioDecodeException(Problem.UNSUPPORTED_ENCODING, h.version().displayName() + " Layer "
                    + "I".repeat(h.layer()) + " audio is not supported; only Layer III (MP3) is decoded");
        }
        Optional<XingHeader> xing = XingHeader.parse(first);
        Mp3FrameReader.Frame firstAudio = xing.isPresent()
                ? reader.next().orElseThrow(() -> new AudioDecodeException(Problem.EMPTY,
                        "MP3 file holds only its Xing/Info tag frame, no audio frames"))
                : first;

        long frames = AudioInfo.UNKNOWN_LENGTH;
        long skip = 0;
        long end = Long.MAX_VALUE;
        if (xing.isPresent() && xing.get().frames() >= 0) {
            long decodable = xing.get().frames() * h.samplesPerFrame();
            if (xing.get().gapless()) {
                skip = xing.get().encoderDelay() + DECODER_DELAY;
                end = decodable + DECODER_DELAY - xing.get().padding();
                frames = Math.max(0, decodable - xing.get().encoderDelay() - xing.get().padding());
            } else {
                frames = decodable;
            }
        } else if (xing.isPresent() && xing.get().gapless()) {
            skip = xing.get().encoderDelay() + DECODER_DELAY;
        }
        AudioInfo info = new AudioInfo(AudioContainer.MP3, codec(firstAudio.header(), xing), h.sampleRate(),
                h.channels(), frames);
        long declared = xing.map(XingHeader::frames).orElse(-1L);
        return new Mp3Source(in, reader, firstAudio, info, declared, skip, end);
    }

    private static AudioDecodeException noFrames(Mp3FrameReader reader) {
        return reader.skippedTag()
                ? new AudioDecodeException(Problem.EMPTY, "MP3 file holds an ID3v2 tag but no audio frames")
                : new AudioDecodeException(Problem.MALFORMED, "no MPEG audio frame found");
    }

    /** "MPEG-1 Layer III, 128 kbps CBR", "MPEG-1 Layer III, VBR ~190 kbps", "MPEG-2 Layer III, 64 kbps". */
    static String codec(Mp3FrameHeader h, Optional<XingHeader> xing) {
        String base = h.version().displayName() + " Layer III, ";
        if (xing.isEmpty()) {
            return base + h.bitrateKbps() + " kbps";
        }
        XingHeader x = xing.get();
        if (x.kind() == XingHeader.Kind.INFO) {
            return base + h.bitrateKbps() + " kbps CBR";
        }
        if (x.frames() > 0 && x.bytes() > 0) {
            long kbps = Math.round(x.bytes() * 8.0 * h.sampleRate() / (x.frames() * (double) h.samplesPerFrame()) / 1000);
            return base + "VBR ~" + kbps + " kbps";
        }
        return base + "VBR";
    }

    /** Hands JLayer exactly one frame's bytes, then end-of-stream, so it can neither over-read nor resync. */
    private static final class FrameFeed extends InputStream {
        private byte[] data = new byte[0];
        private int pos;

        void set(byte[] frame) {
            data = frame;
            pos = 0;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(len, data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    private static final class Mp3Source extends BlockPcmSource {
        private static final float SCALE = 1.0f / 32768;

        private final Mp3FrameReader reader;
        private final FrameFeed feed = new FrameFeed();
        private final Bitstream bitstream = new Bitstream(feed);
        private final Decoder decoder = new Decoder();
        private final int channels;
        private final long declaredFrames;
        private Mp3FrameReader.Frame pending;
        private long frameIndex;

        Mp3Source(InputStream in, Mp3FrameReader reader, Mp3FrameReader.Frame firstAudio, AudioInfo info,
                  long declaredFrames, long skip, long end) {
            super(in, info);
            this.declaredFrames = declaredFrames;
            this.reader = reader;
            this.pending = firstAudio;
            this.channels = info.channels();
            skipLeading(skip);
            endAt(end);
        }

        @Override
        protected int decodeBlock() throws IOException, AudioDecodeException {
            Mp3FrameReader.Frame frame = pending != null ? pending : reader.next().orElse(null);
            pending = null;
            if (frame == null) {
                if (declaredFrames >= 0 && frameIndex < declaredFrames && reader.junkBytes() > 0) {
                    throw new AudioDecodeException(Problem.MALFORMED, "MP3 data after audio frame " + frameIndex
                            + " is not MPEG audio (" + reader.junkBytes() + " bytes skipped); the Xing header"
                            + " declares " + declaredFrames + " frames");
                }
                return -1;
            }
            frameIndex++;
            feed.set(frame.data());
            try {
                Header header = bitstream.readFrame();
                if (header == null) {
                    throw new AudioDecodeException(Problem.MALFORMED, "MP3 frame " + frameIndex + " at byte "
                            + frame.offset() + " was rejected by the decoder");
                }
                Obuffer out = decoder.decodeFrame(header, bitstream);
                bitstream.closeFrame();
                SampleBuffer samples = (SampleBuffer) out;
                if (samples.getChannelCount() != channels) {
                    throw new AudioDecodeException(Problem.MALFORMED, "MP3 frame " + frameIndex + " decodes to "
                            + samples.getChannelCount() + " channels, the stream has " + channels);
                }
                short[] pcm = samples.getBuffer();
                int n = samples.getBufferLength();
                float[] dst = blockBuffer(n / channels);
                for (int i = 0; i < n; i++) {
                    dst[i] = pcm[i] * SCALE;
                }
                return n / channels;
            } catch (JavaLayerException | RuntimeException e) {
                throw new AudioDecodeException(Problem.MALFORMED, "MP3 frame " + frameIndex + " at byte "
                        + frame.offset() + " cannot be decoded (" + e + ")", e);
            }
        }
    }
}
