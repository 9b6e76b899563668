package dev.ants.image.fat;

import dev.ants.core.AntsException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a FAT16 file system, reproducibly, into a region of an image file. It serves both the 9fat
 * boot partition (with 9front's {@code pbs} as boot code, whose loader needs every file contiguous:
 * clusters are handed out in order, so each file is) and plain data disks for test suites.
 *
 * <p>Only 8.3 names: 9front's loaders read short names, and dossrv reads them too.
 */
public final class FatVolume {
    static final int SECTOR = 512;
    static final int ROOT_ENTRIES = 512;
    /** FAT16's least cluster count: 4085 by Microsoft's rule, 0xff7 by 9boot's (fat.c), so the larger. */
    static final int MIN_CLUSTERS = 0xff7;
    static final int MAX_CLUSTERS = 65524;

    private final long sectors;
    private final Dir root = new Dir();
    private int reservedSectors = 1;
    private long hiddenSectors;
    private byte[] bootCode;
    private String label = "ANTS";
    private int volumeId = 0x414e5453; // fixed, so identical inputs give identical images
    private LocalDateTime timestamp = LocalDateTime.of(2000, 1, 1, 0, 0);
    private int maxClusterSectors = 1;

    /** A volume of {@code sectors} 512-byte sectors (at least 4 MiB worth, the FAT16 minimum). */
    public FatVolume(long sectors) {
        if (sectors < 8192 || sectors > 0xFFFFFFFFL) {
            throw AntsException.badInput("FAT16 volume of " + sectors + " sectors is out of range",
                    "use between 4 MiB and 2 GiB");
        }
        this.sectors = sectors;
    }

    /** 9front puts the prep table in the 9fat's second reserved sector, so it asks for 2. */
    public FatVolume reservedSectors(int n) {
        this.reservedSectors = n;
        return this;
    }

    /** The partition's absolute LBA; pbs uses it to find the FAT. */
    public FatVolume hiddenSectors(long lba) {
        this.hiddenSectors = lba;
        return this;
    }

    /** Boot code (e.g. 9front's pbs): copied at offset 0, then the BPB is written over bytes 3–61. */
    public FatVolume bootCode(byte[] code) {
        if (code.length > 510) throw AntsException.badInput("boot code of " + code.length + " bytes does not fit in 510", "");
        this.bootCode = code.clone();
        return this;
    }

    /**
     * Clusters of up to {@code n} sectors where FAT16 allows (by default the smallest it allows).
     * 9boot reads through the BIOS a sector at a time and the FAT's sector once per cluster: larger
     * clusters are fewer reads of a kernel (at 8 sectors, 1.125 per sector of it instead of 2).
     */
    public FatVolume maxClusterSectors(int n) {
        this.maxClusterSectors = n;
        return this;
    }

    public FatVolume label(String label) {
        this.label = label;
        return this;
    }

    public FatVolume volumeId(int id) {
        this.volumeId = id;
        return this;
    }

    public FatVolume timestamp(LocalDateTime t) {
        this.timestamp = t;
        return this;
    }

    /** Adds a file; {@code path} uses '/' and 8.3 components, case-insensitively ("cfg/plan9.ini"). */
    public FatVolume addFile(String path, byte[] content) {
        String[] parts = path.replaceAll("^/+", "").split("/");
        Dir d = root;
        for (int i = 0; i < parts.length - 1; i++) {
            d = d.subdir(shortName(parts[i], path));
        }
        String name = shortName(parts[parts.length - 1], path);
        if (d.dirs.containsKey(name) || d.files.containsKey(name)) {
            throw AntsException.badInput("file " + path + " added twice to the FAT volume", "");
        }
        d.files.put(name, content.clone());
        return this;
    }

