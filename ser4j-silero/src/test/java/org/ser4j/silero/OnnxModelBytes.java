package org.ser4j.silero;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Tiny ONNX models written as protobuf bytes by hand, so the default tests can load real sessions without the
 * Silero file: only the fields ONNX Runtime needs (ir_version, opset_import, graph with nodes, inputs, outputs).
 * Field numbers are those of onnx.proto.
 */
final class OnnxModelBytes {

    static final int FLOAT = 1;
    static final int INT64 = 7;
    /** Stands for a dynamic dimension. */
    static final long DYNAMIC = -1;

    private OnnxModelBytes() {
    }

    /** {@code y = Identity(x)}, float [1, 4]: valid ONNX, but not Silero VAD. */
    static byte[] identity() {
        byte[] graph = concat(
                field(1, node("Identity", new String[] {"x"}, new String[] {"y"})),
                string(2, "identity"),
                field(11, valueInfo("x", FLOAT, 1, 4)),
                field(12, valueInfo("y", FLOAT, 1, 4)));
        return model(graph);
    }

    /**
     * Silero's signature with a trivial body: {@code output} is the largest sample of the window (context and
     * chunk), {@code stateN} is {@code state}, {@code sr} is read by nobody.
     */
    static byte[] sileroShapedMax() {
        byte[] reduce = concat(
                string(1, "input"), string(2, "output"), string(4, "ReduceMax"),
                field(5, concat(string(1, "axes"), varint(20, 7), varint(8, 1))),
                field(5, concat(string(1, "keepdims"), varint(20, 2), varint(3, 1))));
        byte[] graph = concat(
                field(1, reduce),
                field(1, node("Identity", new String[] {"state"}, new String[] {"stateN"})),
                string(2, "silero_shaped"),
                field(11, valueInfo("input", FLOAT, 1, DYNAMIC)),
                field(11, valueInfo("state", FLOAT, 2, 1, 128)),
                field(11, valueInfo("sr", INT64)),
                field(12, valueInfo("output", FLOAT, 1, 1)),
                field(12, valueInfo("stateN", FLOAT, 2, 1, 128)));
        return model(graph);
    }

    private static byte[] model(byte[] graph) {
        return concat(varint(1, 7), field(8, concat(string(1, ""), varint(2, 13))), field(7, graph));
    }

    private static byte[] node(String op, String[] inputs, String[] outputs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String input : inputs) {
            out.writeBytes(string(1, input));
        }
        for (String output : outputs) {
            out.writeBytes(string(2, output));
        }
        out.writeBytes(string(4, op));
        return out.toByteArray();
    }

    /** A tensor value of element type {@code type} and the given dimensions; none makes a scalar. */
    private static byte[] valueInfo(String name, int type, long... dims) {
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        for (long dim : dims) {
            shape.writeBytes(field(1, dim == DYNAMIC ? string(2, "n") : varint(1, dim)));
        }
        byte[] tensor = concat(varint(1, type), field(2, shape.toByteArray()));
        return concat(string(1, name), field(2, field(1, tensor)));
    }

    private static byte[] string(int number, String value) {
        return field(number, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] field(int number, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, (long) number << 3 | 2);
        writeVarint(out, payload.length);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] varint(int number, long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, (long) number << 3);
        writeVarint(out, value);
        return out.toByteArray();
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
