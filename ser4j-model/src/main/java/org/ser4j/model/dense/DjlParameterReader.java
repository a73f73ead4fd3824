package org.ser4j.model.dense;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ser4j.model.ModelFormatException;

/**
 * Reads the weights of ser4j's MLP from the stream DJL's {@code Block.saveParameters} writes, without DJL. The
 * stream is not self-describing (no block types, only versions), so it is read against the network the card
 * promises ({@link MlpShape}) and every field is checked; anything else is a {@link ModelFormatException} saying
 * where, what was expected and what was found.
 *
 * <p>The layout, from DJL 0.35.1's sources ({@code AbstractBaseBlock}, {@code SequentialBlock}, {@code Linear},
 * {@code LambdaBlock}, {@code Dropout}, {@code Parameter}, {@code NDSerializer}, {@code Shape}), all big-endian
 * as {@link java.io.DataOutputStream} writes: a block is its version byte, its metadata, its own parameters, then
 * its children. Default metadata is the input shapes ({@code int n}, then n shapes); a shape is {@code int ndim},
 * ndim longs, {@code int layoutLength}, that many chars.
 * <ul>
 *   <li>SequentialBlock v3: input shapes, {@code boolean returnIntermediate}; children follow.</li>
 *   <li>Linear v4: {@code long units}, {@code long inputFeatures}, a shape (the batch dimensions); then the
 *       parameters {@code weight [units, inputFeatures]} and {@code bias [units]}.</li>
 *   <li>LambdaBlock (the ReLU) v2 and Dropout v2: input shapes only.</li>
 *   <li>Parameter v1: {@code char 'P'} ({@code 'N'} if never initialised), {@code byte version}, UTF name, then
 *       the array: UTF {@code "NDAR"}, {@code int 3}, a name flag byte (1: a UTF name follows), UTF sparse format,
 *       UTF data type, the shape, a byte-order byte ({@code '>'} or {@code '<'}), {@code int length}, the raw
 *       values in that order.</li>
 * </ul>
 */
final class DjlParameterReader {

    private static final int SEQUENTIAL_VERSION = 3;
    private static final int LINEAR_VERSION = 4;
    private static final int LAMBDA_VERSION = 2;
    private static final int DROPOUT_VERSION = 2;
    private static final int PARAMETER_VERSION = 1;
    private static final String NDARRAY_MAGIC = "NDAR";
    private static final int NDARRAY_VERSION = 3;
    /** More dimensions (or input shapes) than any block of an MLP has: a garbled count, not a shape. */
    private static final int MAX_RANK = 16;

    private final ByteArrayInputStream bytes;
    private final DataInputStream in;
    private final int total;
    /** What is being read, for messages. */
    private String where = "the network";

    private DjlParameterReader(byte[] weights) {
        this.bytes = new ByteArrayInputStream(weights);
        this.in = new DataInputStream(bytes);
        this.total = weights.length;
    }

    /**
     * Reads the dense layers of the network {@code shape} describes.
     *
     * @throws ModelFormatException if the bytes are not exactly that network's parameters
     */
    static DenseNetwork read(byte[] weights, MlpShape shape) throws ModelFormatException {
        DjlParameterReader r = new DjlParameterReader(weights);
        try {
            return r.network(shape);
        } catch (EOFException e) {
            throw r.error("the weights end early, after " + r.total + " bytes");
        } catch (IOException e) {
            throw r.error("unreadable bytes (" + e.getMessage() + ")");
        }
    }

    private DenseNetwork network(MlpShape shape) throws IOException, ModelFormatException {
        where = "the SequentialBlock";
        expectVersion(SEQUENTIAL_VERSION);
        inputShapes(shape.inputs());
        if (in.readBoolean()) {
            throw error("expected returnIntermediate false (only the logits are the output), found true");
        }
        List<DenseLayer> layers = new ArrayList<>();
        for (int i = 0; i < shape.denseLayers(); i++) {
            layers.add(linear(i, shape.inputsOf(i), shape.units(i)));
            if (i < shape.hidden().size()) {
                where = "the ReLU LambdaBlock after dense layer " + i;
                expectVersion(LAMBDA_VERSION);
                inputShapes(shape.units(i));
            }
            if (shape.dropoutAfter(i)) {
                where = "the Dropout after dense layer " + i;
                expectVersion(DROPOUT_VERSION);
                inputShapes(shape.units(i));
            }
        }
        if (bytes.available() > 0) {
            where = "the end of the network";
            throw error("expected no more bytes, found " + bytes.available());
        }
        return new DenseNetwork(layers);
    }

