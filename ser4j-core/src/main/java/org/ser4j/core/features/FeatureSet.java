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
    LOGMEL_IMAGE;

    /** Whether this set needs chroma_stft (and therefore the STFT magnitude rather than just the power). */
    boolean needsChroma() {
        return this == SEED162;
    }
}
