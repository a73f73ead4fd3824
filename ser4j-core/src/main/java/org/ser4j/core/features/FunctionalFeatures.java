package org.ser4j.core.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.dsp.CentredFrames;
import org.ser4j.core.dsp.FastLog;
import org.ser4j.core.dsp.FloatMatrix;
import org.ser4j.core.dsp.Stft;

/**
 * The {@link FeatureSet#FUNCTIONALS} vector of one clip: statistics over the clip ({@link Functionals}) of
 * frame-level low-level descriptors (LLDs), in the spirit of openSMILE's emobase and eGeMAPS sets. The layout is
 * documented on {@link FeatureSet#FUNCTIONALS}; {@link #names()} names every dimension.
 *
 * <p>All descriptors share the STFT's frame grid ({@code 1 + samples / hopLength} frames centred on multiples of
 * the hop), so one STFT per clip serves MFCC, energy and spectral shape, and YIN runs on its own frames centred on
 * the same instants. With the default hop of 512 samples (32 ms at 16 kHz) the grid is coarse by speech-analysis
 * standards (openSMILE uses 10 ms); the jitter- and shimmer-like measures are therefore frame-to-frame, not
 * period-to-period, variations.
 *
 * <p>Tables are built once (those of {@link LibrosaFeatures}, and YIN per sample rate on first use). Immutable
 * apart from that cache, and thread-safe.
 */
public final class FunctionalFeatures {

    /** Coarse band energies, each the mean of {@code nMels / 8} adjacent log-mel bands (fewer if nMels < 8). */
    static final int COARSE_BANDS = 8;
    /** librosa.feature.spectral_rolloff's default {@code roll_percent}. */
    static final double ROLL_PERCENT = 0.85;
    /** librosa.feature.spectral_flatness's default {@code amin} on the power spectrum. */
    static final float FLATNESS_AMIN = 1e-10f;
    /** Reference of the F0 semitone scale: A0, 27.5 Hz, so every F0 searched is positive. */
    static final double SEMITONE_REFERENCE_HZ = 27.5;

    private final LibrosaFeatures librosa;
    private final ZeroCrossingRate zcr;
    private final int coarseBands;
    private final List<String> descriptorNames;
    private final List<String> names;
    private final ConcurrentMap<Integer, Yin> yins = new ConcurrentHashMap<>();

    /** @param config every STFT and mel parameter; {@link FeatureConfig#defaults()} for librosa's */
    public FunctionalFeatures(FeatureConfig config) {
        this(new LibrosaFeatures(config));
    }

    FunctionalFeatures(LibrosaFeatures librosa) {
        this.librosa = librosa;
        FeatureConfig c = librosa.config();
        // the ZCR's own frame settings are for the SEED162 grid; here it follows the STFT so frames line up
        this.zcr = new ZeroCrossingRate(new CentredFrames(c.nFft(), c.hopLength()), c.zcrThreshold());
        this.coarseBands = Math.min(COARSE_BANDS, c.nMels());
        this.descriptorNames = descriptorNames(c.nMfcc(), coarseBands);
        List<String> all = new ArrayList<>();
        for (String d : descriptorNames) {
            for (String s : Functionals.NAMES) {
                all.add(d + "." + s);
            }
        }
        all.add("voiced_ratio");
        all.add("voiced_segments_per_second");
        all.add("f0_abs_diff_semitones");
        all.add("log_energy_abs_diff_db");
        this.names = Collections.unmodifiableList(all);
    }

    /** The configuration. */
    public FeatureConfig config() {
        return librosa.config();
    }

    /** Number of values, {@code names().size()}. */
    public int size() {
        return names.size();
    }

    /** The name of every dimension, in order, such as {@code "mfcc3_delta.p90"} or {@code "f0_semitones.mean"}. */
    public List<String> names() {
        return names;
    }

