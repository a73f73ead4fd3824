package org.ser4j.core.features;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.dsp.DctII;
import org.ser4j.core.dsp.FloatMatrix;
import org.ser4j.core.dsp.MelFilterBank;
import org.ser4j.core.dsp.PowerToDb;
import org.ser4j.core.dsp.Stft;

/**
 * librosa's per-frame features of one clip, one method per librosa function, all parameterised by one
 * {@link FeatureConfig}. {@link FeatureExtractor} assembles the named {@link FeatureSet}s from these; they are
 * public so that each step can be checked against librosa on its own.
 *
 * <p>Every table is built once: the STFT window and FFT plan, the DCT basis and the ZCR/RMS frame grid at
 * construction, and the mel and chroma filter banks on first use of each sample rate (kept for the lifetime of
 * the instance; a handful of rates in practice). Immutable apart from that cache, and thread-safe.
 */
public final class LibrosaFeatures {

    private final FeatureConfig config;
    private final Stft stft;
    private final PowerToDb powerToDb;
    private final DctII dct;
    private final ZeroCrossingRate zcr;
    private final Rms rms;
    private final ConcurrentMap<Integer, MelFilterBank> melBanks = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, ChromaStft> chromaBanks = new ConcurrentHashMap<>();

    /** @param config every parameter; {@link FeatureConfig#defaults()} for librosa's */
    public LibrosaFeatures(FeatureConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("feature config must not be null");
        }
        this.config = config;
        this.stft = new Stft(config.nFft(), config.hopLength());
        this.powerToDb = new PowerToDb(config.ref(), config.amin(), config.topDb());
        this.dct = new DctII(config.nMels(), config.nMfcc());
        this.zcr = new ZeroCrossingRate(config.timeFrames(), config.zcrThreshold());
        this.rms = new Rms(config.timeFrames());
    }

    /** The configuration. */
    public FeatureConfig config() {
        return config;
    }

    /** STFT frames for a signal of {@code samples} samples, {@code 1 + samples / hopLength}. */
    public int frameCount(int samples) {
        return stft.frameCount(samples);
    }

    /** {@code np.abs(librosa.stft(y))} or its square, frame-major: frames x {@code nFft/2 + 1}. */
    public FloatMatrix stft(PcmAudio audio, Stft.Scale scale) {
        return stft.compute(requireSamples(audio), scale);
    }

    /** The mel filter bank for signals at {@code sampleRate}, built on first use. */
    public MelFilterBank melFilterBank(int sampleRate) {
        return melBanks.computeIfAbsent(sampleRate, sr -> MelFilterBank.create(sr, config.nFft(), config.nMels(),
                config.fMin(), checkedFMax(sr), config.melScale(), config.melNorm()));
    }

    /** {@code librosa.feature.melspectrogram(y=y, sr=sr)}: mel power, frames x nMels. */
    public FloatMatrix melSpectrogram(PcmAudio audio) {
        return melSpectrogram(stft(audio, Stft.Scale.POWER), Stft.Scale.POWER, audio.sampleRate());
    }

    /** {@code melspectrogram(S=spectrogram ** (2 if magnitude else 1))}: mel power, frames x nMels. */
    public FloatMatrix melSpectrogram(FloatMatrix spectrogram, Stft.Scale scale, int sampleRate) {
        return melFilterBank(sampleRate).apply(spectrogram, scale);
    }

    /** {@code librosa.power_to_db(S, ref, amin, top_db)} over the whole matrix; same shape. */
    public FloatMatrix powerToDb(FloatMatrix power) {
        return powerToDb.apply(power);
    }

    /** {@code librosa.feature.mfcc(S=logMel, n_mfcc)}: frames x nMfcc from frames x nMels dB. */
    public FloatMatrix mfcc(FloatMatrix logMel) {
        return dct.apply(logMel);
    }

    /** {@code librosa.feature.chroma_stft(S=magnitude, sr, n_fft, n_chroma)}: frames x nChroma. */
    public FloatMatrix chroma(FloatMatrix magnitude, int sampleRate) {
        return chromaBanks.computeIfAbsent(sampleRate, sr -> new ChromaStft(sr, config.nFft(), config.nChroma()))
                .compute(magnitude);
    }

    /** {@code librosa.feature.zero_crossing_rate(y, frame_length, hop_length)}: one value per frame. */
    public float[] zeroCrossingRate(PcmAudio audio) {
        return zcr.compute(requireSamples(audio));
    }

    /** {@code librosa.feature.rms(y=y, frame_length, hop_length)}: one value per frame. */
    public float[] rms(PcmAudio audio) {
        return rms.compute(requireSamples(audio));
    }

    private double checkedFMax(int sampleRate) {
        double fMax = config.fMaxFor(sampleRate);
        if (!(fMax > config.fMin())) {
            throw new IllegalArgumentException("fmax " + fMax + " Hz at " + sampleRate + " Hz must lie above fmin "
                    + config.fMin() + " Hz");
        }
        return fMax;
    }

    /** Features of nothing are undefined: librosa itself fails on an empty signal. */
    static float[] requireSamples(PcmAudio audio) {
        if (audio == null) {
            throw new IllegalArgumentException("audio must not be null");
        }
        if (audio.length() == 0) {
            throw new IllegalArgumentException("cannot compute features of an empty signal (0 samples at "
                    + audio.sampleRate() + " Hz); at least one sample is needed");
        }
        return audio.samples();
    }
}
