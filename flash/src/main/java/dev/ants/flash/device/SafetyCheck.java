package dev.ants.flash.device;

import dev.ants.core.AntsException;
import dev.ants.flash.Sizes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a device may be written, from a host's {@link HostFacts}. Every refusal is a bad
 * input (exit 2) raised before anything is written, naming the device, the reason and the fix.
 */
public final class SafetyCheck {
    private SafetyCheck() {
    }

    /**
     * @param where "" for this host, " on user@host" for a remote one (appended to the device name)
     */
    public static DeviceInfo check(HostFacts f, String device, long imageSize, boolean force, String where) {
        String dev = device + where;
        if (f.lsLine() == null) {
            throw refuse(dev + " does not exist", "name an existing whole disk; lsblk -d lists them");
        }
        char type = f.lsLine().isEmpty() ? '?' : f.lsLine().charAt(0);
        if (type == '-') return file(f, device, dev, imageSize, force);
        if (type != 'b') {
            throw refuse(dev + " is not a block device", "name a whole disk such as /dev/sdb (lsblk -d lists them)");
        }
        HostFacts.Block b = f.byDev(devNumber(f.lsLine()));
        if (b == null) throw refuse(dev + " is a block device the kernel does not list in /sys/class/block", "name another device");
        if (b.partition() && !force) {
            throw refuse(dev + " is partition " + b.name() + " of /dev/" + b.parent(),
                    "flash the whole disk (--device /dev/" + b.parent() + "), or add --force to write into the partition");
        }
        String disk = b.partition() ? b.parent() : b.name();
        Set<String> system = systemDisks(f);
        if (system.contains(disk)) {
            throw refuse(dev + " holds the running system (/ is on " + disk + ")", "pick another disk; lsblk -d lists them");
        }
        Set<String> mine = new LinkedHashSet<>();
        mine.add(b.name());
        if (!b.partition()) f.partitionsOf(b.name()).forEach(p -> mine.add(p.name()));
        Set<String> stacked = new LinkedHashSet<>(mine);
        for (String n : mine) addHolders(f, n, stacked);
        for (HostFacts.Mount m : f.mounts()) {
            HostFacts.Block mb = f.byDev(m.dev());
            String src = m.source().startsWith("/dev/") ? m.source().substring(5) : null;
            if ((mb != null && stacked.contains(mb.name())) || (src != null && stacked.contains(src))) {
                String what = mb != null ? mb.name() : src;
                throw refuse(dev + (what.equals(b.name()) ? " is" : " holds /dev/" + what + ", which is") + " mounted at "
                        + m.mountPoint(), "unmount it first (umount " + m.mountPoint() + "), or pick another device");
            }
        }
        for (String s : f.swaps()) {
            String n = s.startsWith("/dev/") ? s.substring(5) : null;
            if (n != null && stacked.contains(n)) {
                throw refuse(dev + " holds active swap " + s, "swapoff " + s + " first, or pick another device");
            }
        }
        for (String n : mine) {
            HostFacts.Block x = f.blocks().get(n);
            if (x != null && !x.holders().isEmpty()) {
                throw refuse(dev + " is in use: /dev/" + n + " is held by " + String.join(", ", x.holders())
                        + " (" + kind(x.holders()) + ")", "release it first (" + release(x.holders()) + "), or pick another device");
            }
        }
        if (b.readOnly()) throw refuse(dev + " is read-only", "check its write-protect switch, or: blockdev --setrw " + device);
        if (b.bytes() < imageSize) {
            throw refuse(dev + " (" + Sizes.human(b.bytes()) + ") is smaller than the image (" + Sizes.human(imageSize) + ")",
                    "use a device of at least " + Sizes.human(imageSize));
        }
        String model = f.blocks().get(disk) != null ? f.blocks().get(disk).model() : "";
        List<HostFacts.Block> parts = b.partition() ? List.of() : f.partitionsOf(b.name());
        return new DeviceInfo(device, true, b.name(), b.bytes(), model, parts, b.writeZeroesMax(), Math.max(512, b.logicalBlock()));
    }

    private static DeviceInfo file(HostFacts f, String device, String dev, long imageSize, boolean force) {
        if (!force) {
            throw refuse(dev + " is a regular file, not a block device",
                    "name a whole disk such as /dev/sdb, or add --force to write the image into this file");
        }
        String[] fields = f.lsLine().trim().split("\\s+");
        long size = fields.length > 4 ? Long.parseLong(fields[4]) : 0;
        if (size < imageSize) {
            throw refuse(dev + " (" + Sizes.human(size) + ") is smaller than the image (" + Sizes.human(imageSize) + ")",
                    "make it large enough first, e.g. truncate -s " + imageSize + " " + device);
        }
        return new DeviceInfo(device, false, null, size, "", List.of(), 0, 512);
    }

    /** MAJ:MIN from an `ls -lL` line of a device node ("brw-rw---- 1 root disk 7, 0 ..."). */
    static String devNumber(String ls) {
        var m = java.util.regex.Pattern.compile("\\s(\\d+),\\s*(\\d+)\\s").matcher(ls);
        return m.find() ? m.group(1) + ":" + m.group(2) : "";
    }

    /** The whole disks under the root file system (through partitions, device-mapper and md). */
    static Set<String> systemDisks(HostFacts f) {
        Set<String> under = new LinkedHashSet<>();
        for (HostFacts.Mount m : f.mounts()) {
            if (!m.mountPoint().equals("/")) continue;
            HostFacts.Block b = f.byDev(m.dev());
            String name = b != null ? b.name() : m.source().startsWith("/dev/") ? m.source().substring(5) : null;
            if (name != null) f.disksUnder(name, under);
        }
        Set<String> disks = new LinkedHashSet<>();
        for (String n : under) {
            HostFacts.Block b = f.blocks().get(n);
            if (b != null && !b.partition() && b.slaves().isEmpty()) disks.add(n);
        }
        return disks;
    }

    private static void addHolders(HostFacts f, String name, Set<String> out) {
        HostFacts.Block b = f.blocks().get(name);
        if (b == null) return;
        for (String h : b.holders()) if (out.add(h)) addHolders(f, h, out);
    }

    private static String kind(List<String> holders) {
        List<String> k = new ArrayList<>();
        for (String h : holders) {
            String what = h.startsWith("md") ? "an MD RAID member" : h.startsWith("dm-") ? "device-mapper: LVM, dm-crypt or multipath" : "a stacked device";
            if (!k.contains(what)) k.add(what);
        }
        return String.join("; ", k);
    }

    private static String release(List<String> holders) {
        return holders.stream().anyMatch(h -> h.startsWith("md")) ? "mdadm --stop /dev/" + holders.get(0)
                : "vgchange -an, cryptsetup close or dmsetup remove";
    }

    private static AntsException refuse(String message, String fix) {
        return AntsException.badInput("refused: " + message + "; nothing was written", fix);
    }
}
