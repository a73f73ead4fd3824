package org.ser4j.audio;

import java.util.ArrayList;
import java.util.List;

/** Locates and re-seals Ogg pages in fixture bytes, for tests that damage or edit them. */
final class OggFixtures {

    private OggFixtures() {
    }

    /** Start offsets of the pages, in file order. */
    static List<Integer> pageOffsets(byte[] ogg) {
        List<Integer> offsets = new ArrayList<>();
        int p = 0;
        while (p + 27 <= ogg.length) {
            int segments = ogg[p + 26] & 0xff;
            if (p + 27 + segments > ogg.length) {
                break;
            }
            offsets.add(p);
            int body = 0;
            for (int i = 0; i < segments; i++) {
                body += ogg[p + 27 + i] & 0xff;
            }
            p += 27 + segments + body;
        }
        return offsets;
    }

    /** Recomputes the CRC of the page starting at {@code offset} after an edit. */
    static void reseal(byte[] ogg, int offset) {
        List<Integer> pages = pageOffsets(ogg);
        int i = pages.indexOf(offset);
        int end = i + 1 < pages.size() ? pages.get(i + 1) : ogg.length;
        if (offset + 27 > end) {
            return;
        }
        int crc = OggPacketReader.pageChecksum(ogg, offset, end - offset);
        ogg[offset + 22] = (byte) crc;
        ogg[offset + 23] = (byte) (crc >>> 8);
        ogg[offset + 24] = (byte) (crc >>> 16);
        ogg[offset + 25] = (byte) (crc >>> 24);
    }

    /** Offset of the first packet's body within the first page (the identification header). */
    static int firstPacket(byte[] ogg) {
        return 27 + (ogg[26] & 0xff);
    }
}
