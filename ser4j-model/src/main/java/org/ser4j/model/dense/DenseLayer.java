package org.ser4j.model.dense;

/**
 * One fully connected layer, {@code y = W x + b}, with the weights as DJL's {@code Linear} stores them: row-major
 * {@code [outputs, inputs]}, so each output reads one contiguous row. Immutable once built (the arrays are never
 * handed out), hence safe to share between threads.
 */
final class DenseLayer {

    private final int inputs;
    private final int outputs;
    private final float[] weights;
    private final float[] bias;

    /**
     * @param weights {@code outputs * inputs} values, row-major; taken over, not copied (the reader built them)
     * @param bias    {@code outputs} values; taken over
     */
    DenseLayer(int inputs, int outputs, float[] weights, float[] bias) {
        if (weights.length != (long) inputs * outputs || bias.length != outputs) {
            throw new IllegalArgumentException("a " + outputs + "x" + inputs + " layer needs " + (long) inputs * outputs
                    + " weights and " + outputs + " biases, got " + weights.length + " and " + bias.length);
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.weights = weights;
        this.bias = bias;
    }

    int inputs() {
        return inputs;
    }

    int outputs() {
        return outputs;
    }

    /**
     * Computes the layer's output, rectified if {@code relu}, into a new array.
     *
     * @param x {@link #inputs()} values
     */
    float[] apply(float[] x, boolean relu) {
        float[] y = new float[outputs];
        for (int o = 0, row = 0; o < outputs; o++, row += inputs) {
            // Summed in double so that the rounding error stays far below the 1e-5 the engines are held to agree
            // on, whatever order PyTorch's kernels sum in.
            double sum = bias[o];
            for (int i = 0; i < inputs; i++) {
                sum += (double) weights[row + i] * x[i];
            }
            y[o] = relu && sum < 0 ? 0f : (float) sum;
        }
        return y;
    }
}
