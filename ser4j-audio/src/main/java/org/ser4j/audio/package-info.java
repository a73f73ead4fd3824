/**
 * Audio decoding for ser4j: {@link org.ser4j.audio.AudioDecoder} sniffs the content (never the file name),
 * picks the decoder for WAV, AIFF/AIFC, FLAC, MP3, Ogg Vorbis or Ogg Opus, and returns streaming PCM or a mono
 * {@link org.ser4j.core.audio.PcmAudio} as librosa would load it. Everything else is public only through that
 * facade; the per-format decoders are package-private.
 */
package org.ser4j.audio;
