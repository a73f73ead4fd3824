/**
 * Emotion recognition for applications: {@link org.ser4j.recognizer.EmotionRecognizer} turns a file, a stream or
 * samples into a {@link org.ser4j.recognizer.Recognition} (an {@link org.ser4j.recognizer.EmotionEstimate}, and
 * for long recordings a timeline of {@link org.ser4j.recognizer.TimelineSegment}s with a
 * {@link org.ser4j.recognizer.TimelineSummary}); {@link org.ser4j.recognizer.LiveSession} follows a live stream.
 */
package org.ser4j.recognizer;
