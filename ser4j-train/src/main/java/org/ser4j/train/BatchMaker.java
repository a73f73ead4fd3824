package org.ser4j.train;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.ser4j.model.Normalisation;

/**
 * Cuts training rows, chunk by chunk, into standardised, shuffled batches with their weighted one-hot targets,
 * applying mixup and SpecAugment-style masks when the options ask for them. All randomness comes from one
 * seeded generator, used in a fixed order, so that a run is reproducible.
 *
 * <p>Each chunk is standardised and shuffled as it arrives; the rows that do not fill a whole batch at its end
 * join the next chunk, so batches have the full size however the source cuts its chunks, and only the epoch's
 * last batch may be smaller. A set in memory is one chunk.
 */
final class BatchMaker {

    /** One batch: flat inputs, flat targets, and each sample's dominant label (for the running accuracy). */
    record Batch(float[] x, float[] targets, int[] labels) {
        int size() {
            return labels.length;
        }
    }

    private final float[] classWeights;
    private final int classes;
    private final InputLayout layout;
    private final Normalisation normalisation;
    private final TrainingOptions options;
    private final SplittableRandom random;

    BatchMaker(float[] classWeights, InputLayout layout, Normalisation normalisation, TrainingOptions options,
            SplittableRandom random) {
        this.classWeights = classWeights;
        this.classes = classWeights.length;
        this.layout = layout;
        this.normalisation = normalisation;
        this.options = options;
        this.random = random;
    }

    /**
     * Batches in an epoch of {@code rows} rows. A last batch of a single sample is dropped: batch normalisation
     * cannot estimate a variance from one sample, and one sample in thousands changes nothing.
     */
    static int batchCount(long rows, int batchSize) {
        long full = rows / batchSize;
        long rest = rows % batchSize;
        return Math.toIntExact(full + (rest >= 2 || full == 0 ? 1 : 0));
    }

    /** The batches of one epoch, made lazily as the chunks arrive. */
    Epoch epoch(Iterator<LabelledFeatures> chunks) {
        return new Epoch(chunks);
    }

    /** An epoch's batches; the chunks are read as the batches are taken. */
    final class Epoch implements Iterator<Batch> {
        private final Iterator<LabelledFeatures> chunks;
        private float[][] rows = new float[0][];
        private int[] labels = new int[0];
        private int[] order = new int[0];
        private int position;
        private int batches;
        private long rowsRead;
        private Batch next;

        private Epoch(Iterator<LabelledFeatures> chunks) {
            this.chunks = chunks;
        }

        /** Rows read from the source so far. */
        long rowsRead() {
            return rowsRead;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the epoch has no more batches");
            }
            Batch b = next;
            next = null;
            batches++;
            return b;
        }

        private Batch advance() {
            int size = options.batchSize();
            while (order.length - position < size && chunks.hasNext()) {
                refill(chunks.next());
            }
            int rest = order.length - position;
            if (rest >= size || rest >= 2 || (rest == 1 && batches == 0)) {
                int n = Math.min(size, rest);
                Batch b = batch(rows, labels, order, position, n);
                position += n;
                return b;
            }
            return null;
        }

        /** The rows left over, then the chunk's standardised rows, in a fresh order. */
        private void refill(LabelledFeatures chunk) {
            int d = layout.size();
            if (chunk.dimensions() != d) {
                throw new IllegalArgumentException("a training chunk has rows of " + chunk.dimensions()
                        + " values, the model reads " + d);
            }
            float[][] x = chunk.featuresView();
            int[] y = chunk.labelsView();
            int left = order.length - position;
            float[][] r = new float[left + x.length][];
            int[] l = new int[left + x.length];
            for (int i = 0; i < left; i++) {
                r[i] = rows[order[position + i]];
                l[i] = labels[order[position + i]];
            }
            for (int i = 0; i < x.length; i++) {
                if (y[i] < 0 || y[i] >= classes) {
                    throw new IllegalArgumentException("training label index " + y[i] + " is outside the "
                            + classes + " labels");
                }
                r[left + i] = normalisation.apply(x[i]);
                l[left + i] = y[i];
            }
            rows = r;
            labels = l;
            order = shuffledOrder(r.length);
            position = 0;
            rowsRead += x.length;
        }
    }

    /** A fresh Fisher-Yates permutation of {@code 0..n-1}. */
    private int[] shuffledOrder(int n) {
        int[] order = new int[n];
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

    /** The {@code n} rows {@code order[from..from+n)} as a batch. */
    private Batch batch(float[][] rows, int[] labels, int[] order, int from, int n) {
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
