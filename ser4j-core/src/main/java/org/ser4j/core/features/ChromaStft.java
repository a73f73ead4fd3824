package org.ser4j.core.features;

import org.ser4j.core.dsp.FloatMatrix;

/**
 * librosa's {@code chroma_stft} computed from a magnitude spectrogram (as the brief's feature code calls it:
 * {@code chroma_stft(S=np.abs(stft(y)), sr=sr)}), with librosa's tuning estimate and infinity-norm per frame.
 *
 * <p>PLACEHOLDER: the signature is fixed, the implementation lands separately.
 */
public final class ChromaStft {

    private final int sampleRate;
    private final int nFft;
    private final int nChroma;

    /**
     * @param sampleRate rate of the analysed signal
     * @param nFft       FFT length of the spectrogram that will be passed in
     * @param nChroma    chroma bins (librosa default 12)
     */
    public ChromaStft(int sampleRate, int nFft, int nChroma) {
        this.sampleRate = sampleRate;
        this.nFft = nFft;
        this.nChroma = nChroma;
    }

    /**
     * @param magnitude frame-major |STFT|, frames x (nFft/2 + 1)
     * @return frame-major chroma, frames x nChroma, each frame scaled so its largest value is 1
     */
    public FloatMatrix compute(FloatMatrix magnitude) {
        throw new UnsupportedOperationException("chroma_stft not implemented yet (" + sampleRate + ", " + nFft
                + ", " + nChroma + ")");
    }
}
