/**
 * Voice activity detection and windowing for long recordings: a {@link org.ser4j.core.vad.VoiceActivityDetector}
 * such as the built-in {@link org.ser4j.core.vad.EnergyVad} finds {@link org.ser4j.core.vad.SpeechRegion}s,
 * one-shot or streaming in bounded memory ({@link org.ser4j.core.vad.VadStream}), and
 * {@link org.ser4j.core.vad.Segmenter} cuts them into overlapping {@link org.ser4j.core.vad.Segment}s for the
 * classifier.
 */
package org.ser4j.core.vad;
