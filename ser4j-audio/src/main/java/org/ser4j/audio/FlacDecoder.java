package org.ser4j.audio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;
import org.jflac.metadata.StreamInfo;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.AudioDecodeException.Problem;
import org.ser4j.core.audio.AudioInfo;
import org.ser4j.core.audio.PcmSource;

/**
 * Native FLAC through jFLAC, frame by frame.
 *
 * <p>Samples are scaled exactly as libsndfile's float read does (and so librosa via soundfile):
 * {@code s / 2^(bits-1)}, i.e. {@code s / 32768} for 16-bit and {@code s / 8388608} for 24-bit; these are
 * exact in float, so the result is bit-identical.
 *
 * <p>Damage: a frame that fails its CRC, a bad frame header or junk between frames is
 * {@link Problem#MALFORMED} (jFLAC would otherwise output silence or skip audio without saying so). A stream
 * that ends before the STREAMINFO total is {@link Problem#TRUNCATED}; when STREAMINFO leaves the total
 * unknown (0, allowed for streamed encodes) the stream simply ends with the last complete frame.
 */
final class FlacDecoder implements FormatDecoder {

    /** FLAC allows 4..32 bits; jFLAC decodes up to 24 (its predictors use 32-bit arithmetic). */
    private static final int MAX_BITS = 24;
    private static final int MIN_BITS = 4;

    @Override
    public AudioContainer container() {
        return AudioContainer.FLAC;
    }

    @Override
    public PcmSource open(InputStream raw) throws IOException, AudioDecodeException {
        LookaheadInputStream in = new LookaheadInputStream(raw, 8192);
        try {
            return openSource(in);
        } catch (IOException | AudioDecodeException | RuntimeException e) {
            in.close();
            if (e instanceof EOFException) {
                throw new AudioDecodeException(Problem.TRUNCATED,
                        "FLAC file ends inside its metadata blocks, before any audio", e);
            }
            if (e instanceof RuntimeException || (e instanceof IOException io && !in.isStreamFailure(io))) {
                throw new AudioDecodeException(Problem.MALFORMED,
                        "FLAC metadata blocks are damaged (" + e.getMessage() + ")", e);
            }
            throw e;
        }
    }

