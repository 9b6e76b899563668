package dev.ants.image.disk;

import dev.ants.core.AntsException;
import dev.ants.image.RootFs;

import java.util.ArrayList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything goes on the disk, in 512-byte sectors: one active type-0x39 partition from LBA
 * 2048 to the end; inside it 9fat from sector 0 (its boot sector is the partition's first sector, and
 * its second reserved sector holds the prep table), then nvram (one sector), then fs to the end. This
 * is the layout 9front's installer makes (prep -a 9fat -a nvram -a fs) with a fixed 32 MiB 9fat;
 * for cwfs the rest is fscache, fsworm and other instead of fs.
 */
public record DiskLayout(long totalSectors, RootFs fs) {
    public static final int SECTOR = 512;
    public static final long PARTITION_LBA = 2048;
    public static final long NINEFAT_SECTORS = 65536;
    public static final long MIN_BYTES = 64L << 20;
    /** An MBR entry counts sectors in 32 bits. */
    public static final long MAX_BYTES = 0xFFFF_FFFFL * SECTOR;

    public static DiskLayout forBytes(long bytes) {
        return forBytes(bytes, RootFs.NONE);
    }

    public static DiskLayout forBytes(long bytes, RootFs fs) {
        if (bytes % SECTOR != 0) {
            throw AntsException.badInput("disk size " + bytes + " is not a multiple of 512 bytes", "use a size like 2G or 512M");
        }
        if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
            throw AntsException.badInput("disk size " + bytes + " bytes is out of range",
                    "use at least 64M (room for the 32 MiB 9fat and a file system) and at most 2T (MBR limit)");
        }
        return new DiskLayout(bytes / SECTOR, fs);
    }

    public long bytes() {
        return totalSectors * SECTOR;
    }

    public long partitionSectors() {
        return totalSectors - PARTITION_LBA;
    }

    public PartitionEntry partitionEntry() {
        return new PartitionEntry(true, PartitionEntry.PLAN9, PARTITION_LBA, partitionSectors());
    }

    /** Absolute LBA of the prep table: the partition's sector 1. */
    public long prepTableLba() {
        return PARTITION_LBA + 1;
    }

    public PrepTable prepTable() {
        List<PrepTable.Part> parts = new ArrayList<>();
        parts.add(new PrepTable.Part("9fat", 0, NINEFAT_SECTORS));
        parts.add(new PrepTable.Part("nvram", NINEFAT_SECTORS, NINEFAT_SECTORS + 1));
        long start = NINEFAT_SECTORS + 1;
        long room = partitionSectors() - start;
        int weights = fs.parts.stream().mapToInt(this::weight).sum();
        for (int i = 0; i < fs.parts.size(); i++) {
            String name = fs.parts.get(i);
            long end = i == fs.parts.size() - 1 ? partitionSectors() : start + room * weight(name) / weights;
            parts.add(new PrepTable.Part(name, start, end));
            start = end;
        }
        return new PrepTable(parts);
    }

    /** Sectors of the named prep partition. */
    public long sectorsOf(String name) {
        for (PrepTable.Part p : prepTable().parts()) if (p.name().equals(name)) return p.end() - p.start();
        throw new IllegalArgumentException("no partition " + name);
    }

    /** Absolute LBA where the named prep partition starts. */
    public long lbaOf(String name) {
        for (PrepTable.Part p : prepTable().parts()) if (p.name().equals(name)) return PARTITION_LBA + p.start();
        throw new IllegalArgumentException("no partition " + name);
    }

    private int weight(String part) {
        return switch (part) {
            case "fscache", "other" -> 4;
            case "fsworm" -> 20;
            default -> 1;
        };
    }

    /** For the manifest: every region with absolute LBAs. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sectorSize", SECTOR);
        m.put("totalSectors", totalSectors);
        m.put("mbr", Map.of("lba", 0));
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("type", "0x39");
        part.put("active", true);
        part.put("startLba", PARTITION_LBA);
        part.put("sectors", partitionSectors());
        m.put("partition", part);
        m.put("prepTableLba", prepTableLba());
        List<Map<String, Object>> subs = prepTable().parts().stream().map(p -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", p.name());
            s.put("start", p.start());
            s.put("end", p.end());
            s.put("startLba", PARTITION_LBA + p.start());
            s.put("endLba", PARTITION_LBA + p.end());
            return s;
        }).toList();
        m.put("prep", subs);
        return m;
    }
}
