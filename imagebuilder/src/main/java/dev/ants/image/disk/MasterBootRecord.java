package dev.ants.image.disk;

import dev.ants.core.AntsException;

/** Sector 0: boot code (9front's mbr) in the first 446 bytes, the partition table, then 55 AA. */
public final class MasterBootRecord {
    public static final int CODE_AREA = 446;

    private MasterBootRecord() {
    }

    /** 9front's mbr boots the one entry marked active and wants every other entry zero: pass one entry. */
    public static byte[] sector(byte[] code, PartitionEntry... entries) {
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
        s[510] = 0x55;
        s[511] = (byte) 0xAA;
        return s;
    }
}
