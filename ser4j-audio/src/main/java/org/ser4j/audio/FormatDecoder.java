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

    /** Reads a header from a stream and opens the source behind it. */
    @FunctionalInterface
    interface HeaderParser {
        /** Parses the header at the start of {@code in}; may leave {@code in} open when it fails. */
        PcmSource parse(InputStream in) throws IOException, AudioDecodeException;
    }

    /**
     * Runs {@code parser} on {@code in} and closes {@code in} if it fails in any way, so that a rejected file
     * never leaks its handle; the failure itself is passed on unchanged.
     */
    static PcmSource closingOnFailure(InputStream in, HeaderParser parser) throws IOException, AudioDecodeException {
        try {
            return parser.parse(in);
        } catch (IOException | AudioDecodeException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
