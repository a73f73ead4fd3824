/**
 * Silero VAD, a neural voice-activity detector, run by ONNX Runtime: {@link org.ser4j.silero.SileroVad} is a
 * {@link org.ser4j.core.vad.VoiceActivityDetector} for long recordings, configured by
 * {@link org.ser4j.silero.SileroConfig}; {@link org.ser4j.silero.SileroModels} finds or downloads the model file,
 * which the project does not bundle.
 */
package org.ser4j.silero;
