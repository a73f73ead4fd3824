package org.ser4j.core.augment;

import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

import org.ser4j.core.audio.PcmAudio;
import org.ser4j.core.dsp.ComplexSpectrogram;
import org.ser4j.core.dsp.Istft;
import org.ser4j.core.dsp.PhaseVocoder;
import org.ser4j.core.dsp.Resampler;
import org.ser4j.core.dsp.Stft;

/**
 * The augmentation primitives: pure functions of a clip (and, for noise, a random generator) that return a
 * new clip at the same sample rate and never modify their input. Stateless and thread-safe.
 */
public final class Augmentations {

    /** FFT length of {@link #timeStretch}'s STFT: librosa's default {@code n_fft}. */
    public static final int N_FFT = 2048;
    /** Hop of {@link #timeStretch}'s STFT: librosa's default {@code n_fft / 4}. */
    public static final int HOP_LENGTH = 512;
    /**
     * How closely {@link #pitchShift} approximates its resampling ratio by a fraction (relative error; 1e-4
     * is 0.17 cent, far below the ~5 cents a listener notices): see {@link #pitchShift}.
     */
    static final double RATIO_TOLERANCE = 1e-4;

    private static final Stft STFT = new Stft(N_FFT, HOP_LENGTH);
    private static final Istft ISTFT = new Istft(N_FFT, HOP_LENGTH);

    private Augmentations() {
    }