    private DenseLayer linear(int index, int inputs, int units) throws IOException, ModelFormatException {
        where = "dense layer " + index + " (Linear " + inputs + " -> " + units + ")";
        expectVersion(LINEAR_VERSION);
        expect("units", units, in.readLong());
        expect("input features", inputs, in.readLong());
        shape(); // the batch dimensions it was initialised with: no bearing on the weights
        float[] weight = parameter(index, "weight", units, inputs);
        float[] bias = parameter(index, "bias", units);
        return new DenseLayer(inputs, units, weight, bias);
    }

    /** One float parameter of the given shape. */
    private float[] parameter(int layer, String name, long... dims) throws IOException, ModelFormatException {
        where = "dense layer " + layer + "'s " + name + " " + Arrays.toString(dims);
        char tag = in.readChar();
        if (tag != 'P') {
            throw error(tag == 'N' ? "the parameter was never initialised ('N')"
                    : "expected the parameter tag 'P', found " + describe(tag));
        }
        expectVersion(PARAMETER_VERSION);
        expect("parameter name", name, in.readUTF());
        expect("array magic", NDARRAY_MAGIC, in.readUTF());
        expect("array encoding version", NDARRAY_VERSION, in.readInt());
        int nameFlag = in.readByte();
        if (nameFlag == 1) {
            in.readUTF(); // the array's own name, which DJL ignores on loading too
        } else if (nameFlag != 0) {
            throw error("expected an array-name flag of 0 or 1, found " + nameFlag);
        }
        expect("sparse format", "DENSE", in.readUTF());
        expect("data type", "FLOAT32", in.readUTF());
        long[] found = shape();
        if (!Arrays.equals(dims, found)) {
            throw error("expected shape " + Arrays.toString(dims) + ", found " + Arrays.toString(found));
        }
        int orderByte = in.readByte();
        if (orderByte != '>' && orderByte != '<') {
            throw error("expected a byte order of '>' or '<', found " + describe((char) (orderByte & 0xff)));
        }
        long count = Arrays.stream(dims).reduce(1, Math::multiplyExact);
        expect("data length in bytes", count * Float.BYTES, in.readInt());
        byte[] raw = in.readNBytes((int) count * Float.BYTES);
        if (raw.length < count * Float.BYTES) {
            throw new EOFException();
        }
        float[] values = new float[(int) count];
        ByteBuffer.wrap(raw).order(orderByte == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer().get(values);
        return values;
    }

    /** Default block metadata: one input shape whose last dimension is {@code width}. */
    private void inputShapes(int width) throws IOException, ModelFormatException {
        expect("number of input shapes", 1, in.readInt());
        long[] s = shape();
        if (s.length == 0 || s[s.length - 1] != width) {
            throw error("expected an input shape ending in " + width + ", found " + Arrays.toString(s));
        }
    }

    /** A DJL shape: its dimensions (the layout characters are read and dropped). */
    private long[] shape() throws IOException, ModelFormatException {
        int rank = in.readInt();
        if (rank < 0 || rank > MAX_RANK) {
            throw error("expected a shape of at most " + MAX_RANK + " dimensions, found " + rank);
        }
        long[] dims = new long[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readLong();
        }
        int layout = in.readInt();
        if (layout < 0 || layout > MAX_RANK) {
            throw error("expected a shape layout of at most " + MAX_RANK + " characters, found " + layout);
        }
        in.skipNBytes(2L * layout);
        return dims;
    }

    private void expectVersion(int expected) throws IOException, ModelFormatException {
        expect("version", expected, in.readByte());
    }

    private void expect(String what, long expected, long found) throws ModelFormatException {
        if (expected != found) {
            throw error("expected " + what + " " + expected + ", found " + found);
        }
    }

    private void expect(String what, String expected, String found) throws ModelFormatException {
        if (!expected.equals(found)) {
            throw error("expected " + what + " '" + expected + "', found '" + found + "'");
        }
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("0x%04x", (int) c);
    }

    private ModelFormatException error(String what) {
        int offset = total - bytes.available();
        return new ModelFormatException("the weights do not fit the mlp network the card describes: in " + where
                + " (read up to byte " + offset + "): " + what);
    }
}
