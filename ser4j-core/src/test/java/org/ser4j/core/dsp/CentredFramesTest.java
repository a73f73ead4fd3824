package org.ser4j.core.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CentredFramesTest {

    /** librosa: 1 + len(y) // hop frames for an even frame length, the same count as the centred STFT. */
    @ParameterizedTest
    @CsvSource({"1,1", "511,1", "512,2", "1023,2", "1024,3", "2048,5", "16000,32", "59793,117", "160868,315"})
    void frameCountMatchesLibrosa(int samples, int frames) {
        assertEquals(frames, new CentredFrames(2048, 512).count(samples));
        assertEquals(frames, new Stft(2048, 512).frameCount(samples));
    }

    @ParameterizedTest
    @CsvSource({"1,1", "3,1", "4,2", "10,4"})
    void oddFrameLengthsPadHalfTheLengthRoundedDown(int samples, int frames) {
        // frame 5, hop 3: padded length samples + 4, frames 1 + (samples - 1) / 3
        assertEquals(frames, new CentredFrames(5, 3).count(samples));
    }

    @ParameterizedTest
    @CsvSource({"0", "-1"})
    void rejectsEmptySignals(int samples) {
        assertThrows(IllegalArgumentException.class, () -> new CentredFrames(2048, 512).count(samples));
    }
}
