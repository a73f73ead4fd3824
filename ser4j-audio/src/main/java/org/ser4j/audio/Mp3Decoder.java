package org.ser4j.audio;

import java.io.IOException;
import java.io.InputStream;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.PcmSource;

/** Placeholder until the MP3 decoder lands. */
final class Mp3Decoder implements FormatDecoder {

    @Override
    public AudioContainer container() {
        return AudioContainer.MP3;
    }

    @Override
    public PcmSource open(InputStream in) throws IOException, AudioDecodeException {
        in.close();
        throw new AudioDecodeException(AudioDecodeException.Problem.UNSUPPORTED_ENCODING,
                container().displayName() + " decoding is not implemented yet");
    }
}
