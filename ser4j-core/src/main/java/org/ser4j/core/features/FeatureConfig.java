package org.ser4j.core.features;

import java.util.OptionalDouble;
import org.ser4j.core.dsp.CentredFrames;
import org.ser4j.core.dsp.MelNorm;
import org.ser4j.core.dsp.MelScale;

/**
 * Every parameter of feature extraction. {@link #defaults()} mirrors librosa 0.10's defaults, which is what
 * the reference values in this project were computed with; each component says which librosa argument it is.
 *
 * <p>Build variants with {@link #builder()} or {@link #toBuilder()}: every setting is optional and starts from
 * its librosa default.
 *
 * @param nFft         STFT window and FFT length ({@code n_fft}, default 2048)
 * @param hopLength    STFT hop ({@code hop_length}, default 512)
 * @param nMels        mel bands ({@code n_mels}, default 128)
 * @param fMin         lowest mel edge in Hz ({@code fmin}, default 0)
 * @param fMax         highest mel edge in Hz ({@code fmax}); empty means librosa's default {@code sr / 2}
 * @param melScale     Hz-to-mel mapping ({@code htk}, default {@code False}, i.e. {@link MelScale#SLANEY})
 * @param melNorm      band normalisation ({@code norm}, default {@code 'slaney'}, i.e. {@link MelNorm#SLANEY})
 * @param ref          {@code power_to_db} reference power ({@code ref}, default 1.0)
 * @param amin         {@code power_to_db} smallest power ({@code amin}, default 1e-10)
 * @param topDb        {@code power_to_db} dynamic range in dB ({@code top_db}, default 80); empty for none
 * @param nMfcc        MFCC coefficients ({@code n_mfcc}, default 20), at most {@code nMels}
 * @param nChroma      chroma bins ({@code n_chroma}, default 12)
 * @param frameLength  frame length of the time-domain features ZCR and RMS ({@code frame_length}, default 2048)
 * @param frameHop     hop of the time-domain features ZCR and RMS ({@code hop_length}, default 512)
 * @param zcrThreshold magnitude counted as zero by the zero-crossing rate ({@code threshold}, default 1e-10)
 * @param imageFrames  width in frames of the {@link FeatureSet#LOGMEL_IMAGE} image; not a librosa parameter.
 *                     Default 128: a square 128 x 128 image, about 4.1 s at 16 kHz with hop 512, which
 *                     covers most emotional-speech utterances whole
 */
