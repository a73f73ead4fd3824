package org.ser4j.audio;

import java.io.IOException;
import java.io.InputStream;
import org.ser4j.core.audio.AudioContainer;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.PcmSource;

/**
 * Decodes one container format. Chosen by {@link AudioDecoder} from the sniffed content, never by extension.
 * Implementations are stateless; all state lives in the {@link PcmSource} they open.
 */
interface FormatDecoder {

    /** The format this decoder handles. */
    AudioContainer container();

    /**
     * Opens a streaming source on {@code in}, which is positioned at the first byte of the file (the bytes
     * used for sniffing are still there). The source owns {@code in} and closes it.
     *
     * @throws AudioDecodeException when the header is damaged or describes an encoding not supported
     */
    PcmSource open(InputStream in) throws IOException, AudioDecodeException;
}
