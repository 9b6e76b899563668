package dev.ants.image.disk;

import dev.ants.core.AntsException;

/** Sector 0: boot code (9front's mbr) in the first 446 bytes, the partition table, then 55 AA. */
public final class MasterBootRecord {
    public static final int CODE_AREA = 446;

    private MasterBootRecord() {
    }

    /** 9front's mbr boots the one entry marked active and wants every other entry zero: pass one entry. */
    public static byte[] sector(byte[] code, PartitionEntry... entries) {
        return sector(code, 0, entries);
    }

    /** With a disk signature at 0x1B8 (Linux and Windows name the disk by it). */
    public static byte[] sector(byte[] code, int signature, PartitionEntry... entries) {
        if (code.length > CODE_AREA) {
            throw AntsException.badInput("MBR boot code of " + code.length + " bytes does not fit in " + CODE_AREA,
                    "rebuild the 386 boot loaders from the tree (ants kernel --arch 386)");
        }
        if (entries.length > 4) throw new IllegalArgumentException("an MBR holds 4 entries");
        byte[] s = new byte[512];
        System.arraycopy(code, 0, s, 0, code.length);
        for (int i = 0; i < entries.length; i++) {
            System.arraycopy(entries[i].toBytes(), 0, s, CODE_AREA + 16 * i, 16);
        }
        if (signature != 0) {
            if (code.length > 0x1B8) throw new IllegalArgumentException("boot code overlaps the disk signature");
            for (int i = 0; i < 4; i++) s[0x1B8 + i] = (byte) (signature >>> (8 * i));
        }
        s[510] = 0x55;
        s[511] = (byte) 0xAA;
        return s;
    }
}
