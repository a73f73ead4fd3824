package org.ser4j.train;

import java.util.SplittableRandom;

/**
 * Cuts standardised training rows into shuffled batches with their weighted one-hot targets, applying mixup and
 * SpecAugment-style masks when the options ask for them. All randomness comes from one seeded generator, used
 * in a fixed order, so that a run is reproducible.
 */
final class BatchMaker {

    /** One batch: flat inputs, flat targets, and each sample's dominant label (for the running accuracy). */
    record Batch(float[] x, float[] targets, int[] labels) {
        int size() {
            return labels.length;
        }
    }

    private final float[][] rows;
    private final int[] labels;
    private final float[] classWeights;
    private final int classes;
    private final InputLayout layout;
    private final TrainingOptions options;
    private final SplittableRandom random;

    BatchMaker(float[][] rows, int[] labels, float[] classWeights, int classes, InputLayout layout,
            TrainingOptions options, SplittableRandom random) {
        this.rows = rows;
        this.labels = labels;
        this.classWeights = classWeights;
        this.classes = classes;
        this.layout = layout;
        this.options = options;
        this.random = random;
    }

    /**
     * Batches per epoch. A last batch of a single sample is dropped: batch normalisation cannot estimate a
     * variance from one sample, and one sample in thousands changes nothing.
     */
    int batchCount() {
        int full = rows.length / options.batchSize();
        int rest = rows.length % options.batchSize();
        return full + (rest >= 2 || full == 0 ? 1 : 0);
    }

    int samplesPerEpoch() {
        return Math.min(rows.length, batchCount() * options.batchSize());
    }

    /** A fresh Fisher-Yates permutation of the samples. */
    int[] shuffledOrder() {
        int[] order = new int[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    Batch batch(int[] order, int index) {
        int from = index * options.batchSize();
        int n = Math.min(options.batchSize(), order.length - from);
        int d = layout.size();
        float[] x = new float[n * d];
        float[] t = new float[n * classes];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int s = order[from + i];
            System.arraycopy(rows[s], 0, x, i * d, d);
            t[i * classes + labels[s]] = classWeights[labels[s]];
            y[i] = labels[s];
        }
        if (options.mixupAlpha() > 0 && n > 1) {
            mixup(x, t, y, n, d);
        }
        if (options.specAugment() > 0 && layout.kind() != InputLayout.Kind.VECTOR) {
            for (int i = 0; i < n; i++) {
                mask(x, i * d);
            }
        }
        return new Batch(x, t, y);
    }

    /** Blends sample i with sample {@code (i + shift) % n} of the same batch, one weight per batch. */
    private void mixup(float[] x, float[] t, int[] y, int n, int d) {
        float lambda = (float) beta(options.mixupAlpha());
        int shift = 1 + random.nextInt(n - 1);
        float[] x0 = x.clone();
        float[] t0 = t.clone();
        int[] y0 = y.clone();
        for (int i = 0; i < n; i++) {
            int j = (i + shift) % n;
            for (int a = 0; a < d; a++) {
                x[i * d + a] = lambda * x0[i * d + a] + (1 - lambda) * x0[j * d + a];
            }
            for (int c = 0; c < classes; c++) {
                t[i * classes + c] = lambda * t0[i * classes + c] + (1 - lambda) * t0[j * classes + c];
            }
            y[i] = lambda >= 0.5f ? y0[i] : y0[j];
        }
    }

    /** Time masks and channel masks, each up to an eighth of its axis, set to 0 (the mean after standardising). */
    private void mask(float[] x, int offset) {
        boolean frameMajor = layout.kind() == InputLayout.Kind.SEQUENCE;
        int steps = layout.sequenceLength();
        int channels = layout.sequenceChannels();
        for (int m = 0; m < options.specAugment(); m++) {
            int width = random.nextInt(Math.max(1, steps / 8) + 1);
            int start = random.nextInt(steps - width + 1);
            for (int s = start; s < start + width; s++) {
                for (int c = 0; c < channels; c++) {
                    x[offset + index(frameMajor, s, c, steps, channels)] = 0;
                }
            }
            if (channels > 1) {
                int cw = random.nextInt(Math.max(1, channels / 8) + 1);
                int cs = random.nextInt(channels - cw + 1);
                for (int c = cs; c < cs + cw; c++) {
                    for (int s = 0; s < steps; s++) {
                        x[offset + index(frameMajor, s, c, steps, channels)] = 0;
                    }
                }
            }
        }
    }

    private static int index(boolean frameMajor, int step, int channel, int steps, int channels) {
        return frameMajor ? step * channels + channel : channel * steps + step;
    }

    /** Beta(a, a) as X / (X + Y) of two Gamma(a) draws. */
    private double beta(double a) {
        double g1 = gamma(a);
        double g2 = gamma(a);
        return g1 + g2 > 0 ? g1 / (g1 + g2) : 0.5;
    }

    /** Marsaglia and Tsang's Gamma(a, 1) sampler, with the usual U^(1/a) boost for a < 1. */
    private double gamma(double a) {
        if (a < 1) {
            return gamma(a + 1) * Math.pow(random.nextDouble(), 1 / a);
        }
        double d = a - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = gaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private double gaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
