package org.ser4j.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchDumpTest {
    @Test
    void dump() throws Exception {
        String[] names = System.getProperty("dump.names", "").split(",");
        for (String name : names) {
            if (name.isEmpty()) continue;
            FormatDecoder d = name.endsWith(".mp3") ? new Mp3Decoder() : name.endsWith(".flac") ? new FlacDecoder()
                    : name.endsWith(".opus") ? new OpusDecoder() : new VorbisDecoder();
            CodecFixtures.Decoded r = CodecFixtures.decode(d, CodecFixtures.bytes(name));
            ByteBuffer b = ByteBuffer.allocate(r.samples().length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : r.samples()) b.putFloat(f);
            Files.write(Path.of("/tmp/dump/" + name + ".f32"), b.array());
            System.out.println("DUMP " + name + " " + r.info() + " decoded frames=" + r.frames() + " end=" + r.infoAtEnd());
        }
    }
}
