package org.ser4j.core.dsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/** Test helper: reads little-endian float32 vectors written by the numpy reference scripts. */
public final class Float32Resources {

    private Float32Resources() {
    }

    /** The floats of class-path resource {@code path} (absolute, e.g. {@code "/augment/input.f32"}). */
    public static float[] read(String path) {
        try (InputStream in = Objects.requireNonNull(Float32Resources.class.getResourceAsStream(path), path)) {
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] x = new float[b.remaining() / 4];
            b.asFloatBuffer().get(x);
            return x;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Largest absolute difference between two arrays of equal length. */
    public static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " and " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs((double) a[i] - b[i]));
        }
        return m;
    }
}
