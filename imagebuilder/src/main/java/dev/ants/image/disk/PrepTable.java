package dev.ants.image.disk;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Plan 9 partition's sub-partition table as 9front's prep writes it: text lines
 * {@code part NAME START END} in the partition's sector 1, sectors relative to the partition,
 * NUL-padded. The kernel learns them only when diskparts feeds them to /dev/sdXX/ctl.
 */
public record PrepTable(List<Part> parts) {
    public record Part(String name, long start, long end) {
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) b.append("part ").append(p.name()).append(' ').append(p.start()).append(' ').append(p.end()).append('\n');
        return b.toString();
    }

    public byte[] sector() {
        byte[] t = text().getBytes(StandardCharsets.US_ASCII);
        if (t.length > 512) throw new IllegalStateException("prep table longer than a sector");
        byte[] s = new byte[512];
        System.arraycopy(t, 0, s, 0, t.length);
        return s;
    }
}
