package org.ser4j.core.features;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.ser4j.core.dsp.FloatMatrix;

/**
 * librosa 0.10.1's {@code chroma_stft} computed from a magnitude spectrogram, as the brief's feature code calls
 * it: {@code chroma_stft(S=np.abs(stft(y)), sr=sr)}. The magnitude is used as given (librosa squares only a
 * spectrogram it computes itself); the tuning is {@code estimate_tuning(S=S, sr=sr, bins_per_octave=n_chroma)}
 * ({@link TuningEstimator}); the filter bank is {@link ChromaFilterBank#librosaDefault}; each frame is divided by
 * its largest value ({@code util.normalize(norm=inf, axis=-2)}), and a frame whose largest value is below
 * float32's smallest normal number (an all-zero frame) is left as it is, so silence gives zeros, not NaN.
 *
 * <p>The estimated tuning takes one of 100 values, and the filter bank for each is built on first use and kept:
 * an instance is immutable apart from that cache and safe to share between threads.
 */
public final class ChromaStft {

    private final int sampleRate;
    private final int nFft;
    private final int nChroma;
    private final TuningEstimator tuningEstimator;
    private final AtomicReferenceArray<ChromaFilterBank> banks;

    /**
     * @param sampleRate rate of the analysed signal, Hz; positive
     * @param nFft       FFT length of the spectrogram that will be passed in (librosa default 2048); even, >= 2
     * @param nChroma    chroma bins (librosa default 12); positive
     */
    public ChromaStft(int sampleRate, int nFft, int nChroma) {
        if (nFft < 2 || nFft % 2 != 0) {
            throw new IllegalArgumentException("n_fft must be even and at least 2, was " + nFft);
        }
        if (nChroma <= 0) {
            throw new IllegalArgumentException("n_chroma must be positive, was " + nChroma);
        }
        this.sampleRate = sampleRate;
        this.nFft = nFft;
        this.nChroma = nChroma;
        this.tuningEstimator = new TuningEstimator(sampleRate, nChroma);
        this.banks = new AtomicReferenceArray<>(tuningEstimator.histogramBins());
    }

    /**
     * Chroma with librosa's own tuning estimate.
     *
     * @param magnitude frame-major |STFT|, frames x (nFft/2 + 1)
     * @return frame-major chroma, frames x nChroma, each frame scaled so its largest value is 1 (all-zero frames
     *     stay zero)
     */
    public FloatMatrix compute(FloatMatrix magnitude) {
        checkShape(magnitude);
        return compute(magnitude, tuningEstimator.estimate(magnitude));
    }

    /**
     * Chroma with a given tuning ({@code chroma_stft(S=..., tuning=...)}), skipping the estimate.
     *
     * @param magnitude frame-major |STFT|, frames x (nFft/2 + 1)
     * @param tuning    deviation from A440 in fractions of a chroma bin; finite
     */
    public FloatMatrix compute(FloatMatrix magnitude, double tuning) {
        checkShape(magnitude);
        FloatMatrix raw = filterBank(tuning).apply(magnitude);
        normalizeFrames(raw);
        return raw;
    }

    /** The tuning librosa would estimate for this spectrogram, in fractions of a chroma bin. */
    public double estimateTuning(FloatMatrix magnitude) {
        checkShape(magnitude);
        return tuningEstimator.estimate(magnitude);
    }

    /** The filter bank for a tuning: cached for the 100 values the estimator produces, built afresh otherwise. */
    public ChromaFilterBank filterBank(double tuning) {
        int slot = tuningEstimator.histogramIndex(tuning);
        if (slot < 0) {
            return ChromaFilterBank.librosaDefault(sampleRate, nFft, nChroma, tuning);
        }
        ChromaFilterBank bank = banks.get(slot);
        if (bank == null) {
            // A race builds the same immutable bank twice at worst; either copy is correct.
            bank = ChromaFilterBank.librosaDefault(sampleRate, nFft, nChroma, tuning);
            banks.compareAndSet(slot, null, bank);
        }
        return bank;
    }

    private void checkShape(FloatMatrix magnitude) {
        if (magnitude.cols() != nFft / 2 + 1) {
            throw new IllegalArgumentException("magnitude has " + magnitude.cols() + " bins per frame, expected "
                    + (nFft / 2 + 1) + " for n_fft " + nFft);
        }
    }

    /**
     * {@code util.normalize(raw, norm=np.inf, axis=-2)} in place: each frame divided by its largest absolute
     * value (float32 divided by float64 and stored as float32, which equals a float32 division); frames whose
     * largest value is below float32 {@code tiny} are left unscaled.
     */
    private void normalizeFrames(FloatMatrix raw) {
        float[] d = raw.data();
        for (int t = 0, frames = raw.rows(); t < frames; t++) {
            int off = t * nChroma;
            float length = 0f;
            for (int c = 0; c < nChroma; c++) {
                float v = Math.abs(d[off + c]);
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("chroma of frame " + t + " is not finite: the magnitude"
                            + " spectrogram holds NaN or infinite values");
                }
                length = Math.max(length, v);
            }
            if (length < Float.MIN_NORMAL) {
                continue;
            }
            for (int c = 0; c < nChroma; c++) {
                d[off + c] /= length;
            }
        }
    }
}
