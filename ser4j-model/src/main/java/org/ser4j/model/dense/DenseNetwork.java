package org.ser4j.model.dense;

import java.util.List;

/**
 * A stack of dense layers with ReLU between them and a softmax over the last one's logits: the MLP at inference
 * time (dropout is the identity there). Immutable and thread-safe; each call allocates only its activations.
 */
final class DenseNetwork {

    private final List<DenseLayer> layers;

    /** @param layers in order, each reading what the previous one writes */
    DenseNetwork(List<DenseLayer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inputs() != layers.get(i - 1).outputs()) {
                throw new IllegalArgumentException("layer " + i + " reads " + layers.get(i).inputs()
                        + " values, the layer before writes " + layers.get(i - 1).outputs());
            }
        }
        this.layers = List.copyOf(layers);
    }

    /** Values the first layer reads. */
    int inputs() {
        return layers.get(0).inputs();
    }

    /**
     * Class probabilities of one standardised input.
     *
     * @param x {@link #inputs()} values
     * @return the softmax of the logits
     */
    float[] probabilities(float[] x) {
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = x[i];
        }
        int last = layers.size() - 1;
        for (int i = 0; i <= last; i++) {
            a = layers.get(i).apply(a, i < last);
        }
        return softmax(a);
    }

    /** Softmax, shifted by the maximum so that large logits cannot overflow. */
    static float[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double[] e = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            e[i] = Math.exp(logits[i] - max);
            sum += e[i];
        }
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return p;
    }
}
