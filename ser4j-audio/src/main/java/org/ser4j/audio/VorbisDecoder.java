package org.ser4j.audio;

import com.jcraft.jogg.Packet;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import java.io.IOException;
import java.io.InputStream;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.PcmSource;

/**
 * Ogg Vorbis through JOrbis's low-level synthesis API, with our own Ogg reader ({@link OggPacketReader}).
 *
 * <p>The output ends at the granule position of the end-of-stream page, as libvorbisfile does, so the
 * length matches the encoder's input. Samples are JOrbis's floats as they are: not clipped (a lossy codec
 * can overshoot 1.0 slightly) and not requantised. More than two channels come out in Vorbis channel order.
 * The length is only known at the end.
 */
final class VorbisDecoder implements FormatDecoder {

    private static final byte[] MAGIC = {1, 'v', 'o', 'r', 'b', 'i', 's'};
    private static final int HEADER_PACKETS = 3;

    @Override
    public AudioContainer container() {
        return AudioContainer.OGG_VORBIS;
    }

    @Override
    public PcmSource open(InputStream in) throws IOException, AudioDecodeException {
        try {
            OggPacketReader ogg = new OggPacketReader(in, MAGIC, "Vorbis");
            Info info = new Info();
            Comment comment = new Comment();
            info.init();
            comment.init();
            Packet op = new Packet();
            for (int i = 0; i < HEADER_PACKETS; i++) {
                OggPacketReader.Packet p = ogg.next().orElseThrow(() -> new AudioDecodeException(Problem.TRUNCATED,
                        "Ogg Vorbis stream ends inside its three header packets"));
                wrap(op, p, i);
                int r = info.synthesis_headerin(comment, op);
                if (r < 0) {
                    throw new AudioDecodeException(Problem.MALFORMED, "Vorbis header packet " + (i + 1)
                            + " is invalid (JOrbis error " + r + ")");
                }
            }
            if (info.rate <= 0 || info.channels <= 0) {
                throw new AudioDecodeException(Problem.MALFORMED, "Vorbis header gives " + info.channels
                        + " channels at " + info.rate + " Hz");
            }
            DspState dsp = new DspState();
            if (dsp.synthesis_init(info) != 0) {
                throw new AudioDecodeException(Problem.MALFORMED, "Vorbis setup header is not usable");
            }
            AudioInfo audio = new AudioInfo(AudioContainer.OGG_VORBIS, "Vorbis", info.rate, info.channels,
                    AudioInfo.UNKNOWN_LENGTH);
            return new VorbisSource(in, ogg, dsp, audio);
        } catch (IOException | AudioDecodeException | RuntimeException | OutOfMemoryError e) {
            in.close();
            if (e instanceof OutOfMemoryError) {
                // JOrbis sizes codebook tables from header fields without checking them; a damaged setup
                // header can ask for an impossible array, which fails at once and is safe to recover from.
                throw new AudioDecodeException(Problem.MALFORMED, "Vorbis setup header asks for impossible table"
                        + " sizes (damaged header)", e);
            }
            if (e instanceof RuntimeException) {
                throw new AudioDecodeException(Problem.MALFORMED, "Vorbis headers are damaged (" + e + ")", e);
            }
            if (e instanceof IOException io) {
                throw io;
            }
            throw (AudioDecodeException) e;
        }
    }

    private static void wrap(Packet op, OggPacketReader.Packet p, long number) {
        op.packet_base = p.data();
        op.packet = 0;
        op.bytes = p.data().length;
        op.b_o_s = number == 0 ? 1 : 0;
        op.e_o_s = p.endOfStream() ? 1 : 0;
        op.granulepos = p.granule();
        op.packetno = number;
    }

    private static final class VorbisSource extends BlockPcmSource {
        private final OggPacketReader ogg;
        private final DspState dsp;
        private final Block block;
        private final Packet op = new Packet();
        private final int channels;
        private final float[][][] pcm = new float[1][][];
        private final int[] index;
        private long packetNumber = HEADER_PACKETS;

        VorbisSource(InputStream in, OggPacketReader ogg, DspState dsp, AudioInfo info) {
            super(in, info);
            this.ogg = ogg;
            this.dsp = dsp;
            this.block = new Block(dsp);
            this.channels = info.channels();
            this.index = new int[channels];
        }

        @Override
        protected int decodeBlock() throws IOException, AudioDecodeException {
            try {
                while (true) {
                    int available = dsp.synthesis_pcmout(pcm, index);
                    if (available > 0) {
                        float[] dst = blockBuffer(available);
                        for (int c = 0; c < channels; c++) {
                            float[] src = pcm[0][c];
                            for (int i = 0, at = index[c], j = c; i < available; i++, j += channels) {
                                dst[j] = src[at + i];
                            }
                        }
                        dsp.synthesis_read(available);
                        return available;
                    }
                    OggPacketReader.Packet p = ogg.next().orElse(null);
                    if (p == null) {
                        return -1;
                    }
                    if (p.endOfStream() && p.granule() >= 0) {
                        endAt(p.granule()); // granule: PCM frames from the start of the stream
                    }
                    wrap(op, p, packetNumber++);
                    int r = block.synthesis(op);
                    if (r != 0) {
                        throw new AudioDecodeException(Problem.MALFORMED, "Vorbis audio packet " + packetNumber
                                + " is invalid (JOrbis error " + r + ")");
                    }
                    dsp.synthesis_blockin(block);
                }
            } catch (RuntimeException e) {
                throw new AudioDecodeException(Problem.MALFORMED, "Vorbis audio packet " + packetNumber
                        + " cannot be decoded (" + e + ")", e);
            }
        }
    }
}