public record FeatureConfig(
        int nFft,
        int hopLength,
        int nMels,
        double fMin,
        OptionalDouble fMax,
        MelScale melScale,
        MelNorm melNorm,
        double ref,
        double amin,
        OptionalDouble topDb,
        int nMfcc,
        int nChroma,
        int frameLength,
        int frameHop,
        double zcrThreshold,
        int imageFrames) {

    /** librosa's {@code n_fft}. */
    public static final int DEFAULT_N_FFT = 2048;
    /** librosa's {@code hop_length}. */
    public static final int DEFAULT_HOP_LENGTH = 512;
    /** librosa's {@code n_mels}. */
    public static final int DEFAULT_N_MELS = 128;
    /** librosa's {@code power_to_db} {@code amin}. */
    public static final double DEFAULT_AMIN = 1e-10;
    /** librosa's {@code power_to_db} {@code top_db}. */
    public static final double DEFAULT_TOP_DB = 80.0;
    /** librosa's {@code n_mfcc}. */
    public static final int DEFAULT_N_MFCC = 20;
    /** librosa's {@code n_chroma}. */
    public static final int DEFAULT_N_CHROMA = 12;
    /** librosa's {@code zero_crossings} {@code threshold}. */
    public static final double DEFAULT_ZCR_THRESHOLD = 1e-10;
    /** Width of the 2-D log-mel image, in frames (see {@link #imageFrames()}). */
    public static final int DEFAULT_IMAGE_FRAMES = 128;

    private static final FeatureConfig DEFAULTS = new Builder().build();

    public FeatureConfig {
        requireNonNull(fMax, "fMax");
        requireNonNull(melScale, "melScale");
        requireNonNull(melNorm, "melNorm");
        requireNonNull(topDb, "topDb");
        if (nFft < 2 || nFft % 2 != 0) {
            throw new IllegalArgumentException("n_fft must be even and at least 2, was " + nFft);
        }
        requirePositive(hopLength, "hop length");
        requirePositive(nMels, "number of mel bands");
        if (!(fMin >= 0) || Double.isInfinite(fMin)) {
            throw new IllegalArgumentException("fmin must be a finite frequency >= 0 Hz, was " + fMin);
        }
        if (fMax.isPresent() && !(fMax.getAsDouble() > fMin && Double.isFinite(fMax.getAsDouble()))) {
            throw new IllegalArgumentException("fmax must be finite and above fmin (" + fMin + " Hz), was "
                    + fMax.getAsDouble());
        }
        if (!Double.isFinite(ref) || ref == 0) {
            throw new IllegalArgumentException("ref must be a finite non-zero power, was " + ref);
        }
        if (!(amin > 0) || Double.isInfinite(amin)) {
            throw new IllegalArgumentException("amin must be a finite positive power, was " + amin);
        }
        if (topDb.isPresent() && !(topDb.getAsDouble() >= 0)) {
            throw new IllegalArgumentException("top_db must be non-negative, was " + topDb.getAsDouble());
        }
        if (nMfcc < 1 || nMfcc > nMels) {
            throw new IllegalArgumentException("n_mfcc must be between 1 and n_mels (" + nMels + "), was " + nMfcc);
        }
        requirePositive(nChroma, "number of chroma bins");
        requirePositive(frameLength, "frame length");
        requirePositive(frameHop, "frame hop");
        if (!(zcrThreshold >= 0) || Double.isInfinite(zcrThreshold)) {
            throw new IllegalArgumentException("zero-crossing threshold must be finite and >= 0, was "
                    + zcrThreshold);
        }
        requirePositive(imageFrames, "image width in frames");
    }

    /** librosa 0.10's defaults for every parameter (and {@link #DEFAULT_IMAGE_FRAMES}). */
    public static FeatureConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The highest mel edge for a signal at {@code sampleRate}: {@link #fMax()} or, when empty, the Nyquist rate. */
    public double fMaxFor(int sampleRate) {
        return fMax.orElse(sampleRate / 2.0);
    }

    /** The frame grid of the time-domain features (ZCR, RMS). */
    public CentredFrames timeFrames() {
        return new CentredFrames(frameLength, frameHop);
    }

    private static void requirePositive(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
    }

    private static void requireNonNull(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
    }

    /** Builds a {@link FeatureConfig}; every {@code opt...} setting defaults to librosa's value. */
    public static final class Builder {
        private int nFft = DEFAULT_N_FFT;
        private int hopLength = DEFAULT_HOP_LENGTH;
        private int nMels = DEFAULT_N_MELS;
        private double fMin = 0.0;
        private OptionalDouble fMax = OptionalDouble.empty();
        private MelScale melScale = MelScale.SLANEY;
        private MelNorm melNorm = MelNorm.SLANEY;
        private double ref = 1.0;
        private double amin = DEFAULT_AMIN;
        private OptionalDouble topDb = OptionalDouble.of(DEFAULT_TOP_DB);
        private int nMfcc = DEFAULT_N_MFCC;
        private int nChroma = DEFAULT_N_CHROMA;
        private int frameLength = DEFAULT_N_FFT;
        private int frameHop = DEFAULT_HOP_LENGTH;
        private double zcrThreshold = DEFAULT_ZCR_THRESHOLD;
        private int imageFrames = DEFAULT_IMAGE_FRAMES;

        private Builder() {
        }

        private Builder(FeatureConfig c) {
            nFft = c.nFft;
            hopLength = c.hopLength;
            nMels = c.nMels;
            fMin = c.fMin;
            fMax = c.fMax;
            melScale = c.melScale;
            melNorm = c.melNorm;
            ref = c.ref;
            amin = c.amin;
            topDb = c.topDb;
            nMfcc = c.nMfcc;
            nChroma = c.nChroma;
            frameLength = c.frameLength;
            frameHop = c.frameHop;
            zcrThreshold = c.zcrThreshold;
            imageFrames = c.imageFrames;
        }

        /** STFT length, see {@link FeatureConfig#nFft()}. */
        public Builder optNFft(int value) {
            nFft = value;
            return this;
        }

        /** STFT hop, see {@link FeatureConfig#hopLength()}. */
        public Builder optHopLength(int value) {
            hopLength = value;
            return this;
        }

        /** Mel bands, see {@link FeatureConfig#nMels()}. */
        public Builder optNMels(int value) {
            nMels = value;
            return this;
        }

        /** Lowest mel edge, see {@link FeatureConfig#fMin()}. */
        public Builder optFMin(double hz) {
            fMin = hz;
            return this;
        }

        /** A fixed highest mel edge, see {@link FeatureConfig#fMax()}. */
        public Builder optFMax(double hz) {
            fMax = OptionalDouble.of(hz);
            return this;
        }

        /** Highest mel edge at each signal's Nyquist rate, librosa's default. */
        public Builder optFMaxAtNyquist() {
            fMax = OptionalDouble.empty();
            return this;
        }

        /** Mel scale, see {@link FeatureConfig#melScale()}. */
        public Builder optMelScale(MelScale value) {
            melScale = value;
            return this;
        }

        /** Mel band normalisation, see {@link FeatureConfig#melNorm()}. */
        public Builder optMelNorm(MelNorm value) {
            melNorm = value;
            return this;
        }

        /** dB reference power, see {@link FeatureConfig#ref()}. */
        public Builder optRef(double value) {
            ref = value;
            return this;
        }

        /** Smallest power in dB conversion, see {@link FeatureConfig#amin()}. */
        public Builder optAmin(double value) {
            amin = value;
            return this;
        }

        /** Dynamic range kept by dB conversion, see {@link FeatureConfig#topDb()}. */
        public Builder optTopDb(double db) {
            topDb = OptionalDouble.of(db);
            return this;
        }

        /** No dynamic-range floor in dB conversion ({@code top_db=None}). */
        public Builder optNoTopDb() {
            topDb = OptionalDouble.empty();
            return this;
        }

        /** MFCC coefficients, see {@link FeatureConfig#nMfcc()}. */
        public Builder optNMfcc(int value) {
            nMfcc = value;
            return this;
        }

        /** Chroma bins, see {@link FeatureConfig#nChroma()}. */
        public Builder optNChroma(int value) {
            nChroma = value;
            return this;
        }

        /** Frame length of ZCR and RMS, see {@link FeatureConfig#frameLength()}. */
        public Builder optFrameLength(int value) {
            frameLength = value;
            return this;
        }

        /** Hop of ZCR and RMS, see {@link FeatureConfig#frameHop()}. */
        public Builder optFrameHop(int value) {
            frameHop = value;
            return this;
        }

        /** Zero threshold of the zero-crossing rate, see {@link FeatureConfig#zcrThreshold()}. */
        public Builder optZcrThreshold(double value) {
            zcrThreshold = value;
            return this;
        }

        /** Width of the log-mel image, see {@link FeatureConfig#imageFrames()}. */
        public Builder optImageFrames(int value) {
            imageFrames = value;
            return this;
        }

        /** The validated configuration; throws {@link IllegalArgumentException} naming a bad setting. */
        public FeatureConfig build() {
            return new FeatureConfig(nFft, hopLength, nMels, fMin, fMax, melScale, melNorm, ref, amin, topDb,
                    nMfcc, nChroma, frameLength, frameHop, zcrThreshold, imageFrames);
        }
    }
}
