package org.ser4j.audio;

import io.github.jaredmdobson.OpusException;
import io.github.jaredmdobson.OpusMSDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.PcmSource;

/**
 * Ogg Opus (RFC 7845) through Concentus, always at Opus's 48 kHz decoding rate.
 *
 * <p>As the RFC asks: the first {@code pre_skip} samples are dropped, the output ends at the granule
 * position of the end-of-stream page, and the header's output gain is applied. Channel mapping family 0
 * (mono, stereo) and family 1 (up to 8 channels, Vorbis channel order, as stored) are decoded; other families
 * are {@link Problem#UNSUPPORTED_ENCODING}. Concentus yields 16-bit samples, scaled by 1/32768. The length is
 * only known at the end (reading the last page first would need a seekable file).
 */
final class OpusDecoder implements FormatDecoder {

    /** Opus always decodes at 48 kHz (RFC 7845 section 4). */
    static final int RATE = 48000;
    /** The longest Opus packet: 120 ms at 48 kHz. */
    private static final int MAX_PACKET_FRAMES = 5760;
    private static final byte[] HEAD_MAGIC = "OpusHead".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAGS_MAGIC = "OpusTags".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_FAMILY_1_CHANNELS = 8;

    @Override
    public AudioContainer container() {
        return AudioContainer.OGG_OPUS;
    }

    @Override
    public PcmSource open(InputStream in) throws IOException, AudioDecodeException {
        try {
            OggPacketReader ogg = new OggPacketReader(in, HEAD_MAGIC, "Opus");
            OpusHead head = OpusHead.parse(ogg.next().orElseThrow().data());
            byte[] tags = ogg.next().orElseThrow(() -> new AudioDecodeException(Problem.TRUNCATED,
                    "Ogg Opus stream ends before its OpusTags header")).data();
            if (!startsWith(tags, TAGS_MAGIC)) {
                throw new AudioDecodeException(Problem.MALFORMED, "Ogg Opus stream's second packet is not OpusTags");
            }
            OpusMSDecoder decoder = OpusMSDecoder.create(RATE, head.channels(), head.streams(), head.coupled(),
                    head.mapping());
            decoder.setGain(head.outputGainQ8());
            AudioInfo info = new AudioInfo(AudioContainer.OGG_OPUS, "Opus", RATE, head.channels(),
                    AudioInfo.UNKNOWN_LENGTH);
            return new OpusSource(in, ogg, decoder, info, head.preSkip());
        } catch (IOException | AudioDecodeException | RuntimeException | OpusException e) {
            in.close();
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof AudioDecodeException ade) {
                throw ade;
            }
            throw new AudioDecodeException(Problem.MALFORMED, "Ogg Opus headers are not usable (" + e + ")", e);
        }
    }

    static boolean startsWith(byte[] data, byte[] magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (data[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The identification header (RFC 7845 section 5.1).
     *
     * @param channels     output channels
     * @param preSkip      48 kHz samples to drop at the start
     * @param outputGainQ8 gain in dB, Q7.8 (256 = +1 dB)
     * @param streams      Opus streams in each packet
     * @param coupled      how many of those are stereo
     * @param mapping      output channel to decoded channel (255 = silent)
     */
    record OpusHead(int channels, int preSkip, int outputGainQ8, int streams, int coupled, short[] mapping) {

        static OpusHead parse(byte[] p) throws AudioDecodeException {
            if (p.length < 19) {
                throw new AudioDecodeException(Problem.MALFORMED, "OpusHead is " + p.length
                        + " bytes, at least 19 expected");
            }
            int version = p[8] & 0xff;
            if (version >> 4 != 0) {
                throw new AudioDecodeException(Problem.UNSUPPORTED_ENCODING, "Ogg Opus version " + version
                        + " is not supported (major version 0 is)");
            }
            int channels = p[9] & 0xff;
            int preSkip = (p[10] & 0xff) | (p[11] & 0xff) << 8;
            int gain = (short) ((p[16] & 0xff) | (p[17] & 0xff) << 8);
            int family = p[18] & 0xff;
            if (channels == 0) {
                throw new AudioDecodeException(Problem.MALFORMED, "OpusHead declares 0 channels");
            }
            if (family == 0) {
                if (channels > 2) {
                    throw new AudioDecodeException(Problem.MALFORMED, "OpusHead channel mapping family 0 allows 1 or "
                            + "2 channels, found " + channels);
                }
                return new OpusHead(channels, preSkip, gain, 1, channels - 1,
                        channels == 1 ? new short[] {0} : new short[] {0, 1});
            }
            if (family != 1) {
                throw new AudioDecodeException(Problem.UNSUPPORTED_ENCODING, "Opus channel mapping family " + family
                        + " is not supported (families 0 and 1 are)");
            }
            if (channels > MAX_FAMILY_1_CHANNELS || p.length < 21 + channels) {
                throw new AudioDecodeException(Problem.MALFORMED, "OpusHead for family 1 with " + channels
                        + " channels is invalid or too short (" + p.length + " bytes)");
            }
            int streams = p[19] & 0xff;
            int coupled = p[20] & 0xff;
            if (streams == 0 || coupled > streams || streams + coupled > 255) {
                throw new AudioDecodeException(Problem.MALFORMED, "OpusHead declares " + streams + " streams, "
                        + coupled + " of them coupled");
            }
            short[] mapping = new short[channels];
            for (int c = 0; c < channels; c++) {
                mapping[c] = (short) (p[21 + c] & 0xff);
                if (mapping[c] != 255 && mapping[c] >= streams + coupled) {
                    throw new AudioDecodeException(Problem.MALFORMED, "OpusHead maps channel " + c
                            + " to decoded channel " + mapping[c] + " of " + (streams + coupled));
                }
            }
            return new OpusHead(channels, preSkip, gain, streams, coupled, mapping);
        }
    }

    private static final class OpusSource extends BlockPcmSource {
        private static final float SCALE = 1.0f / 32768;

        private final OggPacketReader ogg;
        private final OpusMSDecoder decoder;
        private final int channels;
        private final short[] pcm;
        private long packets;

        OpusSource(InputStream in, OggPacketReader ogg, OpusMSDecoder decoder, AudioInfo info, int preSkip) {
            super(in, info);
            this.ogg = ogg;
            this.decoder = decoder;
            this.channels = info.channels();
            this.pcm = new short[MAX_PACKET_FRAMES * channels];
            skipLeading(preSkip);
        }

        @Override
        protected int decodeBlock() throws IOException, AudioDecodeException {
            OggPacketReader.Packet packet = ogg.next().orElse(null);
            if (packet == null) {
                return -1;
            }
            packets++;
            if (packet.endOfStream() && packet.granule() >= 0) {
                endAt(packet.granule()); // granule counts 48 kHz samples from the start, pre-skip included
            }
            int n;
            try {
                n = decoder.decodeMultistream(packet.data(), 0, packet.data().length, pcm, 0, MAX_PACKET_FRAMES, 0);
            } catch (RuntimeException e) {
                throw new AudioDecodeException(Problem.MALFORMED, "Opus packet " + packets
                        + " cannot be decoded (" + e + ")", e);
            }
            if (n < 0) {
                throw new AudioDecodeException(Problem.MALFORMED, "Opus packet " + packets
                        + " cannot be decoded (Opus error " + n + ")");
            }
            float[] dst = blockBuffer(n);
            for (int i = 0, len = n * channels; i < len; i++) {
                dst[i] = pcm[i] * SCALE;
            }
            return n;
        }
    }
}
