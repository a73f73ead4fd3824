package org.ser4j.recognizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ser4j.audio.AudioDecoder;
import org.ser4j.core.audio.AudioDecodeException;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.dsp.Resampler;
import org.ser4j.model.ModelFormatException;

/** The recogniser on the bundled default model and a generated spoken sentence (espeak-ng, 2.7 s, 16 kHz). */
class EmotionRecognizerTest {

    static EmotionRecognizer recognizer;
    static PcmAudio speech;

    @BeforeAll
    static void load() throws Exception {
        recognizer = EmotionRecognizer.loadDefault();
        speech = AudioDecoder.builder().optTargetSampleRate(16_000).build().decode(fixture("speech.wav"));
    }

    @AfterAll
    static void close() {
        recognizer.close();
    }

    static Path fixture(String name) throws Exception {
        return Path.of(EmotionRecognizerTest.class.getResource(name).toURI());
    }

    @Test
    void shortClipGetsOneAnswerWithProbabilities() throws Exception {
        Recognition r = recognizer.recognize(fixture("speech.wav"));
        assertFalse(r.hasTimeline());
        assertEquals(2.713, r.durationSeconds(), 1e-3);
        assertEquals(recognizer.labels(), List.copyOf(r.estimate().probabilities().keySet()));
        assertEquals(1.0, r.estimate().probabilities().values().stream().mapToDouble(Double::doubleValue).sum(),
                1e-5);
        assertEquals(r.estimate().probabilities().get(r.estimate().emotion()), r.estimate().confidence(), 1e-12);
        assertEquals(r.estimate().label(), r.summary().dominant());
        assertTrue(r.summary().speechSeconds() > 1.5 && r.summary().speechSeconds() <= 2.72,
                "speech " + r.summary().speechSeconds());
    }

    @Test
    void pathStreamAndSamplesAgree() throws Exception {
        Recognition fromPath = recognizer.recognize(fixture("speech.wav"));
        try (InputStream in = Files.newInputStream(fixture("speech.wav"))) {
            assertEquals(fromPath, recognizer.recognize(in));
        }
        assertEquals(fromPath, recognizer.recognize(speech.samples(), 16_000));
        assertEquals(fromPath.estimate(), recognizer.classify(speech));
    }

    @Test
    void otherRatesAndFormatsGiveCloseAnswers() throws Exception {
        Recognition reference = recognizer.recognize(speech.samples(), 16_000);
        Recognition resampled = recognizer.recognize(Resampler.resample(speech.samples(), 16_000, 44_100), 44_100);
        Recognition mp3 = recognizer.recognize(fixture("speech.mp3"));
        // Resampling round trips and MP3 coding change the top mel bands a little; the answer stays.
        for (Recognition other : List.of(resampled, mp3)) {
            assertEquals(reference.estimate().emotion(), other.estimate().emotion());
        }
    }

    @Test
    void longRecordingOfSentencesBetweenSilencesHasOneSegmentPerSentence() throws Exception {
        int rate = 16_000;
        float[] x = new float[rate * 30];
        double[] starts = {1, 6.5, 11, 17, 24};
        for (double s : starts) {
            System.arraycopy(speech.samples(), 0, x, (int) (s * rate), speech.length());
        }
        Recognition r = recognizer.recognize(x, rate);
        assertTrue(r.hasTimeline());
        assertEquals(starts.length, r.segments().size(), r.segments()::toString);
        // Where the detector finds the sentence when it stands alone between silences.
        float[] alone = new float[speech.length() + 2 * rate];
        System.arraycopy(speech.samples(), 0, alone, rate, speech.length());
        List<org.ser4j.core.vad.SpeechRegion> inClip = recognizer.vad().detect(new PcmAudio(alone, rate));
        assertEquals(1, inClip.size());
        double from = inClip.get(0).startSeconds() - 1;
        double to = inClip.get(0).endSeconds() - 1;
        for (int i = 0; i < starts.length; i++) {
            TimelineSegment s = r.segments().get(i);
            assertEquals(starts[i] + from, s.startSeconds(), 0.02, "start of " + i);
            assertEquals(starts[i] + to, s.endSeconds(), 0.02, "end of " + i);
            // The same sentence gets the same answer wherever it is (each segment is the model on its region).
            assertEquals(r.segments().get(0).estimate(), s.estimate(), "segment " + i);
        }
        assertEquals(Map.of(r.segments().get(0).estimate().label(), 1.0), r.summary().shares());
        assertEquals(r.segments().get(0).estimate().emotion(), r.estimate().emotion());
        assertEquals(30.0, r.durationSeconds(), 1e-9);
    }

    @Test
    void segmentsArriveWhileTheRecordingIsRead() throws Exception {
        int rate = 16_000;
        float[] x = new float[rate * 20];
        System.arraycopy(speech.samples(), 0, x, rate, speech.length());
        System.arraycopy(speech.samples(), 0, x, 15 * rate, speech.length());
        List<Double> readAtSegment = new ArrayList<>();
        long[] fed = {0};
        org.ser4j.core.audio.PcmSource source = new ArraySource(x, rate, fed);
        recognizer.recognize(source, segment -> readAtSegment.add(fed[0] / (double) rate));
        assertEquals(2, readAtSegment.size());
        assertTrue(readAtSegment.get(0) < 6, "first segment handed over after " + readAtSegment.get(0) + " s");
    }

