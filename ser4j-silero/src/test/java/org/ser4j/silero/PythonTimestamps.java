package org.ser4j.silero;

import java.util.ArrayList;
import java.util.List;
import org.ser4j.core.vad.SpeechRegion;

/**
 * {@code get_speech_timestamps} of silero_vad/utils_vad.py (commit 806dcba3) after the model has run, ported
 * line by line and one-shot, with its default {@code use_max_poss_sil_at_max_speech=True}: the naive reference
 * that the streaming form must agree with. Kept deliberately close to the Python, not to the Java under test.
 */
final class PythonTimestamps {

    private PythonTimestamps() {
    }

    static List<SpeechRegion> of(float[] speechProbs, long audioLengthSamples, int samplingRate, SileroConfig c) {
        int windowSizeSamples = samplingRate == 16_000 ? 512 : 256;
        double minSpeechSamples = samplingRate * c.minSpeechSeconds();
        double speechPadSamples = samplingRate * c.speechPadSeconds();
        double maxSpeechSamples = samplingRate * c.maxSpeechSeconds() - windowSizeSamples - 2 * speechPadSamples;
        double minSilenceSamples = samplingRate * c.minSilenceSeconds();
        double minSilenceSamplesAtMaxSpeech = samplingRate * 98 / 1000.0;
        double threshold = c.threshold();
        double negThreshold = c.negThreshold();

        boolean triggered = false;
        List<long[]> speeches = new ArrayList<>();
        long[] currentSpeech = null; // {start, end}
        long tempEnd = 0;
        long prevEnd = 0;
        long nextStart = 0;
        List<long[]> possibleEnds = new ArrayList<>(); // {temp_end, sil_dur}

        for (int i = 0; i < speechProbs.length; i++) {
            float speechProb = speechProbs[i];
            long curSample = (long) windowSizeSamples * i;

            if (speechProb >= threshold && tempEnd != 0) {
                long silDur = curSample - tempEnd;
                if (silDur > minSilenceSamplesAtMaxSpeech) {
                    possibleEnds.add(new long[] {tempEnd, silDur});
                }
                tempEnd = 0;
                if (nextStart < prevEnd) {
                    nextStart = curSample;
                }
            }

            if (speechProb >= threshold && !triggered) {
                triggered = true;
                currentSpeech = new long[] {curSample, 0};
                continue;
            }

            if (triggered && curSample - currentSpeech[0] > maxSpeechSamples) {
                if (!possibleEnds.isEmpty()) {
                    long[] longest = possibleEnds.get(0);
                    for (long[] end : possibleEnds) {
                        if (end[1] > longest[1]) {
                            longest = end;
                        }
                    }
                    prevEnd = longest[0];
                    long dur = longest[1];
                    currentSpeech[1] = prevEnd;
                    speeches.add(currentSpeech);
                    currentSpeech = null;
                    nextStart = prevEnd + dur;
                    if (nextStart < prevEnd + curSample) {
                        currentSpeech = new long[] {nextStart, 0};
                    } else {
                        triggered = false;
                    }
                    prevEnd = 0;
                    nextStart = 0;
                    tempEnd = 0;
                    possibleEnds.clear();
                } else if (prevEnd != 0) {
                    throw new AssertionError("prev_end is only set when use_max_poss_sil_at_max_speech is False");
                } else {
                    currentSpeech[1] = curSample;
                    speeches.add(currentSpeech);
                    currentSpeech = null;
                    prevEnd = 0;
                    nextStart = 0;
                    tempEnd = 0;
                    triggered = false;
                    possibleEnds.clear();
                    continue;
                }
            }

            if (speechProb < negThreshold && triggered) {
                if (tempEnd == 0) {
                    tempEnd = curSample;
                }
                long silDurNow = curSample - tempEnd;
                if (silDurNow < minSilenceSamples) {
                    continue;
                }
                currentSpeech[1] = tempEnd;
                if (currentSpeech[1] - currentSpeech[0] > minSpeechSamples) {
                    speeches.add(currentSpeech);
                }
                currentSpeech = null;
                prevEnd = 0;
                nextStart = 0;
                tempEnd = 0;
                triggered = false;
                possibleEnds.clear();
            }
        }

        if (currentSpeech != null && audioLengthSamples - currentSpeech[0] > minSpeechSamples) {
            currentSpeech[1] = audioLengthSamples;
            speeches.add(currentSpeech);
        }

        for (int i = 0; i < speeches.size(); i++) {
            long[] speech = speeches.get(i);
            if (i == 0) {
                speech[0] = (long) Math.max(0, speech[0] - speechPadSamples);
            }
            if (i != speeches.size() - 1) {
                long[] next = speeches.get(i + 1);
                long silenceDuration = next[0] - speech[1];
                if (silenceDuration < 2 * speechPadSamples) {
                    speech[1] += silenceDuration / 2;
                    next[0] = (long) Math.max(0, next[0] - silenceDuration / 2);
                } else {
                    speech[1] = (long) Math.min(audioLengthSamples, speech[1] + speechPadSamples);
                    next[0] = (long) Math.max(0, next[0] - speechPadSamples);
                }
            } else {
                speech[1] = (long) Math.min(audioLengthSamples, speech[1] + speechPadSamples);
            }
        }

        List<SpeechRegion> regions = new ArrayList<>();
        for (long[] speech : speeches) {
            regions.add(new SpeechRegion(speech[0], speech[1], samplingRate));
        }
        return regions;
    }
}