    /**
     * {@code a} plus white Gaussian noise whose power is the signal's power (mean square over the clip)
     * divided by {@code 10^(snrDb / 10)}. The drawn noise is rescaled to exactly that power, so the achieved
     * SNR is {@code snrDb} (to float rounding) rather than a random value near it. A silent or empty clip has
     * no power to measure and comes back unchanged (as a copy): noise relative to nothing is undefined.
     *
     * <p>The brief added {@code 0.035 * U(0,1) * max|y| * N(0,1)}, relative to the peak; an SNR relative to the
     * mean power is independent of how peaky the clip is, and a range of SNRs is easier to reason about.
     *
     * @param snrDb signal-to-noise ratio in dB; any finite value (negative: more noise than signal)
     * @param rng   source of the noise samples
     * @throws IllegalArgumentException if {@code snrDb} is not finite
     */
    public static PcmAudio noise(PcmAudio a, double snrDb, RandomGenerator rng) {
        Objects.requireNonNull(a, "audio");
        Objects.requireNonNull(rng, "rng");
        if (!Double.isFinite(snrDb)) {
            throw new IllegalArgumentException("SNR must be a finite number of dB, was " + snrDb);
        }
        float[] y = a.samples();
        double signalPower = meanSquare(y);
        if (!(signalPower > 0)) {
            return new PcmAudio(y.clone(), a.sampleRate());
        }
        double[] z = new double[y.length];
        double zPower = 0;
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextGaussian();
            zPower += z[i] * z[i];
        }
        zPower /= z.length;
        double scale = Math.sqrt(signalPower / Math.pow(10, snrDb / 10) / zPower);
        float[] out = new float[y.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (y[i] + scale * z[i]);
        }
        return new PcmAudio(out, a.sampleRate());
    }

    /**
     * {@code a} delayed by {@code samples} (negative: advanced), the same length, with zeros where no input
     * sample lands: {@code out[i] = a[i - samples]} inside the clip, 0 outside. A shift of at least the clip's
     * length gives silence.
     *
     * <p>The brief rolled the signal ({@code np.roll}, wrapping around); wrapping would move the end of a
     * sentence before its beginning, a splice no real recording has, while a zero-filled shift only changes
     * how much silence surrounds the speech.
     */
    public static PcmAudio shift(PcmAudio a, int samples) {
        Objects.requireNonNull(a, "audio");
        float[] y = a.samples();
        int n = y.length;
        float[] out = new float[n];
        if (Math.abs((long) samples) < n) {
            if (samples >= 0) {
                System.arraycopy(y, 0, out, samples, n - samples);
            } else {
                System.arraycopy(y, -samples, out, 0, n + samples);
            }
        }
        return new PcmAudio(out, a.sampleRate());
    }

    /** {@code seconds} at {@code sampleRate} as a whole number of samples, to the nearest (halves to even). */
    static int secondsToSamples(double seconds, int sampleRate) {
        double s = Math.rint(seconds * sampleRate);
        if (!(Math.abs(s) <= Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("a shift of " + seconds + " s at " + sampleRate
                    + " Hz is not a usable number of samples");
        }
        return (int) s;
    }

    /**
     * {@code a} played {@code rate} times faster at the same pitch, as {@code librosa.effects.time_stretch(y,
     * rate=rate)} (librosa 0.10, default STFT parameters): centred STFT ({@link #N_FFT}, {@link #HOP_LENGTH},
     * periodic Hann), {@link PhaseVocoder}, then {@link Istft} to {@code round(n / rate)} samples (Python's
     * {@code round}: halves to even). At rate 1 the output equals the input to float rounding.
     *
     * @param rate speed-up factor: above 1 shortens the clip, below 1 lengthens it
     * @throws IllegalArgumentException if {@code rate} is not positive and finite, or the output would not fit
     *                                  in an array
     */
    public static PcmAudio timeStretch(PcmAudio a, double rate) {
        Objects.requireNonNull(a, "audio");
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("stretch rate must be positive and finite, was " + rate);
        }
        double length = Math.rint(a.length() / rate);
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("stretching " + a.length() + " samples by rate " + rate
                    + " gives " + length + " samples, more than an array holds");
        }
        ComplexSpectrogram stretched = PhaseVocoder.stretch(STFT.complex(a.samples()), rate);
        return new PcmAudio(ISTFT.inverse(stretched, (int) length), a.sampleRate());
    }

    /**
     * {@code a} with every frequency multiplied by {@code 2^(semitones / 12)} at the same duration, as
     * {@code librosa.effects.pitch_shift(y, sr=sr, n_steps=semitones)}: {@link #timeStretch} by
     * {@code rate = 2^(-semitones / 12)}, resampling from {@code sr / rate} to {@code sr}, then cutting or
     * zero-padding to the input's length.
     *
     * <p>Differences from librosa: the resampling is ser4j's {@link Resampler} (band-limited polyphase, within
     * 0.0001 dB to 0.9 x the lower Nyquist) rather than soxr, and as it takes whole-number rates the ratio
     * {@code rate} is replaced by the simplest fraction within a relative {@value #RATIO_TOLERANCE} of it
     * (smallest denominator, typically under 100, which keeps the polyphase filter small): the pitch is then
     * exact to 0.2 cent.
     *
     * @param semitones the shift; positive raises the pitch
     * @throws IllegalArgumentException if {@code semitones} is not finite or the intermediate signal would not
     *                                  fit in an array
     */
    public static PcmAudio pitchShift(PcmAudio a, double semitones) {
        Objects.requireNonNull(a, "audio");
        if (!Double.isFinite(semitones)) {
            throw new IllegalArgumentException("pitch shift must be a finite number of semitones, was " + semitones);
        }
        double rate = Math.pow(2.0, -semitones / 12.0);
        PcmAudio stretched = timeStretch(a, rate);
        Fraction f = Fraction.approximate(rate, RATIO_TOLERANCE);
        // from sr / rate to sr: output / input = rate = num / den
        float[] y = Resampler.resample(stretched.samples(), f.den(), f.num());
        return new PcmAudio(Arrays.copyOf(y, a.length()), a.sampleRate());
    }

    /**
     * {@code a} multiplied by {@code 10^(db / 20)}. Nothing is clipped: samples are floats and may leave
     * [-1, 1], which the feature pipeline handles as any other value; whoever writes the result to integer
     * PCM must decide how to saturate.
     *
     * @throws IllegalArgumentException if {@code db} is not finite
     */
    public static PcmAudio gain(PcmAudio a, double db) {
        Objects.requireNonNull(a, "audio");
        if (!Double.isFinite(db)) {
            throw new IllegalArgumentException("gain must be a finite number of dB, was " + db);
        }
        float g = (float) Math.pow(10, db / 20);
        float[] y = a.samples();
        float[] out = new float[y.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = y[i] * g;
        }
        return new PcmAudio(out, a.sampleRate());
    }

    private static double meanSquare(float[] y) {
        double s = 0;
        for (float v : y) {
            s += (double) v * v;
        }
        return s / y.length;
    }

    /** A positive fraction {@code num / den} in lowest terms. */
    record Fraction(int num, int den) {

        Fraction {
            if (num <= 0 || den <= 0) {
                throw new IllegalArgumentException("fraction terms must be positive, were " + num + "/" + den);
            }
        }

        double value() {
            return (double) num / den;
        }

        /**
         * The simplest fraction within {@code tolerance * x} of {@code x}: the one with the smallest denominator
         * (and then numerator) in {@code [x (1 - tolerance), x (1 + tolerance)]}, found by walking the
         * continued-fraction expansion of the interval's ends until they part. That is sometimes an intermediate
         * fraction rather than a convergent of {@code x}: near 5/4, for instance, the next convergent may need a
         * denominator over 1000 where a semiconvergent under 200 is close enough.
         *
         * @throws IllegalArgumentException if {@code x} is not positive and finite, {@code tolerance} is not in
         *                                  (0, 1), or no fraction of ints is that close
         */
        static Fraction approximate(double x, double tolerance) {
            if (!(x > 0) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("can only approximate a positive finite number, was " + x);
            }
            if (!(tolerance > 0 && tolerance < 1)) {
                throw new IllegalArgumentException("tolerance must be in (0, 1), was " + tolerance);
            }
            double lo = x * (1 - tolerance);
            double hi = x * (1 + tolerance);
            // h/k = [a0; a1, ..., an] built from the partial quotients both ends share, as in a convergent walk
            long h0 = 0;
            long h1 = 1;
            long k0 = 1;
            long k1 = 0;
            while (true) {
                double a = Math.floor(lo);
                long next;
                boolean done;
                if (a == lo || a + 1 <= hi) {
                    // an integer lies in [lo, hi]: the smallest one ends the expansion
                    next = (long) Math.ceil(lo);
                    done = true;
                } else {
                    next = (long) a;
                    done = false;
                }
                long h = next * h1 + h0;
                long k = next * k1 + k0;
                if (h > Integer.MAX_VALUE || k > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("no fraction of ints is within " + tolerance + " of " + x);
                }
                if (done) {
                    return new Fraction((int) h, (int) k);
                }
                h0 = h1;
                h1 = h;
                k0 = k1;
                k1 = k;
                // both ends share the integer part a: continue with the reciprocals of their fractional parts
                double newLo = 1 / (hi - a);
                double newHi = 1 / (lo - a);
                lo = newLo;
                hi = newHi;
            }
        }
    }
}
