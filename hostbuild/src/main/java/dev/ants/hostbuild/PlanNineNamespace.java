package dev.ants.hostbuild;

import dev.ants.core.FileTrees;
import dev.ants.core.host.Parallelism;
import dev.ants.core.repro.SourceDateEpoch;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A private mount namespace (bubblewrap) laid out as a Plan 9 machine building for {@code objtype}:
 * the tree read-only at its Plan 9 paths, the build root's shadow over /sys/src, /amd64 and /386,
 * the toolchain at {@code /.ants}, /bin as a directory of links (9base's utilities, the host's
 * coreutils, then the tree-built tools on top), and /lib holding both Linux's libraries and
 * 9front's lib files. Host processes see none of it.
 */
final class PlanNineNamespace {
    /** 9base utilities we never want: the tree builds better ones, and sam is our mksystab stand-in. */
    private static final Set<String> NOT_FROM_9BASE = Set.of("mk", "rc", "yacc", "sam");
    /** Host commands recipes use that 9base lacks. */
    private static final List<String> FROM_HOST = List.of("cp", "mv", "rm", "ln", "chmod", "rmdir", "sh", "env",
            "true", "false", "wc", "head", "uname", "hostname", "dirname", "expr", "gcc", "cc", "as", "ld", "install",
            "gzip", "tar", "bzip2", "file", "pwd");
    /**
     * Names mkfiles give the $cputype compiler as {@code $O^c} and {@code $O^l} (jpg's rgbv.h
     * generator), for the pseudo-architecture linux whose O is o (support/linux-mkfile).
     */
    private static final Map<String, String> CPUTYPE_ALIASES = Map.of("oc", "linuxcc", "ol", "linuxld", "oa", "linuxcc");
    static final Path NINEBASE = Path.of("/usr/lib/plan9/bin");

    private final Path tree;
    private final BuildRoot build;
    private final HostToolchain toolchain;
    private final Arch arch;
    /** Seconds since 1970 that dated outputs carry (the kernel's kerndate, the boot paq), or null: now. */
    private final Long epoch;

    PlanNineNamespace(Path tree, BuildRoot build, HostToolchain toolchain, Arch arch) {
        this.tree = tree;
        this.build = build;
        this.toolchain = toolchain;
        this.arch = arch;
        var e = SourceDateEpoch.of(tree);
        this.epoch = e.isPresent() ? e.getAsLong() : null;
    }

    Long epoch() {
        return epoch;
    }

    /** Lays out /bin as links, valid inside the namespace. */
    void prepareBin() throws IOException {
        Path bin = build.root().resolve("bin");
        FileTrees.deleteTree(bin);
        Files.createDirectories(bin);
        Map<String, String> links = new LinkedHashMap<>();
        for (String h : FROM_HOST) {
            Path p = Path.of("/usr/bin", h);
            if (Files.exists(p)) links.put(h, p.toString());
        }
        if (Files.isDirectory(NINEBASE)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(NINEBASE)) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    if (!NOT_FROM_9BASE.contains(n)) links.put(n, p.toString());
                }
            }
        }
        try (var s = Files.walk(toolchain.bin())) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = toolchain.bin().relativize(p).toString();
                links.put(rel, HostToolchain.MOUNT_POINT + "/bin/" + rel);
            }
        }
        for (Map.Entry<String, String> e : CPUTYPE_ALIASES.entrySet()) {
            links.putIfAbsent(e.getKey(), HostToolchain.MOUNT_POINT + "/bin/" + e.getValue());
        }
        for (Map.Entry<String, String> e : links.entrySet()) {
            Path l = bin.resolve(e.getKey());
            Files.createDirectories(l.getParent());
            Files.deleteIfExists(l);
            Files.createSymbolicLink(l, Path.of(e.getValue()));
        }
        if (epoch != null) ReproducibleTools.install(bin, links);
    }

    /** The bwrap argv prefix running a command in the namespace with working directory {@code dir}. */
    List<String> command(String dir, List<String> cmd) throws IOException {
        List<String> a = new ArrayList<>(List.of("bwrap", "--die-with-parent", "--tmpfs", "/",
                "--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc",
                "--symlink", "usr/lib32", "/lib32", "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/sbin", "/sbin",
                "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
                // 9base's ed keeps its buffer in /var/tmp (the compilers' mkenam scripts use ed)
                "--tmpfs", "/var/tmp",
                "--ro-bind", tree.toString(), BuildRoot.TREE_MOUNT,
                "--ro-bind", toolchain.dir().toString(), HostToolchain.MOUNT_POINT,
                "--ro-bind", toolchain.dir().resolve("linux").toString(), "/linux",
                "--ro-bind", build.root().resolve("bin").toString(), "/bin"));
        if (build.overlay() != null) a.addAll(List.of("--ro-bind", build.overlay().toString(), BuildRoot.OVERLAY_MOUNT));
        // /lib: Linux's libraries (for the host's dynamic programs) and 9front's lib files together
        a.addAll(List.of("--dir", "/lib"));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/usr/lib"))) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.equals("firmware") || Files.exists(tree.resolve("lib").resolve(n), LinkOption.NOFOLLOW_LINKS)) continue;
                a.addAll(List.of("--symlink", "/usr/lib/" + n, "/lib/" + n));
            }
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tree.resolve("lib"))) {
            for (Path p : ds) a.addAll(List.of("--ro-bind", p.toString(), "/lib/" + p.getFileName()));
        }
        if (!Files.exists(tree.resolve("lib/firmware"))) a.addAll(List.of("--dir", "/lib/firmware"));
        // the rest of the tree read-only at its Plan 9 paths; the shadowed parts writable on top
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tree)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!Files.isDirectory(p) || n.startsWith(".") || n.equals("lib") || n.equals("amd64") || n.equals("386")) {
                    continue;
                }
                a.addAll(List.of("--ro-bind", p.toString(), "/" + n));
            }
        }
        for (String rel : BuildRoot.SHADOWED) a.addAll(List.of("--bind", build.shadow(rel).toString(), "/" + rel));
        a.addAll(List.of("--chdir", dir, "/usr/bin/env", "-i",
                "objtype=" + arch.objtype, "cputype=linux", "NPROC=" + Parallelism.defaultJobs(), "path=.\u0001/bin", "home=/tmp",
                "user=glenda", "sysname=ants", "TMPDIR=/tmp", "PATH=/usr/bin"));
        if (epoch != null) a.add(SourceDateEpoch.VARIABLE + "=" + epoch);
        a.addAll(cmd);
        return a;
    }
}
