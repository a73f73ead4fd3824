package org.ser4j.core.dsp;

/** How each triangular mel filter is scaled ({@code librosa.filters.mel}, argument {@code norm}). */
public enum MelNorm {

    /**
     * Slaney's area normalisation, librosa's default ({@code norm='slaney'}): each triangle is divided by half
     * its width in Hz, {@code 2 / (f[i+2] - f[i])}, so every band has about the same energy per unit of input.
     */
    SLANEY,

    /** No normalisation ({@code norm=None}): every triangle peaks at 1. */
    NONE
}
