package org.ser4j.core.features;

import java.util.ArrayList;
import java.util.List;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.dsp.FloatMatrix;
import org.ser4j.core.dsp.Stft;

/**
 * The feature stage of the pipeline: one named {@link FeatureSet} of one clip ({@code PcmAudio -> Features}).
 *
 * <p>Created once per set and configuration; all tables (window, FFT plan, DCT, and the mel and chroma banks
 * per sample rate on first use) are built once and reused. Immutable and safe to share between threads.
 */
public final class FeatureExtractor {

    private final FeatureSet set;
    private final LibrosaFeatures librosa;
    private final FunctionalFeatures functionals;

    private FeatureExtractor(FeatureSet set, LibrosaFeatures librosa) {
        this.set = set;
        this.librosa = librosa;
        this.functionals = new FunctionalFeatures(librosa);
    }

    /**
     * An extractor of {@code set} with {@code config}.
     *
     * @throws IllegalArgumentException if either is null
     */
    public static FeatureExtractor of(FeatureSet set, FeatureConfig config) {
        if (set == null) {
            throw new IllegalArgumentException("feature set must not be null");
        }
        return new FeatureExtractor(set, new LibrosaFeatures(config));
    }

    /** The set this extractor produces. */
    public FeatureSet set() {
        return set;
    }

    /** Its configuration. */
    public FeatureConfig config() {
        return librosa.config();
    }

    /**
     * The features of {@code audio}. Any non-empty signal works: a clip shorter than one hop gives one frame,
     * as in librosa (the frame is centred on sample 0 and mostly padding).
     *
     * @throws IllegalArgumentException if {@code audio} is empty
     */
    public Features extract(PcmAudio audio) {
        LibrosaFeatures.requireSamples(audio);
        int sr = audio.sampleRate();
        return switch (set) {
            case SEED162 -> new Features(set, new int[] {seedLength()}, seedVector(audio), sr);
            case LOGMEL -> matrix(logMel(audio), sr);
            case MFCC -> matrix(librosa.mfcc(logMel(audio)), sr);
            case ZCR_RMS -> zcrRms(audio);
            case LOGMEL_IMAGE -> new Features(set, new int[] {config().nMels(), config().imageFrames()},
                    image(logMel(audio)), sr);
            case FUNCTIONALS -> new Features(set, new int[] {functionals.size()}, functionals.compute(audio), sr);
        };
    }

    /**
     * The name of every value of a vector set, in order: {@code "zcr.mean"}, {@code "chroma0.mean"}, ...,
     * {@code "mfcc0.mean"}, ..., {@code "rms.mean"}, {@code "mel0.mean"}, ... for {@link FeatureSet#SEED162};
     * {@link FunctionalFeatures#names()} for {@link FeatureSet#FUNCTIONALS}.
     *
     * @throws UnsupportedOperationException for the frame-matrix and image sets, whose dimensions are frames
     */
    public List<String> dimensionNames() {
        return switch (set) {
            case SEED162 -> seedNames();
            case FUNCTIONALS -> functionals.names();
            case LOGMEL, MFCC, ZCR_RMS, LOGMEL_IMAGE -> throw new UnsupportedOperationException(set
                    + " features are a matrix of frames or an image; only SEED162 and FUNCTIONALS name their "
                    + "dimensions");
        };
    }

    private List<String> seedNames() {
        FeatureConfig c = config();
        List<String> names = new ArrayList<>(seedLength());
        names.add("zcr.mean");
        addIndexed(names, "chroma", c.nChroma());
        addIndexed(names, "mfcc", c.nMfcc());
        names.add("rms.mean");
        addIndexed(names, "mel", c.nMels());
        return List.copyOf(names);
    }

    private static void addIndexed(List<String> names, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            names.add(prefix + i + ".mean");
        }
    }

    private int seedLength() {
        FeatureConfig c = config();
        return 1 + c.nChroma() + c.nMfcc() + 1 + c.nMels();
    }

    /** One STFT serves both chroma (magnitude, as the brief's code passes it) and the mel power (its square). */
    private float[] seedVector(PcmAudio audio) {
        FloatMatrix magnitude = librosa.stft(audio, Stft.Scale.MAGNITUDE);
        FloatMatrix melPower = librosa.melSpectrogram(magnitude, Stft.Scale.MAGNITUDE, audio.sampleRate());
        FloatMatrix mfcc = librosa.mfcc(librosa.powerToDb(melPower));
        FloatMatrix chroma = librosa.chroma(magnitude, audio.sampleRate());
        float[] out = new float[seedLength()];
        int at = 0;
        out[at++] = mean(librosa.zeroCrossingRate(audio));
        at = putColumnMeans(chroma, out, at);
        at = putColumnMeans(mfcc, out, at);
        out[at++] = mean(librosa.rms(audio));
        putColumnMeans(melPower, out, at);
        return out;
    }

    private FloatMatrix logMel(PcmAudio audio) {
        return librosa.powerToDb(librosa.melSpectrogram(audio));
    }

    private Features matrix(FloatMatrix m, int sampleRate) {
        return new Features(set, new int[] {m.rows(), m.cols()}, m.data(), sampleRate);
    }

    private Features zcrRms(PcmAudio audio) {
        float[] zcr = librosa.zeroCrossingRate(audio);
        float[] rms = librosa.rms(audio);
        float[] out = new float[2 * zcr.length];
        for (int t = 0; t < zcr.length; t++) {
            out[2 * t] = zcr[t];
            out[2 * t + 1] = rms[t];
        }
        return new Features(set, new int[] {zcr.length, 2}, out, audio.sampleRate());
    }

    /** Band-major, centre-cropped or floor-padded to {@code imageFrames} columns; see {@link FeatureSet#LOGMEL_IMAGE}. */
    private float[] image(FloatMatrix logMel) {
        int frames = logMel.rows();
        int bands = logMel.cols();
        int width = config().imageFrames();
        float[] db = logMel.data();
        float floor = Float.POSITIVE_INFINITY;
        for (float v : db) {
            floor = Math.min(floor, v);
        }
        float[] out = new float[bands * width];
        // column c of the image shows frame c + shift; negative shift pads at the start, positive crops
        int shift = (frames - width) / 2;
        if (frames < width) {
            shift = -((width - frames) / 2);
        }
        for (int c = 0; c < width; c++) {
            int t = c + shift;
            boolean inside = t >= 0 && t < frames;
            for (int m = 0; m < bands; m++) {
                out[m * width + c] = inside ? db[t * bands + m] : floor;
            }
        }
        return out;
    }

    private static int putColumnMeans(FloatMatrix m, float[] out, int at) {
        double[] means = m.columnMeans();
        for (double v : means) {
            out[at++] = (float) v;
        }
        return at;
    }

    private static float mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return (float) (sum / values.length);
    }

    @Override
    public String toString() {
        return "FeatureExtractor[" + set + ", " + config() + "]";
    }
}
