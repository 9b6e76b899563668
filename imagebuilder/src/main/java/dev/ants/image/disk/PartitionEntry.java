package dev.ants.image.disk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One 16-byte MBR partition entry. CHS fields are derived from the LBAs with the usual 255-head,
 * 63-sector geometry (clamped to 1023/254/63 beyond 8 GB) because 9front's mbr falls back to CHS
 * when the BIOS lacks INT13 extensions.
 */
public record PartitionEntry(boolean active, int type, long startLba, long sectors) {
    public static final int PLAN9 = 0x39;

    public PartitionEntry {
        if (startLba < 1 || sectors < 1 || startLba + sectors > 0x1_0000_0000L) {
            throw new IllegalArgumentException("partition " + startLba + "+" + sectors + " does not fit an MBR entry");
        }
    }

    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) (active ? 0x80 : 0));
        b.put(chs(startLba));
        b.put((byte) type);
        b.put(chs(startLba + sectors - 1));
        b.putInt((int) startLba);
        b.putInt((int) sectors);
        return b.array();
    }

    /** Head, sector|cylinder-high, cylinder-low, as MBR entries store them. */
    static byte[] chs(long lba) {
        long c = lba / (255 * 63);
        long h = (lba / 63) % 255;
        long s = lba % 63 + 1;
        if (c > 1023) {
            c = 1023;
            h = 254;
            s = 63;
        }
        return new byte[]{(byte) h, (byte) (s | ((c >> 2) & 0xC0)), (byte) c};
    }
}
