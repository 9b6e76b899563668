package dev.ants.image;

import dev.ants.core.AntsException;

import java.util.List;
import java.util.Locale;

/**
 * The root file system of an image, with what the disk needs for it: the prep partitions after 9fat
 * and nvram (as 9front's installer makes them: inst/prepdisk), the one bootargs names, and the file
 * server program that must be in the tree.
 */
public enum RootFs {
    /** No root: the fs partition stays empty and the image boots rootless. */
    NONE(List.of("fs"), "fs", null, ""),
    HJFS(List.of("fs"), "fs", "hjfs", ""),
    /** gefs boots with -A (no attach authentication), as 9front's installer writes it (inst/mountgefs, bootsetup). */
    GEFS(List.of("fs"), "fs", "gefs", " -A"),
    /** cwfs: a cache, a write-once worm and "other", in the weights of prep's auto layout (4:20:4). */
    CWFS(List.of("fscache", "fsworm", "other"), "fscache", "cwfs", "");

    /** The prep partitions for the file system, in disk order. */
    public final List<String> parts;
    /** The partition bootargs names (local!/dev/sdXX/PART). */
    public final String bootPart;
    /** The file server's source directory under sys/src/cmd, or null. */
    public final String server;
    /** What bootargs adds after the partition for the file server (bootrc passes it on): "" or " -A". */
    public final String bootFlags;

    RootFs(List<String> parts, String bootPart, String server, String bootFlags) {
        this.parts = parts;
        this.bootPart = bootPart;
        this.server = server;
        this.bootFlags = bootFlags;
    }

    /**
     * The disk size when none is given: 2 GiB, and 6 GiB for cwfs, whose cache (a seventh of the disk,
     * as the installer lays it out) must hold the whole root until the first dump.
     */
    public long defaultSize() {
        return this == CWFS ? 6L << 30 : 2L << 30;
    }

    /** The bootargs that boot this root from the disk 9front names disk9 (sdC0, sdE0, ...). */
    public String bootargs(String disk9) {
        return "local!/dev/" + disk9 + "/" + bootPart + bootFlags;
    }

    public static RootFs parse(String s) {
        for (RootFs f : values()) if (f.id().equalsIgnoreCase(s == null ? "" : s)) return f;
        throw AntsException.badInput("--fs " + s + " is unknown", "use none, hjfs, gefs or cwfs");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
