package org.ser4j.train;

import java.util.Arrays;
import org.ser4j.core.features.FeatureConfig;
import org.ser4j.core.features.FeatureSet;
import org.ser4j.core.features.Features;

/**
 * How a network sees one clip's features. Networks always receive flat rows {@code (N, size())}; a block that
 * needs a sequence or an image reshapes them itself from this layout, so that trainer, classifier and bundle
 * stay independent of the architecture.
 *
 * <ul>
 *   <li>{@link Kind#VECTOR} {@code [D]}: one value per dimension (seed162, functionals). Convolutional and
 *       recurrent networks read it as a sequence of D steps of one channel, as the brief's Keras models did
 *       with {@code expand_dims}.</li>
 *   <li>{@link Kind#SEQUENCE} {@code [T, C]}: frame-major frames of C channels (ZCR+RMS, MFCC, log-mel),
 *       cropped or padded to {@code T = imageFrames} frames so that clips of any length batch together.</li>
 *   <li>{@link Kind#IMAGE} {@code [H, W]}: the log-mel image, band-major.</li>
 * </ul>
 *
 * @param kind which of the three
 * @param rows D, T or H
 * @param cols 1, C or W
 */
public record InputLayout(Kind kind, int rows, int cols) {

    /** The three shapes a network input can have. */
    public enum Kind { VECTOR, SEQUENCE, IMAGE }

    public InputLayout {
        if (kind == null || rows < 1 || cols < 1 || (kind == Kind.VECTOR && cols != 1)) {
            throw new IllegalArgumentException("invalid input layout " + kind + " " + rows + "x" + cols);
        }
    }

    /**
     * The layout of a feature set under a configuration.
     *
     * @param vectorLength the length of a vector set's features (ignored for the other kinds)
     */
    public static InputLayout of(FeatureSet set, FeatureConfig config, int vectorLength) {
        return switch (set) {
            case ZCR_RMS -> new InputLayout(Kind.SEQUENCE, config.imageFrames(), 2);
            case MFCC -> new InputLayout(Kind.SEQUENCE, config.imageFrames(), config.nMfcc());
            case LOGMEL -> new InputLayout(Kind.SEQUENCE, config.imageFrames(), config.nMels());
            case LOGMEL_IMAGE -> new InputLayout(Kind.IMAGE, config.nMels(), config.imageFrames());
            // Every other set is a per-clip vector (seed162, functionals).
            default -> new InputLayout(Kind.VECTOR, vectorLength, 1);
        };
    }

    /** Values per sample. */
    public int size() {
        return rows * cols;
    }

    /**
     * Channels of the sequence a 1-D convolution or a recurrent layer reads: 1 for a vector, C for a sequence,
     * H (the mel bands) for an image.
     */
    public int sequenceChannels() {
        return switch (kind) {
            case VECTOR -> 1;
            case SEQUENCE -> cols;
            case IMAGE -> rows;
        };
    }

    /** Steps of that sequence: D, T or W. */
    public int sequenceLength() {
        return kind == Kind.SEQUENCE ? rows : kind == Kind.IMAGE ? cols : rows;
    }

    /**
     * The normalisation group of a flat index: every dimension of a vector on its own, a channel of a sequence
     * over all its frames, a mel band of an image over all its frames. Per-group statistics keep padding and
     * frame position from skewing the standardisation.
     */
    public int group(int flatIndex) {
        return switch (kind) {
            case VECTOR -> flatIndex;
            case SEQUENCE -> flatIndex % cols;
            case IMAGE -> flatIndex / cols;
        };
    }

    /**
     * One clip's features as the flat row the network reads: vectors and images as they are, sequences cropped
     * to their centre or centred and padded with each channel's minimum (silence for energies and log-mel, the
     * convention of {@link FeatureSet#LOGMEL_IMAGE}).
     *
     * @throws IllegalArgumentException if the features do not have this layout's shape
     */
    public float[] toRow(Features f) {
        int[] shape = f.shape();
        float[] v = f.values();
        if (kind != Kind.SEQUENCE) {
            if (v.length != size()) {
                throw new IllegalArgumentException("the model reads " + size() + " feature values per clip, "
                        + f.set() + " gave " + Arrays.toString(shape));
            }
            return v;
        }
        if (shape.length != 2 || shape[1] != cols) {
            throw new IllegalArgumentException("the model reads frames of " + cols + " values, " + f.set()
                    + " gave shape " + Arrays.toString(shape));
        }
        int t = shape[0];
        float[] out = new float[size()];
        if (t >= rows) {
            System.arraycopy(v, (t - rows) / 2 * cols, out, 0, size());
            return out;
        }
        float[] floor = new float[cols];
        Arrays.fill(floor, Float.POSITIVE_INFINITY);
        for (int i = 0; i < v.length; i++) {
            floor[i % cols] = Math.min(floor[i % cols], v[i]);
        }
        int start = (rows - t) / 2;
        for (int r = 0; r < rows; r++) {
            if (r < start || r >= start + t) {
                System.arraycopy(floor, 0, out, r * cols, cols);
            }
        }
        System.arraycopy(v, 0, out, start * cols, v.length);
        return out;
    }
}
