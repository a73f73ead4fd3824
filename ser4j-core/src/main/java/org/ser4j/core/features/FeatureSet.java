package org.ser4j.core.features;

/**
 * The named feature sets a {@link FeatureExtractor} produces. Shapes are given for a clip of {@code T} STFT
 * frames ({@code 1 + samples / hopLength}, librosa's centred frame count) and the {@link FeatureConfig}'s sizes,
 * with the defaults in brackets.
 */
public enum FeatureSet {

    /**
     * The brief's per-clip vector, shape {@code [1 + nChroma + nMfcc + 1 + nMels]} ([162]): the means over frames
     * of zero-crossing rate (1), chroma_stft (12), MFCC (20), RMS (1) and mel power (128), in that order, as
     * {@code np.hstack} of {@code np.mean(feature.T, axis=0)} computes them.
     */
    SEED162,

    /** Log-mel spectrogram, {@code power_to_db(melspectrogram)}, frame-major: shape {@code [T, nMels]} ([T, 128]). */
    LOGMEL,

    /** MFCC, frame-major: shape {@code [T, nMfcc]} ([T, 20]). */
    MFCC,

    /**
     * Zero-crossing rate and RMS per frame, frame-major: shape {@code [T', 2]} with column 0 the ZCR and column 1
     * the RMS, {@code T'} the frame count of the time-domain grid (equal to {@code T} with the defaults).
     */
    ZCR_RMS,

    /**
     * A fixed-size log-mel image for 2-D models, band-major as librosa orients spectrograms (row 0 the lowest
     * band): shape {@code [nMels, imageFrames]} ([128, 128]). A clip with more frames is cropped to its centre
     * ({@code (T - imageFrames) / 2} frames dropped at the start, the rest at the end); a shorter one is centred
     * and padded on both sides with its own floor, the smallest value of its log-mel spectrogram (with
     * {@code top_db} set, usually {@code max - top_db}), so padding reads as silence.
     */
    LOGMEL_IMAGE,

    /**
     * An utterance-level vector of statistics (functionals) over frame-level low-level descriptors (LLDs), in
     * the spirit of openSMILE's emobase and eGeMAPS, for a small classifier of emotion: shape {@code [D]} with
     * {@code D = 7 (2 nMfcc + 2 B + 10) + 4} ([466]), {@code B = min(8, nMels)}. Names of every
     * dimension: {@link FeatureExtractor#dimensionNames()} (or {@link FunctionalFeatures#names()}).
     *
     * <p>LLDs, one value per STFT frame ({@code T} frames, hop {@code hopLength}):
     * {@code mfcc0..mfcc(nMfcc-1)}; their deltas {@code mfccK_delta} ({@code librosa.feature.delta}, width 9,
     * interp); {@code log_energy_db} (the frame's RMS power in dB through {@code power_to_db}, so pauses floor at
     * {@code top_db} below the loudest frame) and its delta; {@code zcr} (on the STFT frame grid);
     * {@code spectral_centroid_hz}, {@code spectral_bandwidth_hz}, {@code spectral_rolloff_hz} (85 %),
     * {@code spectral_flatness} (librosa's definitions) and {@code spectral_flux_db} (mean positive log-mel rise);
     * {@code logmel_bandB_db}, the mean log-mel dB of {@code B} equal runs of mel bands, and their deltas;
     * {@code yin_cmnd_min}, the depth of YIN's best dip (low when clearly periodic, a voice-quality proxy); and
     * {@code f0_semitones}, {@code 12 log2(f0 / 27.5 Hz)} by {@link Yin} (65-600 Hz; voiced where its dip is below 0.3) over
     * <em>voiced frames only</em>.
     *
     * <p>Each LLD contributes 7 values, in LLD order: {@code mean, std, p10, p50, p90, range} (p90 - p10) and
     * {@code slope} (least-squares, units per second). A clip with no voiced frame has all 7 F0 values 0 (no
     * voiced F0 is below 14.9 semitones). Then 4 globals: {@code voiced_ratio}, {@code
     * voiced_segments_per_second} (runs of voiced frames per second of frames, a speaking-rate proxy),
     * {@code f0_abs_diff_semitones} and {@code log_energy_abs_diff_db} (mean absolute change between consecutive
     * voiced frames: frame-level, jitter- and shimmer-like, 0 without such a pair). Clip duration is left out
     * on purpose: it tells corpora apart, not emotions. Finite for every non-empty signal.
     */
    FUNCTIONALS;

    /** Whether this set needs chroma_stft (and therefore the STFT magnitude rather than just the power). */
    boolean needsChroma() {
        return this == SEED162;
    }
}