    /** Writes the volume into {@code image} starting at {@code byteOffset}; other bytes are untouched. */
    public void writeTo(Path image, long byteOffset) throws IOException {
        Geometry g = geometry();
        int[] fat = new int[g.clusters + 2];
        fat[0] = 0xFFF8;
        fat[1] = 0xFFFF;
        int[] next = {2};
        byte[] rootDir = new byte[ROOT_ENTRIES * 32];
        List<Chunk> data = new ArrayList<>();
        if (countEntries(root) > ROOT_ENTRIES) throw AntsException.badInput("too many files in the FAT root directory", "");
        layout(root, rootDir, 0, g, fat, next, data);

        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
            write(ch, byteOffset, bootSector(g));
            byte[] fatBytes = new byte[g.fatSectors * SECTOR];
            ByteBuffer fb = ByteBuffer.wrap(fatBytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < fat.length && i * 2 < fatBytes.length; i++) fb.putShort(i * 2, (short) fat[i]);
            for (int f = 0; f < 2; f++) {
                write(ch, byteOffset + (long) (reservedSectors + f * g.fatSectors) * SECTOR, fatBytes);
            }
            write(ch, byteOffset + (long) g.rootStart * SECTOR, rootDir);
            for (Chunk c : data) {
                write(ch, byteOffset + ((long) g.dataStart + (long) (c.cluster - 2) * g.spc) * SECTOR, c.bytes);
            }
        }
    }

    public long sectors() {
        return sectors;
    }

    record Geometry(int spc, int fatSectors, int clusters, int rootStart, int dataStart) {
    }

    /**
     * The largest cluster size up to {@link #maxClusterSectors} that keeps the cluster count in FAT16's
     * range (the smallest that does, if none is that small); FAT size found by iteration.
     */
    Geometry geometry() {
        int rootSectors = ROOT_ENTRIES * 32 / SECTOR;
        Geometry best = null;
        for (int spc = 1; spc <= 64; spc *= 2) {
            int fatSz = 1;
            long clusters = 0;
            for (int i = 0; i < 8; i++) {
                clusters = (sectors - reservedSectors - 2L * fatSz - rootSectors) / spc;
                fatSz = (int) ((clusters + 2) * 2 + SECTOR - 1) / SECTOR;
            }
            if (clusters < MIN_CLUSTERS) break;
            if (clusters <= MAX_CLUSTERS) {
                int rootStart = reservedSectors + 2 * fatSz;
                best = new Geometry(spc, fatSz, (int) clusters, rootStart, rootStart + rootSectors);
                if (spc >= maxClusterSectors) break;
            }
        }
        if (best != null) return best;
        throw AntsException.badInput("no FAT16 geometry for " + sectors + " sectors", "use between 4 MiB and 2 GiB");
    }

    private byte[] bootSector(Geometry g) {
        byte[] s = new byte[SECTOR];
        if (bootCode != null) {
            System.arraycopy(bootCode, 0, s, 0, bootCode.length);
        } else {
            s[0] = (byte) 0xEB;
            s[1] = 0x3C;
            s[2] = (byte) 0x90;
            s[0x3E] = (byte) 0xF4; // hlt: a data disk is not bootable
        }
        ByteBuffer b = ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN);
        b.put(3, "ANTS    ".getBytes(StandardCharsets.US_ASCII));
        b.putShort(0x0B, (short) SECTOR);
        b.put(0x0D, (byte) g.spc);
        b.putShort(0x0E, (short) reservedSectors);
        b.put(0x10, (byte) 2);
        b.putShort(0x11, (short) ROOT_ENTRIES);
        b.putShort(0x13, (short) (sectors < 65536 ? sectors : 0));
        b.put(0x15, (byte) 0xF8);
        b.putShort(0x16, (short) g.fatSectors);
        b.putShort(0x18, (short) 63);
        b.putShort(0x1A, (short) 255);
        b.putInt(0x1C, (int) hiddenSectors);
        b.putInt(0x20, (int) (sectors < 65536 ? 0 : sectors));
        b.put(0x24, (byte) 0x80);
        b.put(0x26, (byte) 0x29);
        b.putInt(0x27, volumeId);
        b.put(0x2B, pad(label.toUpperCase(Locale.ROOT), 11));
        b.put(0x36, pad("FAT16", 8));
        s[510] = 0x55;
        s[511] = (byte) 0xAA;
        return s;
    }

    private static int countEntries(Dir d) {
        return d.dirs.size() + d.files.size() + 1; // + the volume label
    }

    /** Assigns clusters depth-first in name order and fills {@code dirBytes} with d's entries. */
    private void layout(Dir d, byte[] dirBytes, int parentCluster, Geometry g, int[] fat, int[] next, List<Chunk> data) {
        int slot = 0;
        if (d == root) {
            putEntry(dirBytes, slot++, pad(label.toUpperCase(Locale.ROOT), 11), 0x08, 0, 0);
        }
        int clusterBytes = g.spc * SECTOR;
        for (Map.Entry<String, byte[]> f : d.files.entrySet()) {
            byte[] content = f.getValue();
            int first = content.length == 0 ? 0 : allocate(content.length, clusterBytes, fat, next, g);
            if (first != 0) data.add(new Chunk(first, content));
            putEntry(dirBytes, slot++, name83(f.getKey()), 0x20, first, content.length);
        }
        for (Map.Entry<String, Dir> e : d.dirs.entrySet()) {
            Dir sub = e.getValue();
            int entries = sub.dirs.size() + sub.files.size() + 2;
            byte[] subBytes = new byte[Math.max(1, (entries * 32 + clusterBytes - 1) / clusterBytes) * clusterBytes];
            int first = allocate(subBytes.length, clusterBytes, fat, next, g);
            putEntry(subBytes, 0, pad(".", 11), 0x10, first, 0);
            putEntry(subBytes, 1, pad("..", 11), 0x10, parentCluster, 0);
            // The sub-directory's own entries follow "." and "..".
            byte[] body = new byte[subBytes.length - 64];
            layout(sub, body, first, g, fat, next, data);
            System.arraycopy(body, 0, subBytes, 64, body.length);
            data.add(new Chunk(first, subBytes));
            putEntry(dirBytes, slot++, name83(e.getKey()), 0x10, first, 0);
        }
    }

    private static int allocate(long bytes, int clusterBytes, int[] fat, int[] next, Geometry g) {
        int n = (int) ((bytes + clusterBytes - 1) / clusterBytes);
        int first = next[0];
        if (first + n - 2 > g.clusters) {
            throw AntsException.badInput("the files do not fit in the FAT volume", "give the volume more room");
        }
        for (int i = 0; i < n; i++) fat[first + i] = i == n - 1 ? 0xFFFF : first + i + 1;
        next[0] += n;
        return first;
    }

    private void putEntry(byte[] dir, int slot, byte[] name11, int attr, int cluster, long size) {
        ByteBuffer b = ByteBuffer.wrap(dir, slot * 32, 32).slice().order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, name11);
        b.put(11, (byte) attr);
        short time = (short) ((timestamp.getHour() << 11) | (timestamp.getMinute() << 5) | (timestamp.getSecond() / 2));
        short date = (short) (((timestamp.getYear() - 1980) << 9) | (timestamp.getMonthValue() << 5) | timestamp.getDayOfMonth());
        b.putShort(14, time);
        b.putShort(16, date);
        b.putShort(18, date);
        b.putShort(22, time);
        b.putShort(24, date);
        b.putShort(26, (short) cluster);
        b.putInt(28, (int) size);
    }

    /** Validates and upper-cases one 8.3 path component. */
    static String shortName(String component, String path) {
        String n = component.toUpperCase(Locale.ROOT);
        if (!n.matches("[A-Z0-9_$~!#%&@^'(){}-]{1,8}(\\.[A-Z0-9_$~!#%&@^'(){}-]{1,3})?")) {
            throw AntsException.badInput("'" + component + "' in " + path + " is not an 8.3 name",
                    "9front's loaders read short names only: at most 8 letters, a dot and 3 more");
        }
        return n;
    }

    static byte[] name83(String shortName) {
        int dot = shortName.indexOf('.');
        String base = dot < 0 ? shortName : shortName.substring(0, dot);
        String ext = dot < 0 ? "" : shortName.substring(dot + 1);
        byte[] out = pad(base, 8);
        byte[] full = new byte[11];
        System.arraycopy(out, 0, full, 0, 8);
        System.arraycopy(pad(ext, 3), 0, full, 8, 3);
        return full;
    }

    static byte[] pad(String s, int len) {
        byte[] b = new byte[len];
        java.util.Arrays.fill(b, (byte) ' ');
        byte[] src = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(src, 0, b, 0, Math.min(len, src.length));
        return b;
    }

    private static void write(FileChannel ch, long pos, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) pos += ch.write(b, pos);
    }

    private record Chunk(int cluster, byte[] bytes) {
    }

    private static final class Dir {
        final Map<String, Dir> dirs = new TreeMap<>();
        final Map<String, byte[]> files = new TreeMap<>();

        Dir subdir(String name) {
            if (files.containsKey(name)) throw AntsException.badInput(name + " is both a file and a directory", "");
            return dirs.computeIfAbsent(name, k -> new Dir());
        }
    }
}
