#!/usr/bin/env python3
"""Regenerates the scipy reference vectors that ResamplerScipyReferenceTest compares against.

Run from this directory:  python3 make-resample-refs.py
Needs numpy and scipy (written against scipy 1.17; resample_poly has been stable since 1.3).

Every test signal is defined by a formula, not stored: a sum of sines listed in tones.csv
(frequency in Hz, amplitude, phase in radians, evaluated in double precision at t = i / from_rate
and rounded to float32, exactly as the Java test rebuilds it). Only scipy's outputs are stored,
as little-endian float32 in CASE.f32, which keeps the committed files to a few KB each.

cases.csv   case,from_rate,to_rate,n_in,band,filter
            band = highest tone frequency as a fraction of the lower of the two Nyquist rates
tones.csv   case,freq_hz,amplitude,phase
CASE.f32    scipy.signal.resample_poly(x.astype(float64), to_rate, from_rate) as float32:
            filter = "scipy": default arguments (Kaiser beta 5.0, half_len 10*max(up, down), zero padding).
                     scipy's own passband ripple (~0.012 dB) and image rejection (~55 dB) put it only
                     59-65 dB from an ideal resampler on these signals (single tones: 54-98 dB), and
                     ser4j agrees with it exactly that well (ser4j vs ideal: ~115 dB). Tones stay below
                     half the lower Nyquist, where scipy's filter is flattest.
            filter = "ser4j": the same resample_poly, given ser4j's filter as window=h (ser4j_filter below);
                     checks ser4j's polyphase indexing, delay compensation and output length against
                     scipy's upfirdn at >90 dB, with tones up to 0.9 x the lower Nyquist and, where
                     downsampling, tones above the new Nyquist that both must remove.
"""
import csv
import math

import numpy as np
from scipy import signal

# ser4j's design (org.ser4j.core.dsp.Resampler): Kaiser-windowed sinc, half-length ZEROS samples
# of the lower rate, cutoff CUTOFF x the lower Nyquist.
ZEROS = 64
BETA = 10.0
CUTOFF = 0.95

# (case, from, to, seconds, band, number of tones, seed, filter)
CASES = [
    ("d48k_16k", 48000, 16000, 0.15, 0.5, 64, 1, "scipy"),
    ("d44k1_16k", 44100, 16000, 0.15, 0.5, 64, 2, "scipy"),
    ("d24414_16k", 24414, 16000, 0.2, 0.5, 64, 3, "scipy"),   # TESS originals
    ("d22k05_16k", 22050, 16000, 0.15, 0.5, 64, 4, "scipy"),
    ("d96k_16k", 96000, 16000, 0.1, 0.5, 64, 5, "scipy"),
    ("d44101_16k", 44101, 16000, 0.1, 0.5, 64, 6, "scipy"),    # gcd 1: no precomputed bank
    ("u8k_16k", 8000, 16000, 0.2, 0.5, 64, 7, "scipy"),
    ("d16k_8k", 16000, 8000, 0.2, 0.5, 64, 8, "scipy"),
    ("u16k_48k", 16000, 48000, 0.1, 0.5, 64, 9, "scipy"),
    ("u16k_44k1", 16000, 44100, 0.1, 0.5, 64, 10, "scipy"),
    # two slow tones: where the samples land in time (alignment), independent of the filters' edges
    ("slow_44k1_16k", 44100, 16000, 0.15, 0.05, 2, 11, "scipy"),
    ("slow_8k_16k", 8000, 16000, 0.15, 0.05, 2, 12, "scipy"),
    # ser4j's filter through scipy: band 0.9, plus out-of-band tones (band > 1) when downsampling
    ("own_48k_16k", 48000, 16000, 0.1, 0.9, 16, 21, "ser4j"),
    ("own_24414_16k", 24414, 16000, 0.1, 0.9, 16, 22, "ser4j"),
    ("own_44101_16k", 44101, 16000, 0.05, 0.9, 16, 23, "ser4j"),
    ("own_8k_16k", 8000, 16000, 0.1, 0.9, 16, 24, "ser4j"),
    ("own_16k_44k1", 16000, 44100, 0.05, 0.9, 16, 25, "ser4j"),
]


def tones_for(from_rate, to_rate, band, count, seed, out_of_band):
    rng = np.random.default_rng(seed)
    low_nyquist = min(from_rate, to_rate) / 2
    freqs = rng.uniform(0.01, band, count)
    if out_of_band and from_rate > to_rate:
        # a quarter of the tones between the new Nyquist and the old one: they must vanish
        top = from_rate / 2 / low_nyquist
        freqs[: count // 4] = rng.uniform(1.0, 0.98 * top, count // 4)
    freqs = np.sort(freqs) * low_nyquist
    amps = rng.uniform(0.2, 1.0, count)
    amps *= 0.9 / amps.sum()
    phases = rng.uniform(0, 2 * math.pi, count)
    return list(zip(freqs, amps, phases))


def ser4j_filter(up, down):
    """ser4j's prototype at the upsampled rate, centred, normalised to unit DC gain (as firwin does)."""
    r = max(up, down)
    half_len = ZEROS * r
    u = (np.arange(2 * half_len + 1) - half_len) / r  # time in samples of the lower rate
    w = np.i0(BETA * np.sqrt(np.clip(1 - (u / ZEROS) ** 2, 0, None))) / np.i0(BETA)
    h = CUTOFF * np.sinc(CUTOFF * u) * w
    return h / h.sum()


def synth(tones, from_rate, n):
    t = np.arange(n, dtype=np.float64) / from_rate
    x = np.zeros(n)
    for f, a, p in tones:
        x += a * np.sin(2 * math.pi * f * t + p)
    return x.astype(np.float32)


def main():
    with open("cases.csv", "w", newline="") as cf, open("tones.csv", "w", newline="") as tf:
        cw, tw = csv.writer(cf), csv.writer(tf)
        cw.writerow(["case", "from_rate", "to_rate", "n_in", "band", "filter"])
        tw.writerow(["case", "freq_hz", "amplitude", "phase"])
        for name, fr, to, secs, band, count, seed, filt in CASES:
            n = int(round(secs * fr))
            tones = tones_for(fr, to, band, count, seed, filt == "ser4j")
            x = synth(tones, fr, n)
            if filt == "scipy":
                y = signal.resample_poly(x.astype(np.float64), to, fr)
            else:
                g = math.gcd(fr, to)
                y = signal.resample_poly(x.astype(np.float64), to, fr, window=ser4j_filter(to // g, fr // g))
            assert len(y) == -(-n * to // fr)
            y.astype("<f4").tofile(name + ".f32")
            cw.writerow([name, fr, to, n, band, filt])
            for f, a, p in tones:
                tw.writerow([name, repr(float(f)), repr(float(a)), repr(float(p))])
            print(f"{name}: {n} -> {len(y)} samples")


if __name__ == "__main__":
    main()
