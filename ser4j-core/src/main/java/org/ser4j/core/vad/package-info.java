/**
 * Voice activity detection and windowing for long recordings: {@link org.ser4j.core.vad.EnergyVad} finds
 * {@link org.ser4j.core.vad.SpeechRegion}s, one-shot or streaming ({@link org.ser4j.core.vad.VadStream}) in
 * bounded memory, and {@link org.ser4j.core.vad.Segmenter} cuts them into overlapping
 * {@link org.ser4j.core.vad.Segment}s for the classifier.
 */
package org.ser4j.core.vad;
