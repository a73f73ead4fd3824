package org.ser4j.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.dsp.FloatMatrix;
import org.ser4j.core.dsp.Stft;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.core.features.FeatureExtractor;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.core.features.Features;
import org.ser4j.core.features.LibrosaFeatures;

/**
 * Every feature against what real librosa 0.10.1 computed for the 15 reference clips in
 * {@code ../shared/reference/librosa}. Each clip goes through the whole
 * pipeline as a user runs it: {@link AudioDecoder} at the file's own rate (no resampling, as the references
 * were made), then the features.
 *
 * <p>Tolerances: STFT magnitude and mel power within 1e-4 of each frame's largest value; dB and MFCC within
 * 1e-3 dB; ZCR and RMS within 1e-6; chroma within 1e-4; the 162-value vector within 1e-4 relative (absolute
 * below magnitude 1, where MFCC means cross zero); each plus 0.6e-9 for the nine decimals to which the
 * reference files round. The worst deviation per field and clip is printed at the end.
 */
@Tag("corpus")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibrosaConformanceTest {

    private static final double FRAME_RELATIVE = 1e-4;
    private static final double DB_ABSOLUTE = 1e-3;
    private static final double FRAME_FEATURE_ABSOLUTE = 1e-6;
    private static final double CHROMA_ABSOLUTE = 1e-4;
    private static final double SEED_RELATIVE = 1e-4;
    /** The reference files round every value to nine decimals, so no comparison can be finer than this. */
    private static final double JSON_ROUNDING = 0.6e-9;

    private final LibrosaFeatures librosa = new LibrosaFeatures(FeatureConfig.defaults());
    private final Map<String, LibrosaReference> references = new ConcurrentHashMap<>();
    private final Map<String, PcmAudio> signals = new ConcurrentHashMap<>();
    /** clip -> field -> worst deviation divided by its tolerance (and the raw deviation). */
    private final Map<String, Map<String, double[]>> worst = new TreeMap<>();

    List<String> clips() {
        Path shared = LibrosaReference.sharedDir();
        Assumptions.assumeTrue(shared != null, "../shared/reference/librosa not found (set ser4j.shared)");
        return LibrosaReference.files(shared).stream()
                .map(p -> p.getFileName().toString().replaceFirst("\\.json$", "")).toList();
    }

    @ParameterizedTest
    @MethodSource("clips")
    void signalIsWhatLibrosaDecoded(String clip) {
        LibrosaReference ref = reference(clip);
        PcmAudio audio = signal(clip);
        assertEquals(ref.sampleRate(), audio.sampleRate(), "sample rate");
        assertEquals(ref.samples(), audio.length(), "samples");
        // the JSON prints these to six significant digits
        compare(clip, "signal_first_16", 16, i -> audio.samples()[i], i -> ref.signalFirst16()[i], i -> 1e-6);
        double sum = 0;
        for (float v : audio.samples()) {
            sum += v;
        }
        double s = sum;
        compare(clip, "signal_sum", 1, i -> s, i -> ref.signalSum(), i -> 1e-3);
    }

    @ParameterizedTest
    @MethodSource("clips")
    void stftMagnitudeOfFirstFramesMatches(String clip) {
        LibrosaReference ref = reference(clip);
        FloatMatrix magnitude = librosa.stft(signal(clip), Stft.Scale.MAGNITUDE);
        compareFrames(clip, "stft[0:3]", magnitude, ref.stftMagnitudeFrames0To2(), true, FRAME_RELATIVE);
    }

    @ParameterizedTest
    @MethodSource("clips")
    void melSpectrogramMatches(String clip) {
        compareFrames(clip, "melspectrogram", librosa.melSpectrogram(signal(clip)), reference(clip).melSpectrogram(),
                true, FRAME_RELATIVE);
    }

    @ParameterizedTest
    @MethodSource("clips")
    void powerToDbMatches(String clip) {
        compareFrames(clip, "power_to_db", logMel(clip), reference(clip).powerToDb(), false, DB_ABSOLUTE);
    }

    @ParameterizedTest
    @MethodSource("clips")
    void mfccMatches(String clip) {
        compareFrames(clip, "mfcc", librosa.mfcc(logMel(clip)), reference(clip).mfcc(), false, DB_ABSOLUTE);
    }

    @ParameterizedTest
    @MethodSource("clips")
    void zeroCrossingRateMatches(String clip) {
        float[] zcr = librosa.zeroCrossingRate(signal(clip));
        float[] expected = reference(clip).zeroCrossingRate();
        assertEquals(expected.length, zcr.length, "frames");
        compare(clip, "zcr", zcr.length, i -> zcr[i], i -> expected[i], i -> FRAME_FEATURE_ABSOLUTE);
    }

    @ParameterizedTest
    @MethodSource("clips")
    void rmsMatches(String clip) {
        float[] rms = librosa.rms(signal(clip));
        float[] expected = reference(clip).rms();
        assertEquals(expected.length, rms.length, "frames");
        compare(clip, "rms", rms.length, i -> rms[i], i -> expected[i], i -> FRAME_FEATURE_ABSOLUTE);
    }

    @ParameterizedTest
    @MethodSource("clips")
    void chromaMatches(String clip) {
        PcmAudio audio = signal(clip);
        FloatMatrix chroma = librosa.chroma(librosa.stft(audio, Stft.Scale.MAGNITUDE), audio.sampleRate());
        compareFrames(clip, "chroma", chroma, reference(clip).chroma(), false, CHROMA_ABSOLUTE);
    }

    /** The whole vector from the extractor, chroma means included. */
    @ParameterizedTest
    @MethodSource("clips")
    void seedVectorMatches(String clip) {
        Features f = FeatureExtractor.of(FeatureSet.SEED162, FeatureConfig.defaults()).extract(signal(clip));
        float[] v = f.values();
        float[] seed = reference(clip).seedVector();
        assertEquals(seed.length, v.length);
        compareSeed(clip, "seed162[chroma]", 12, i -> v[1 + i], i -> seed[1 + i]);
        compareSeed(clip, "seed162", seed.length, i -> v[i], i -> seed[i]);
    }

    @AfterAll
    void printWorstDeviations() {
        if (worst.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("\nWorst deviation from librosa per clip and field "
                + "(absolute deviation, and as a fraction of the tolerance):\n");
        synchronized (worst) {
            worst.forEach((clip, fields) -> {
                sb.append(String.format(Locale.ROOT, "%-22s", clip));
                fields.forEach((field, d) -> sb.append(String.format(Locale.ROOT, "  %s %.2e (%.3f)", field, d[1],
                        d[0])));
                sb.append('\n');
            });
        }
        System.out.println(sb);
    }

    private FloatMatrix logMel(String clip) {
        return librosa.powerToDb(librosa.melSpectrogram(signal(clip)));
    }

    private LibrosaReference reference(String clip) {
        return references.computeIfAbsent(clip,
                c -> LibrosaReference.read(LibrosaReference.sharedDir().resolve("reference/librosa/" + c + ".json")));
    }

    private PcmAudio signal(String clip) {
        LibrosaReference ref = reference(clip);
        return signals.computeIfAbsent(clip, c -> {
            try {
                return AudioDecoder.defaults().decode(ref.audioFile(LibrosaReference.sharedDir()));
            } catch (Exception e) {
                throw new IllegalStateException("cannot load the signal of " + c + ": " + e, e);
            }
        });
    }

    /** Compares the reference's rows with ours (which may have more rows, e.g. the first three of an STFT). */
    private void compareFrames(String clip, String field, FloatMatrix actual, FloatMatrix expected,
            boolean relativeToFrameMax, double tolerance) {
        assertEquals(expected.cols(), actual.cols(), field + " columns");
        if (!field.startsWith("stft")) {
            assertEquals(expected.rows(), actual.rows(), field + " frames");
        }
        int cols = expected.cols();
        double[] frameMax = new double[expected.rows()];
        for (int r = 0; r < expected.rows(); r++) {
            for (int c = 0; c < cols; c++) {
                frameMax[r] = Math.max(frameMax[r], Math.abs(expected.get(r, c)));
            }
        }
        compare(clip, field, expected.rows() * cols, i -> actual.get(i / cols, i % cols),
                i -> expected.get(i / cols, i % cols),
                i -> relativeToFrameMax ? tolerance * frameMax[i / cols] : tolerance);
    }

    private void compareSeed(String clip, String field, int n, IntToDoubleFunction actual,
            IntToDoubleFunction expected) {
        compare(clip, field, n, actual, expected, i -> SEED_RELATIVE * Math.max(1.0, Math.abs(expected.applyAsDouble(i))));
    }

    private void compare(String clip, String field, int n, IntToDoubleFunction actual, IntToDoubleFunction expected,
            IntToDoubleFunction tolerance) {
        double worstRatio = 0;
        double worstAbs = 0;
        int worstAt = -1;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(actual.applyAsDouble(i) - expected.applyAsDouble(i));
            double ratio = d / (tolerance.applyAsDouble(i) + JSON_ROUNDING);
            if (!(ratio <= worstRatio)) {
                worstRatio = ratio;
                worstAt = i;
            }
            worstAbs = Math.max(worstAbs, d);
        }
        synchronized (worst) {
            worst.computeIfAbsent(clip, c -> new TreeMap<>()).put(field, new double[] {worstRatio, worstAbs});
        }
        int at = worstAt;
        assertTrue(worstRatio <= 1.0, () -> String.format(Locale.ROOT,
                "%s of %s: element %d is %.9g, librosa has %.9g (tolerance %.3g)", field, clip, at,
                actual.applyAsDouble(at), expected.applyAsDouble(at), tolerance.applyAsDouble(at)));
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }
}