    @Test
    void concurrentCallsGiveTheSequentialAnswers() throws Exception {
        Recognition expected = recognizer.recognize(speech.samples(), 16_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Recognition>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> recognizer.recognize(speech.samples(), 16_000)));
            }
            for (Future<Recognition> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void userErrorsAreClearExceptions() throws Exception {
        InputStream text = new ByteArrayInputStream("hello, this is not audio".getBytes(StandardCharsets.UTF_8));
        AudioDecodeException notAudio = assertThrows(AudioDecodeException.class, () -> recognizer.recognize(text));
        assertFalse(notAudio.getMessage().isBlank());
        NoSpeechException silence = assertThrows(NoSpeechException.class,
                () -> recognizer.recognize(new float[16_000 * 5], 16_000));
        assertEquals("no speech found in 5.00 s of audio", silence.getMessage());
        ModelFormatException missing = assertThrows(ModelFormatException.class,
                () -> EmotionRecognizer.load(Path.of("no-such-model.ser4j")));
        assertTrue(missing.getMessage().contains("no-such-model.ser4j"), missing.getMessage());
    }

    @Test
    void abstentionKeepsTheProbabilities() throws Exception {
        try (EmotionRecognizer strict = EmotionRecognizer.builder()
                .optConfig(RecognizerConfig.builder().optMinConfidence(1.0).build()).build()) {
            Recognition r = strict.recognize(speech.samples(), 16_000);
            assertEquals(EmotionEstimate.UNCERTAIN, r.estimate().label());
            assertEquals(recognizer.recognize(speech.samples(), 16_000).estimate().probabilities(),
                    r.estimate().probabilities());
        }
    }

    @Test
    void aThresholdForOneCallIsARecognizerBuiltWithIt() throws Exception {
        float[] x = new float[16_000 * 14];
        System.arraycopy(speech.samples(), 0, x, 16_000, speech.length());
        System.arraycopy(speech.samples(), 0, x, 8 * 16_000, speech.length());
        Path file = java.nio.file.Files.createTempFile("ser4j-threshold", ".wav");
        try {
            javax.sound.sampled.AudioSystem.write(new javax.sound.sampled.AudioInputStream(
                    new ByteArrayInputStream(pcm16(x)), new javax.sound.sampled.AudioFormat(16_000, 16, 1, true,
                            false), x.length), javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
            AudioDecoder decoder = AudioDecoder.builder().optTargetSampleRate(16_000).build();
            try (EmotionRecognizer strict = EmotionRecognizer.builder()
                    .optConfig(RecognizerConfig.builder().optMinConfidence(1.0).build()).build();
                    org.ser4j.core.audio.PcmSource a = decoder.openMono(file);
                    org.ser4j.core.audio.PcmSource b = decoder.openMono(file)) {
                Recognition perCall = recognizer.recognize(a, 1.0, segment -> { });
                assertEquals(strict.recognize(b, segment -> { }), perCall);
                assertTrue(perCall.hasTimeline());
                assertEquals(Map.of(EmotionEstimate.UNCERTAIN, 1.0), perCall.summary().shares());
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static byte[] pcm16(float[] x) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(2 * x.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float v : x) {
            bytes.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32767));
        }
        return bytes.array();
    }

    @Test
    void liveSessionAnswersEveryHopAndHearsSilence() {
        int rate = 16_000;
        float[] x = new float[rate * 12];
        System.arraycopy(speech.samples(), 0, x, 6 * rate + rate / 10, speech.length());
        LiveSession live = recognizer.live(rate, 3, 3);
        List<LiveResult> results = new ArrayList<>();
        for (int at = 0; at < x.length; at += 1000) {
            results.addAll(live.accept(x, at, Math.min(1000, x.length - at)));
        }
        assertEquals(4, results.size());
        assertArrayEquals(new boolean[] {false, false, true, false},
                new boolean[] {results.get(0).speech(), results.get(1).speech(), results.get(2).speech(),
                        results.get(3).speech()}, results::toString);
        assertEquals("silence", results.get(0).label());
        assertEquals(6.0, results.get(2).startSeconds(), 1e-9);
        assertEquals(9.0, results.get(2).endSeconds(), 1e-9);
    }

    @Test
    void jsonShapeIsThePredictLine() throws Exception {
        Map<String, Object> shortJson = RecognitionJson.of("a.wav", recognizer.recognize(fixture("speech.wav")));
        assertEquals(List.of("file", "emotion", "confidence", "probabilities", "duration_s"),
                List.copyOf(shortJson.keySet()));
        float[] x = new float[16_000 * 12];
        System.arraycopy(speech.samples(), 0, x, 16_000, speech.length());
        System.arraycopy(speech.samples(), 0, x, 8 * 16_000, speech.length());
        Map<String, Object> longJson = RecognitionJson.of("b.wav", recognizer.recognize(x, 16_000));
        assertEquals(List.of("file", "emotion", "confidence", "probabilities", "duration_s", "segments", "summary"),
                List.copyOf(longJson.keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> segment = ((List<Map<String, Object>>) longJson.get("segments")).get(0);
        assertEquals(List.of("start_s", "end_s", "emotion", "confidence", "probabilities"),
                List.copyOf(segment.keySet()));
    }

    /** A mono source over an array that counts what was read. */
    private record ArraySource(float[] x, int rate, long[] fed) implements org.ser4j.core.audio.PcmSource {
        @Override
        public org.ser4j.core.audio.AudioInfo info() {
            return new org.ser4j.core.audio.AudioInfo(org.ser4j.core.audio.AudioContainer.WAV, "pcm", rate, 1, x.length);
        }

        @Override
        public int read(float[] dst, int maxFrames) {
            int n = (int) Math.min(maxFrames, x.length - fed[0]);
            if (n <= 0) {
                return -1;
            }
            System.arraycopy(x, (int) fed[0], dst, 0, n);
            fed[0] += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
