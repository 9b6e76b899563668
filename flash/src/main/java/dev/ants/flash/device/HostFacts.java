package dev.ants.flash.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What probe.sh printed about a host: its tools, its block devices (from /sys/class/block), its
 * mounts and swaps, and the target path as {@code ls -lL} and {@code readlink -f} saw it. Parsed here,
 * judged by {@link SafetyCheck}: the same code decides for this host and for a remote one.
 */
public record HostFacts(Map<String, Boolean> tools, String os, String lsLine, String realPath,
                        Map<String, Block> blocks, List<Mount> mounts, List<String> swaps) {

    /** One entry of /sys/class/block. {@code sectors} are 512-byte units, as sysfs counts them. */
    public record Block(String name, String dev, boolean partition, String parent, long sectors, boolean readOnly,
                        long writeZeroesMax, int logicalBlock, List<String> holders, List<String> slaves, String model) {
        public long bytes() {
            return sectors * 512;
        }
    }

    /** A line of /proc/self/mountinfo: device number, source (resolved when under /dev) and mount point. */
    public record Mount(String dev, String source, String mountPoint) {
    }

    public static HostFacts parse(String text) {
        Map<String, Boolean> tools = new LinkedHashMap<>();
        Map<String, Block> blocks = new LinkedHashMap<>();
        Map<String, List<String>> holders = new LinkedHashMap<>();
        Map<String, List<String>> slaves = new LinkedHashMap<>();
        Map<String, String> models = new LinkedHashMap<>();
        List<Mount> mounts = new ArrayList<>();
        List<String> swaps = new ArrayList<>();
        String os = "";
        String ls = null;
        String real = null;
        boolean end = false;
        for (String line : text.split("\n")) {
            String[] f = line.split(" ", 2);
            String rest = f.length > 1 ? f[1] : "";
            switch (f[0]) {
                case "tool" -> {
                    String[] t = rest.split(" ");
                    tools.put(t[0], t.length > 1 && t[1].equals("yes"));
                }
                case "os" -> os = rest.trim();
                case "ls" -> ls = rest;
                case "real" -> real = rest.trim();
                case "blk" -> {
                    String[] b = rest.trim().split("\\s+");
                    if (b.length < 8) continue;
                    blocks.put(b[0], new Block(b[0], b[1], b[2].equals("1"), b[3].equals("-") ? null : b[3],
                            parseLong(b[4]), b[5].equals("1"), parseLong(b[6]), (int) parseLong(b[7]),
                            List.of(), List.of(), ""));
                }
                case "holder" -> add(holders, rest);
                case "slave" -> add(slaves, rest);
                case "model" -> {
                    String[] m = rest.split(" ", 2);
                    models.put(m[0], m.length > 1 ? m[1].trim() : "");
                }
                case "mount" -> {
                    String[] m = rest.split(" ", 3);
                    if (m.length == 3) mounts.add(new Mount(m[0], m[1], unescape(m[2])));
                }
                case "swap" -> swaps.add(rest.trim());
                case "end" -> end = true;
                default -> { }
            }
        }
        if (!end) throw new IllegalArgumentException("the device probe stopped early");
        Map<String, Block> full = new LinkedHashMap<>();
        for (Block b : blocks.values()) {
            full.put(b.name(), new Block(b.name(), b.dev(), b.partition(), b.parent(), b.sectors(), b.readOnly(),
                    b.writeZeroesMax(), b.logicalBlock(), holders.getOrDefault(b.name(), List.of()),
                    slaves.getOrDefault(b.name(), List.of()), models.getOrDefault(b.name(), "")));
        }
        return new HostFacts(tools, os, ls, real, full, mounts, swaps);
    }

    public boolean has(String tool) {
        return tools.getOrDefault(tool, false);
    }

    /** The block device with this device number (MAJ:MIN), or null. */
    public Block byDev(String dev) {
        for (Block b : blocks.values()) if (b.dev().equals(dev)) return b;
        return null;
    }

    /** The partitions of a whole disk, in sysfs order. */
    public List<Block> partitionsOf(String disk) {
        return blocks.values().stream().filter(b -> b.partition() && disk.equals(b.parent())).toList();
    }

    /** The whole disks that a device rests on: itself or its parent, then through dm/md slaves. */
    public void disksUnder(String name, Set<String> out) {
        Block b = blocks.get(name);
        if (b == null || !out.add(name)) return;
        if (b.partition() && b.parent() != null) disksUnder(b.parent(), out);
        for (String s : b.slaves()) disksUnder(s, out);
    }

    private static void add(Map<String, List<String>> m, String rest) {
        String[] p = rest.trim().split(" ");
        if (p.length == 2) m.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p[1]);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** mountinfo writes spaces and tabs in paths as octal escapes. */
    private static String unescape(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\");
    }
}
