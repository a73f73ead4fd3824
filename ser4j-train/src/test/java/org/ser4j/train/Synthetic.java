package org.ser4j.train;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ser4j.core.Emotion;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.model.TrainingData;

/** Gaussian clusters in feature space: one centre per class, unit noise around it. */
final class Synthetic {

    static final List<Emotion> LABELS = List.of(Emotion.NEUTRAL, Emotion.HAPPY, Emotion.SAD, Emotion.ANGRY);
    static final int DIMS = 162;

    private Synthetic() {
    }

    /**
     * @param perClass   samples of each class
     * @param separation standard deviation of the centres (noise is 1)
     * @param centreSeed seed of the centres: the same seed gives the same classes
     * @param sampleSeed seed of the samples
     */
    static LabelledFeatures clusters(int[] perClass, double separation, long centreSeed, long sampleSeed) {
        Random c = new Random(centreSeed);
        double[][] centres = new double[perClass.length][DIMS];
        for (double[] centre : centres) {
            for (int j = 0; j < DIMS; j++) {
                // An offset and spread per dimension so that standardisation has something to do.
                centre[j] = 5 + 3 * j % 7 + separation * c.nextGaussian();
            }
        }
        Random r = new Random(sampleSeed);
        int n = java.util.Arrays.stream(perClass).sum();
        float[][] x = new float[n][DIMS];
        int[] y = new int[n];
        int i = 0;
        for (int k = 0; k < perClass.length; k++) {
            for (int s = 0; s < perClass[k]; s++, i++) {
                for (int j = 0; j < DIMS; j++) {
                    x[i][j] = (float) (centres[k][j] + r.nextGaussian());
                }
                y[i] = k;
            }
        }
        return new LabelledFeatures(x, y);
    }

    static ModelDescription description() {
        return new ModelDescription(FeatureSet.SEED162, FeatureConfig.defaults(), 16000,
                new TrainingData(List.of("synthetic"), 0, 0, Map.of(), "synthetic clusters"), "unit test");
    }
}
