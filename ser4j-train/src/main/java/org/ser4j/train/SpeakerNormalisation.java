package org.ser4j.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ser4j.core.features.Features;
import org.ser4j.data.features.DatasetFeaturizer.ClipFeatures;

/**
 * Per-speaker standardisation of per-clip feature vectors: every dimension of a speaker's clips is shifted and
 * scaled by that speaker's own mean and standard deviation over his or her original (not augmented) clips.
 * It removes much of what distinguishes voices (pitch range, loudness, timbre) and keeps what distinguishes one
 * utterance of a voice from another.
 *
 * <p>An evaluation protocol, not a property of a model: it needs several unlabelled clips of the test speaker
 * (no labels are used), so results with it are reported apart from plain per-clip results, and a model
 * trained on normalised features expects normalised input.
 */
public final class SpeakerNormalisation {

    private SpeakerNormalisation() {
    }

    /**
     * Normalised copies of the features, same keys and order.
     *
     * @throws IllegalArgumentException if the features are not per-clip vectors
     */
    public static Map<Path, ClipFeatures> apply(Map<Path, ClipFeatures> features) {
        Map<String, List<float[]>> bySpeaker = new HashMap<>();
        for (ClipFeatures f : features.values()) {
            if (f.original().shape().length != 1) {
                throw new IllegalArgumentException("speaker normalisation works on per-clip vectors, not "
                        + f.original().set() + " frames");
            }
            bySpeaker.computeIfAbsent(f.clip().speaker(), s -> new ArrayList<>()).add(f.original().values());
        }
        Map<String, float[][]> stats = new HashMap<>();
        bySpeaker.forEach((speaker, rows) -> stats.put(speaker, meanAndScale(rows)));
        Map<Path, ClipFeatures> out = new LinkedHashMap<>();
        for (Map.Entry<Path, ClipFeatures> e : features.entrySet()) {
            ClipFeatures f = e.getValue();
            float[][] s = stats.get(f.clip().speaker());
            List<Features> copies = f.augmented().stream().map(a -> normalise(a, s)).toList();
            out.put(e.getKey(), new ClipFeatures(f.clip(), normalise(f.original(), s), copies));
        }
        return out;
    }

    private static float[][] meanAndScale(List<float[]> rows) {
        int d = rows.get(0).length;
        double[] sum = new double[d];
        double[] sq = new double[d];
        for (float[] r : rows) {
            for (int j = 0; j < d; j++) {
                sum[j] += r[j];
                sq[j] += (double) r[j] * r[j];
            }
        }
        float[] mean = new float[d];
        float[] scale = new float[d];
        for (int j = 0; j < d; j++) {
            double m = sum[j] / rows.size();
            double var = Math.max(0, sq[j] / rows.size() - m * m);
            mean[j] = (float) m;
            // A speaker with one clip, or a constant dimension, is only centred.
            scale[j] = var > 1e-12 ? (float) Math.sqrt(var) : 1f;
        }
        return new float[][] {mean, scale};
    }

    private static Features normalise(Features f, float[][] s) {
        float[] v = f.values();
        for (int j = 0; j < v.length; j++) {
            v[j] = (v[j] - s[0][j]) / s[1][j];
        }
        return new Features(f.set(), f.shape(), v, f.sampleRate());
    }
}
