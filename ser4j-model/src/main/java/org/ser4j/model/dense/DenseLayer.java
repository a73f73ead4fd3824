package org.ser4j.model.dense;

/**
 * One fully connected layer, {@code y = W x + b}. Built from the weights as DJL's {@code Linear} stores them,
 * row-major {@code [outputs, inputs]}, but kept transposed, {@code [inputs, outputs]}: the forward pass then adds
 * {@code x[i]} times one contiguous row to all outputs at once, a loop without a reduction, which the JIT can turn into
 * vector instructions (a dot product per output is a serial chain of dependent additions), and it skips the rows of
 * inputs the ReLU zeroed. Immutable once built, hence safe to share between threads.
 */
final class DenseLayer {

    private final int inputs;
    private final int outputs;
    /** {@code W} transposed: row {@code i} holds the weights of input {@code i} to every output. */
    private final float[] transposed;
    private final float[] bias;

    /**
     * @param weights {@code outputs * inputs} values, row-major {@code [outputs, inputs]} as DJL stores them
     * @param bias    {@code outputs} values (copied)
     */
    DenseLayer(int inputs, int outputs, float[] weights, float[] bias) {
        if (inputs < 1 || outputs < 1 || weights.length != (long) inputs * outputs || bias.length != outputs) {
            throw new IllegalArgumentException("a " + outputs + "x" + inputs + " layer needs " + (long) inputs * outputs
                    + " weights and " + outputs + " biases, got " + weights.length + " and " + bias.length);
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.transposed = new float[weights.length];
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < inputs; i++) {
                transposed[i * outputs + o] = weights[o * inputs + i];
            }
        }
        this.bias = bias.clone();
    }

    int inputs() {
        return inputs;
    }

    int outputs() {
        return outputs;
    }

    /**
     * Computes the layer's output, rectified if {@code relu}, into a new array. Sums in double, so that rounding
     * stays far below the 1e-5 the engines are held to agree on, whatever order PyTorch's kernels sum in.
     *
     * @param x {@link #inputs()} values
     */
    double[] apply(double[] x, boolean relu) {
        double[] y = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            y[o] = bias[o];
        }
        for (int i = 0, row = 0; i < inputs; i++, row += outputs) {
            double xi = x[i];
            if (xi == 0) {
                continue; // a unit the ReLU switched off: half of a hidden layer, typically
            }
            for (int o = 0; o < outputs; o++) {
                y[o] += xi * transposed[row + o];
            }
        }
        if (relu) {
            for (int o = 0; o < outputs; o++) {
                y[o] = Math.max(y[o], 0);
            }
        }
        return y;
    }
}