    /**
     * The functionals of {@code audio}; finite for any non-empty signal.
     *
     * @throws IllegalArgumentException if {@code audio} is empty, or its sample rate is below
     *                                  {@code 2 * }{@link Yin#DEFAULT_F_MAX} so pitch cannot be searched
     */
    public float[] compute(PcmAudio audio) {
        float[] y = LibrosaFeatures.requireSamples(audio);
        int sr = audio.sampleRate();
        int hop = config().hopLength();
        PitchTrack pitch = yins.computeIfAbsent(sr, rate -> Yin.withDefaults(rate, hop)).compute(y);
        FloatMatrix magnitude = librosa.stft(audio, Stft.Scale.MAGNITUDE);
        FloatMatrix logMel = librosa.powerToDb(librosa.melSpectrogram(magnitude, Stft.Scale.MAGNITUDE, sr));
        FloatMatrix mfcc = librosa.mfcc(logMel);
        int frames = magnitude.rows();
        double secondsPerFrame = (double) hop / sr;

        List<double[]> lld = new ArrayList<>(descriptorNames.size());
        for (int k = 0; k < mfcc.cols(); k++) {
            lld.add(column(mfcc, k));
        }
        for (int k = 0; k < mfcc.cols(); k++) {
            lld.add(Delta.of(lld.get(k)));
        }
        double[] energy = logEnergy(magnitude);
        lld.add(energy);
        lld.add(Delta.of(energy));
        lld.add(toDouble(zcr.compute(y)));
        addSpectralShape(magnitude, sr, lld);
        lld.add(flux(logMel));
        List<double[]> bands = coarseBandEnergies(logMel);
        lld.addAll(bands);
        for (double[] band : bands) {
            lld.add(Delta.of(band));
        }
        lld.add(pitch.cmndMin());

        float[] out = new float[size()];
        double[] seconds = new double[frames];
        for (int t = 0; t < frames; t++) {
            seconds[t] = t * secondsPerFrame;
        }
        int at = 0;
        for (double[] series : lld) {
            at = Functionals.summarise(series, seconds, out, at);
        }
        at = putPitch(pitch, energy, secondsPerFrame, out, at);
        if (at != out.length || lld.size() + 1 != descriptorNames.size()) {
            throw new IllegalStateException("functionals layout out of step with names: wrote " + at + " of "
                    + out.length);
        }
        return out;
    }

    private static List<String> descriptorNames(int nMfcc, int bands) {
        List<String> d = new ArrayList<>();
        for (int k = 0; k < nMfcc; k++) {
            d.add("mfcc" + k);
        }
        for (int k = 0; k < nMfcc; k++) {
            d.add("mfcc" + k + "_delta");
        }
        d.add("log_energy_db");
        d.add("log_energy_db_delta");
        d.add("zcr");
        d.add("spectral_centroid_hz");
        d.add("spectral_bandwidth_hz");
        d.add("spectral_rolloff_hz");
        d.add("spectral_flatness");
        d.add("spectral_flux_db");
        for (int b = 0; b < bands; b++) {
            d.add("logmel_band" + b + "_db");
        }
        for (int b = 0; b < bands; b++) {
            d.add("logmel_band" + b + "_db_delta");
        }
        d.add("yin_cmnd_min");
        d.add("f0_semitones");
        return d;
    }

    /**
     * F0 functionals over voiced frames only (at their own times; zeros when none is voiced), then the global
     * voicing, speaking-rate and frame-to-frame variation measures.
     */
    private static int putPitch(PitchTrack pitch, double[] energyDb, double secondsPerFrame, float[] out, int at) {
        boolean[] voiced = pitch.voiced();
        double[] f0 = pitch.f0Hz();
        int frames = voiced.length;
        int count = 0;
        for (boolean v : voiced) {
            count += v ? 1 : 0;
        }
        double[] semitones = new double[count];
        double[] seconds = new double[count];
        int segments = 0;
        int pairs = 0;
        double f0Steps = 0;
        double energySteps = 0;
        for (int t = 0, i = 0; t < frames; t++) {
            if (!voiced[t]) {
                continue;
            }
            semitones[i] = 12.0 * Math.log(f0[t] / SEMITONE_REFERENCE_HZ) / Math.log(2.0);
            seconds[i] = t * secondsPerFrame;
            if (t > 0 && voiced[t - 1]) {
                pairs++;
                f0Steps += Math.abs(semitones[i] - semitones[i - 1]);
                energySteps += Math.abs(energyDb[t] - energyDb[t - 1]);
            } else {
                segments++;
            }
            i++;
        }
        at = Functionals.summarise(semitones, seconds, out, at);
        out[at++] = (float) count / frames;
        out[at++] = (float) (segments / (frames * secondsPerFrame));
        out[at++] = pairs == 0 ? 0f : (float) (f0Steps / pairs);
        out[at++] = pairs == 0 ? 0f : (float) (energySteps / pairs);
        return at;
    }

