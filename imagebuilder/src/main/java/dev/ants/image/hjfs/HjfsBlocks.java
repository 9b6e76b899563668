package dev.ants.image.hjfs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * hjfs's on-disk format, as its reader decodes it (sys/src/cmd/hjfs, facts only): 4096-byte blocks,
 * each a type byte and 4095 bytes of payload, little-endian. Block 0 is the superblock, then come the
 * reference counts (3 bytes per block of the disk), then the root's directory block. A directory's
 * contents are blocks of 9 entries of 453 bytes; a file's are raw blocks; both reach past 15 direct
 * blocks through up to 4 levels of indirect blocks of 341 offsets.
 */
public final class HjfsBlocks {
    public static final int BLOCK = 4096;
    /** The payload of a block: the type byte comes first. */
    public static final int PAYLOAD = BLOCK - 1;
    public static final long MAGIC = 0x6E0DE51CL;
    public static final int NAME_LEN = 256;
    public static final int NDIRECT = 15;
    public static final int NINDIRECT = 4;
    public static final int DENTRY_SIZE = NAME_LEN + 4 * 2 + 13 + (3 + NDIRECT + NINDIRECT) * 8;
    public static final int DENTRIES_PER_BLOCK = PAYLOAD / DENTRY_SIZE;
    /** Offsets per indirect block: 12 bytes each by the format's old design, though 8 are written. */
    public static final int OFFSETS_PER_BLOCK = PAYLOAD / 12;
    public static final int REF_SIZE = 3;
    public static final int REFS_PER_BLOCK = PAYLOAD / REF_SIZE;
    /** The count of the blocks past the disk's end in the last reference block. */
    public static final int REF_BEYOND_END = (1 << 8 * REF_SIZE) - 1;
    public static final long ROOT_QID = 1;
    /** The first qid path a new file gets (2 is the dump root's). */
    public static final long FIRST_QID = 3;
    /** The allocated bit of a directory entry's mode. */
    public static final int ALLOCATED = 1 << 15;
    public static final int QTDIR = 0x80;

    enum Type {
        RAW, SUPERBLOCK, DENTRY, INDIRECT, REF
    }

    /** One directory entry's fields; {@code db}/{@code ib} hold block numbers (0: none). */
    public record Dentry(String name, short uid, short gid, int mode, long qid, int qidType, long size,
                         long[] db, long[] ib, long time) {
    }

    private HjfsBlocks() {
    }

    /** How many reference blocks a disk of {@code blocks} blocks has. */
    public static long refBlocks(long blocks) {
        return (blocks * REF_SIZE + PAYLOAD - 1) / PAYLOAD;
    }

    static ByteBuffer block(Type t) {
        ByteBuffer b = ByteBuffer.allocate(BLOCK).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) t.ordinal());
        return b;
    }

    static ByteBuffer superblock(long size, long root, long nextQid) {
        ByteBuffer b = block(Type.SUPERBLOCK);
        b.putInt((int) MAGIC).putLong(size).putLong(1).putLong(1 + refBlocks(size)).putLong(root).putLong(nextQid);
        return b;
    }

    /**
     * Reference block {@code i} (0-based after the superblock): every block below {@code used} counts
     * one, and in the last block the entries past the disk's end count "never free", as ream leaves them.
     */
    static ByteBuffer refBlock(long i, long used, long size) {
        ByteBuffer b = block(Type.REF);
        long first = i * REFS_PER_BLOCK;
        boolean last = i == refBlocks(size) - 1;
        for (int j = 0; j < REFS_PER_BLOCK; j++) {
            long blk = first + j;
            int ref = blk < used ? 1 : last && size % REFS_PER_BLOCK != 0 && j >= size % REFS_PER_BLOCK ? REF_BEYOND_END : 0;
            b.put((byte) ref).put((byte) (ref >> 8)).put((byte) (ref >> 16));
        }
        return b;
    }

    static ByteBuffer indirect(long[] offsets) {
        ByteBuffer b = block(Type.INDIRECT);
        for (long o : offsets) b.putLong(o);
        return b;
    }

    static ByteBuffer dentries(Dentry[] ds) {
        ByteBuffer b = block(Type.DENTRY);
        for (int i = 0; i < DENTRIES_PER_BLOCK; i++) {
            int at = 1 + i * DENTRY_SIZE;
            if (i < ds.length && ds[i] != null) put(b.position(at), ds[i]);
        }
        return b;
    }

    private static void put(ByteBuffer b, Dentry d) {
        byte[] name = d.name().getBytes(StandardCharsets.UTF_8);
        b.put(name).position(b.position() + NAME_LEN - name.length);
        b.putShort(d.uid()).putShort(d.uid()).putShort(d.gid()).putShort((short) (ALLOCATED | d.mode()));
        b.putLong(d.qid()).putInt(0).put((byte) d.qidType()).putLong(d.size());
        for (int k = 0; k < NDIRECT; k++) b.putLong(d.db()[k]);
        for (int k = 0; k < NINDIRECT; k++) b.putLong(d.ib()[k]);
        b.putLong(d.time()).putLong(d.time());
    }

    /** hjfs takes names of 1 to 255 bytes without '/' or control characters. */
    static boolean nameFits(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length < NAME_LEN;
    }
}
