package org.ser4j.core.features;

import java.nio.file.Path;
import org.ser4j.core.audio.PcmAudio;

/**
 * Where {@link LibrosaReferenceContract} gets each reference clip's signal from: librosa's view of the file,
 * read at its own sample rate, channels averaged to mono in float32, nothing resampled.
 *
 * <p>Wire this to the real decoder ({@code AudioDecoder} in ser4j-audio, native rate) once it exists.
 */
@FunctionalInterface
public interface SignalSource {

    /**
     * @param reference the clip's reference values (its {@code file} names the audio)
     * @param audioFile the clip's audio file in {@code ../shared}
     * @return the mono signal at the file's own rate
     * @throws Exception if it cannot be read
     */
    PcmAudio load(LibrosaReference reference, Path audioFile) throws Exception;
}
