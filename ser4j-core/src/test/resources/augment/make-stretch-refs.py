#!/usr/bin/env python3
"""Reference vectors for org.ser4j.core.dsp.{Istft,PhaseVocoder} and Augmentations.timeStretch.

librosa is not needed: this is a line-by-line numpy transcription of what librosa 0.10.1 runs for
``librosa.effects.time_stretch(y, rate=rate)`` with its defaults:
  * ``stft``: n_fft 2048, hop 512, periodic Hann, center=True, pad_mode="constant";
  * ``phase_vocoder`` (spectrum.py, the pre-1.0 loop with ``phi_advance``);
  * ``istft(..., length=round(len(y) / rate))`` with window-sum-square normalisation.
It computes in float64 (librosa runs complex64/float32; see PhaseVocoder's Javadoc for why that differs
slightly in the top bins).

Writes, little-endian float32:
  input.f32            the test signal (4000 samples, 16 kHz): two tones, a chirp and seeded noise
  stretch_<rate>.f32   time_stretch(input, rate) for each rate in RATES
  stft_frames.f32      real and imaginary parts of STFT frames 0..2 of the input, as [frame][re 1025, im 1025]
Run from this directory: python3 make-stretch-refs.py
"""
import numpy as np

N_FFT = 2048
HOP = 512
SR = 16000
N = 4000
RATES = ["0.5", "0.8", "1", "1.25", "2"]


def hann(n):
    return 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / n)


def stft(y):
    pad = N_FFT // 2
    yp = np.pad(y.astype(np.float64), (pad, pad), mode="constant")
    frames = 1 + (len(yp) - N_FFT) // HOP
    w = hann(N_FFT)
    return np.stack([np.fft.rfft(w * yp[t * HOP:t * HOP + N_FFT]) for t in range(frames)], axis=1)


def phase_vocoder(D, rate):
    hop_length = N_FFT // 4
    time_steps = np.arange(0, D.shape[-1], rate, dtype=np.float64)
    d_stretch = np.zeros((D.shape[0], len(time_steps)), dtype=D.dtype)
    phi_advance = np.linspace(0, np.pi * hop_length, D.shape[-2])
    phase_acc = np.angle(D[..., 0])
    D = np.pad(D, [(0, 0), (0, 2)], mode="constant")
    for t, step in enumerate(time_steps):
        columns = D[..., int(step):int(step + 2)]
        alpha = np.mod(step, 1.0)
        mag = (1.0 - alpha) * np.abs(columns[..., 0]) + alpha * np.abs(columns[..., 1])
        d_stretch[..., t] = mag * np.exp(1.0j * phase_acc)
        dphase = np.angle(columns[..., 1]) - np.angle(columns[..., 0]) - phi_advance
        dphase = dphase - 2.0 * np.pi * np.round(dphase / (2.0 * np.pi))
        phase_acc += phi_advance + dphase
    return d_stretch


def istft(D, length):
    pad = N_FFT // 2
    n_frames = min(D.shape[-1], int(np.ceil((length + 2 * pad) / HOP)))
    w = hann(N_FFT)
    total = N_FFT + HOP * (n_frames - 1)
    y = np.zeros(total)
    wss = np.zeros(total)
    for t in range(n_frames):
        y[t * HOP:t * HOP + N_FFT] += w * np.fft.irfft(D[:, t], n=N_FFT)
        wss[t * HOP:t * HOP + N_FFT] += w * w
    y = y[pad:]
    wss = wss[pad:]
    out = np.zeros(length)
    m = min(length, len(y))
    out[:m] = y[:m]
    ws = np.zeros(length)
    ws[:m] = wss[:m]
    nz = ws > np.finfo(np.float32).tiny
    out[nz] /= ws[nz]
    return out


def time_stretch(y, rate):
    return istft(phase_vocoder(stft(y), rate), int(round(len(y) / rate)))


def main():
    t = np.arange(N) / SR
    rng = np.random.default_rng(20240611)
    y = (0.4 * np.sin(2 * np.pi * 440 * t) + 0.2 * np.sin(2 * np.pi * 1234.5 * t + 1.0)
         + 0.2 * np.sin(2 * np.pi * (200 * t + 3000 * t * t)) + 0.05 * rng.standard_normal(N))
    y = y.astype(np.float32)
    y.astype("<f4").tofile("input.f32")
    D = stft(y)
    np.concatenate([np.concatenate([D[:, f].real, D[:, f].imag]) for f in range(3)]).astype("<f4").tofile(
        "stft_frames.f32")
    for r in RATES:
        out = time_stretch(y, float(r))
        out.astype("<f4").tofile("stretch_%s.f32" % r)
        print(r, len(out), float(np.max(np.abs(out))))


if __name__ == "__main__":
    main()