    private static PcmSource openSource(LookaheadInputStream in) throws IOException, AudioDecodeException {
        Id3v2.skipTags(in);
        if (in.ensure(4) < 4 || in.peek(0) != 'f' || in.peek(1) != 'L' || in.peek(2) != 'a' || in.peek(3) != 'C') {
            throw new AudioDecodeException(Problem.MALFORMED, "expected the FLAC stream marker 'fLaC' at byte "
                    + in.position() + ", found something else");
        }
        ErrorLog errors = new ErrorLog();
        FLACDecoder flac = new FLACDecoder(in);
        flac.addFrameListener(errors);
        Metadata[] blocks = flac.readMetadata();
        StreamInfo si = flac.getStreamInfo();
        if (si == null || blocks.length == 0 || blocks[0] != si) {
            throw new AudioDecodeException(Problem.MALFORMED,
                    "FLAC file has no STREAMINFO block first, as the format requires");
        }
        if (si.getSampleRate() <= 0) {
            throw new AudioDecodeException(Problem.MALFORMED, "FLAC STREAMINFO gives a sample rate of "
                    + si.getSampleRate() + " Hz");
        }
        int bits = si.getBitsPerSample();
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new AudioDecodeException(Problem.UNSUPPORTED_ENCODING, "FLAC with " + bits
                    + " bits per sample is not supported (" + MIN_BITS + " to " + MAX_BITS + " bits are)");
        }
        long total = si.getTotalSamples();
        AudioInfo info = new AudioInfo(AudioContainer.FLAC, "FLAC " + bits + "-bit", si.getSampleRate(),
                si.getChannels(), total > 0 ? total : AudioInfo.UNKNOWN_LENGTH);
        return new FlacSource(in, flac, errors, info);
    }

    /** Collects what jFLAC reports through its listener instead of throwing. */
    private static final class ErrorLog implements FrameListener {
        private String firstError;

        @Override
        public void processMetadata(Metadata metadata) {
            // nothing to check
        }

        @Override
        public void processFrame(Frame frame) {
            // not called by readNextFrame
        }

        @Override
        public void processError(String msg) {
            if (firstError == null) {
                firstError = msg;
            }
        }

        /** The first error since the last call, or null; clears it. */
        String take() {
            String e = firstError;
            firstError = null;
            return e;
        }
    }

    private static final class FlacSource extends BlockPcmSource {
        private final LookaheadInputStream in;
        private final FLACDecoder flac;
        private final ErrorLog errors;
        private final int channels;
        private final int bits;
        private final float scale;
        private final long total;

        FlacSource(LookaheadInputStream in, FLACDecoder flac, ErrorLog errors, AudioInfo info) {
            super(in, info);
            this.in = in;
            this.flac = flac;
            this.errors = errors;
            this.channels = info.channels();
            this.bits = flac.getStreamInfo().getBitsPerSample();
            this.scale = 1.0f / (1 << (bits - 1));
            this.total = info.lengthKnown() ? info.frames() : -1;
            if (total >= 0) {
                endAt(total);
            }
        }

        @Override
        protected int decodeBlock() throws IOException, AudioDecodeException {
            long position = decodedFrames();
            // jFLAC's own end check re-reads a stale sync word once the total is reached: stop first.
            if (total >= 0 && position >= total) {
                return -1;
            }
            int badBefore = flac.getBadFrames();
            Frame frame;
            try {
                frame = flac.readNextFrame();
            } catch (EOFException e) {
                frame = null;
            } catch (LookaheadInputStream.ReadPastEndException e) {
                throw new AudioDecodeException(Problem.MALFORMED, "FLAC data after sample " + position
                        + " is damaged: the decoder could not find the end of a frame", e);
            } catch (IOException e) {
                if (in.isStreamFailure(e)) {
                    throw e;
                }
                // jFLAC reports some damage as a bare IOException ("STREAM_DECODER_UNPARSEABLE_STREAM")
                throw new AudioDecodeException(Problem.MALFORMED,
                        "FLAC frame after sample " + position + " is damaged (" + e.getMessage() + ")", e);
            } catch (RuntimeException e) {
                throw new AudioDecodeException(Problem.MALFORMED,
                        "FLAC frame after sample " + position + " is damaged (" + e + ")", e);
            }
            String error = errors.take();
            if (frame == null && error != null && error.contains("EOFException")) {
                error = null; // jFLAC reports the end of data inside a frame as an error, then returns null
            }
            if (flac.getBadFrames() != badBefore || (error != null && frame != null)) {
                throw new AudioDecodeException(Problem.MALFORMED, "FLAC data after sample " + position
                        + " is damaged: " + describe(error));
            }
            if (frame == null) {
                if (total >= 0 && position < total) {
                    if (error != null) {
                        throw new AudioDecodeException(Problem.MALFORMED, "FLAC data after sample " + position
                                + " is not a FLAC frame (" + describe(error) + "); STREAMINFO promised "
                                + total + " samples");
                    }
                    throw new AudioDecodeException(Problem.TRUNCATED, "FLAC stream ends after " + position
                            + " of the " + total + " samples its STREAMINFO declares");
                }
                return -1;
            }
            int n = frame.header.blockSize;
            if (frame.header.channels != channels || frame.header.bitsPerSample != bits) {
                throw new AudioDecodeException(Problem.MALFORMED, "FLAC frame at sample " + position + " has "
                        + frame.header.channels + " channels of " + frame.header.bitsPerSample
                        + " bits, the stream " + channels + " of " + bits);
            }
            float[] out = blockBuffer(n);
            for (int c = 0; c < channels; c++) {
                int[] samples = flac.getChannelData()[c].getOutput();
                for (int i = 0, j = c; i < n; i++, j += channels) {
                    out[j] = samples[i] * scale;
                }
            }
            return n;
        }

        private static String describe(String jflacError) {
            if (jflacError == null) {
                return "a bad frame header";
            }
            if (jflacError.startsWith("CRC Error")) {
                return "a frame fails its CRC check";
            }
            if (jflacError.startsWith("FindSync LOST_SYNC")) {
                return "bytes that are not a FLAC frame where one should start";
            }
            return jflacError;
        }
    }
}
