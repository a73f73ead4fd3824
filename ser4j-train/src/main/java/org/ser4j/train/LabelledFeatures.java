package org.ser4j.train;

/**
 * Feature vectors with their class indices (into a label list held elsewhere).
 *
 * @param features one row per sample, all of the same length (copied at the boundary, deeply)
 * @param labels   one class index per sample
 */
public record LabelledFeatures(float[][] features, int[] labels) {

    public LabelledFeatures {
        if (features.length == 0 || features.length != labels.length) {
            throw new IllegalArgumentException("need at least one sample and one label per sample, had "
                    + features.length + " samples and " + labels.length + " labels");
        }
        int d = features[0].length;
        float[][] copy = new float[features.length][];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != d || d == 0) {
                throw new IllegalArgumentException("sample " + i + " has " + features[i].length
                        + " values; every sample needs the " + d + " of the first");
            }
            copy[i] = features[i].clone();
        }
        features = copy;
        labels = labels.clone();
    }

    /** Number of samples. */
    public int size() {
        return labels.length;
    }

    /** Values per sample. */
    public int dimensions() {
        return features[0].length;
    }

    @Override
    public float[][] features() {
        float[][] copy = new float[features.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = features[i].clone();
        }
        return copy;
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Row-major copy of all features, {@code size() * dimensions()} values. */
    float[] flat() {
        int d = dimensions();
        float[] out = new float[features.length * d];
        for (int i = 0; i < features.length; i++) {
            System.arraycopy(features[i], 0, out, i * d, d);
        }
        return out;
    }

    /** The rows themselves, for package code that does not modify them. */
    float[][] featuresView() {
        return features;
    }

    /** The label array itself, for package code that does not modify it. */
    int[] labelsView() {
        return labels;
    }
}