    /**
     * Frame energy in dB: {@code librosa.feature.rms(S=magnitude)} squared (the window's power by Parseval, DC
     * and Nyquist bins counted once), then {@code power_to_db} with the configuration's ref, amin and top_db, so
     * pauses sit at most top_db below the loudest frame.
     */
    private double[] logEnergy(FloatMatrix magnitude) {
        int frames = magnitude.rows();
        int bins = magnitude.cols();
        double n = config().nFft();
        float[] data = magnitude.data();
        float[] power = new float[frames];
        for (int t = 0; t < frames; t++) {
            int row = t * bins;
            double sum = 0;
            for (int k = 0; k < bins; k++) {
                double s = data[row + k];
                sum += s * s;
            }
            double edges = data[row] * (double) data[row] + data[row + bins - 1] * (double) data[row + bins - 1];
            power[t] = (float) (2 * (sum - 0.5 * edges) / (n * n));
        }
        return column(librosa.powerToDb(new FloatMatrix(frames, 1, power)), 0);
    }

    /**
     * librosa's spectral_centroid, spectral_bandwidth (p = 2), spectral_rolloff (85 %) and spectral_flatness
     * (power 2, amin 1e-10) of each magnitude frame. A frame without energy has centroid, bandwidth and roll-off
     * 0, as librosa's normalisation and cumulative sum give, and flatness 1.
     */
    private void addSpectralShape(FloatMatrix magnitude, int sampleRate, List<double[]> lld) {
        int frames = magnitude.rows();
        int bins = magnitude.cols();
        float[] data = magnitude.data();
        double binHz = (double) sampleRate / config().nFft();
        double[] centroid = new double[frames];
        double[] bandwidth = new double[frames];
        double[] rolloff = new double[frames];
        double[] flatness = new double[frames];
        for (int t = 0; t < frames; t++) {
            int row = t * bins;
            double sum = 0;
            double first = 0;
            double second = 0;
            double logPower = 0;
            double power = 0;
            for (int k = 0; k < bins; k++) {
                float s = data[row + k];
                double f = k * binHz;
                sum += s;
                first += s * f;
                second += s * f * f;
                float p = Math.max(FLATNESS_AMIN, s * s);
                power += p;
                logPower += FastLog.log10(p);
            }
            flatness[t] = Math.pow(10.0, logPower / bins) / (power / bins);
            if (!(sum > 0)) {
                continue;
            }
            double c = first / sum;
            centroid[t] = c;
            // E[f^2] - c^2 can come out a hair below zero for a pure tone
            bandwidth[t] = Math.sqrt(Math.max(0.0, second / sum - c * c));
            double target = ROLL_PERCENT * sum;
            double cumulative = 0;
            int k = 0;
            while (k < bins - 1 && (cumulative += data[row + k]) < target) {
                k++;
            }
            rolloff[t] = k * binHz;
        }
        lld.add(centroid);
        lld.add(bandwidth);
        lld.add(rolloff);
        lld.add(flatness);
    }

    /**
     * Spectral flux as librosa's onset strength measures it: the mean over mel bands of the positive change in
     * dB from the previous frame (0 for the first frame).
     */
    private static double[] flux(FloatMatrix logMel) {
        int frames = logMel.rows();
        int bands = logMel.cols();
        float[] db = logMel.data();
        double[] out = new double[frames];
        for (int t = 1; t < frames; t++) {
            double sum = 0;
            for (int m = 0; m < bands; m++) {
                sum += Math.max(0f, db[t * bands + m] - db[(t - 1) * bands + m]);
            }
            out[t] = sum / bands;
        }
        return out;
    }

    /** The mean dB of each of {@link #coarseBands} equal runs of consecutive mel bands, lowest first. */
    private List<double[]> coarseBandEnergies(FloatMatrix logMel) {
        int frames = logMel.rows();
        int bands = logMel.cols();
        float[] db = logMel.data();
        List<double[]> out = new ArrayList<>(coarseBands);
        for (int b = 0; b < coarseBands; b++) {
            int from = b * bands / coarseBands;
            int to = (b + 1) * bands / coarseBands;
            double[] series = new double[frames];
            for (int t = 0; t < frames; t++) {
                double sum = 0;
                for (int m = from; m < to; m++) {
                    sum += db[t * bands + m];
                }
                series[t] = sum / (to - from);
            }
            out.add(series);
        }
        return out;
    }

    private static double[] column(FloatMatrix m, int c) {
        double[] out = new double[m.rows()];
        for (int t = 0; t < out.length; t++) {
            out[t] = m.get(t, c);
        }
        return out;
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Override
    public String toString() {
        return "FunctionalFeatures[" + size() + " values, " + config() + "]";
    }
}
