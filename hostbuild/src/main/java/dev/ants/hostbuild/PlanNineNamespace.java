package dev.ants.hostbuild;

import dev.ants.core.FileTrees;
import dev.ants.core.host.Bwrap;
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
 * the tree read-only at its Plan 9 paths, the build root's shadow over /sys/src, /sys/lib, the architecture directories, /rc and /acme,
 * the toolchain at {@code /.ants}, a user's $home, /bin as a directory of links (9base's utilities, the host's
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
    private final int jobs;
    /** Seconds since 1970 that dated outputs carry (the kernel's kerndate, the boot paq), or null: now. */
    private final Long epoch;

    /** @param jobs mk's NPROC: how many recipes run at once */
    PlanNineNamespace(Path tree, BuildRoot build, HostToolchain toolchain, Arch arch, int jobs) {
        this.tree = tree;
        this.build = build;
        this.toolchain = toolchain;
        this.arch = arch;
        this.jobs = jobs;
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

    /** The bwrap argv running {@code cmd} in the namespace with working directory {@code dir}. */
    List<String> command(String dir, List<String> cmd) throws IOException {
        // 9base's ed keeps its buffer in /var/tmp (the compilers' mkenam scripts use ed)
        Bwrap b = Bwrap.emptyRoot().hostUsr().roBind("/etc", "/etc").tmpfs("/tmp").tmpfs("/var/tmp")
                .roBind(tree, BuildRoot.TREE_MOUNT)
                .roBind(toolchain.dir(), HostToolchain.MOUNT_POINT)
                .roBind(toolchain.dir().resolve("linux"), "/linux")
                .roBind(build.root().resolve("bin"), "/bin");
        if (build.overlay() != null) b.roBind(build.overlay(), BuildRoot.OVERLAY_MOUNT);
        // /lib: Linux's libraries (for the host's dynamic programs) and 9front's lib files together
        b.dir("/lib");
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/usr/lib"))) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.equals("firmware") || Files.exists(tree.resolve("lib").resolve(n), LinkOption.NOFOLLOW_LINKS)) continue;
                b.symlink("/usr/lib/" + n, "/lib/" + n);
            }
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tree.resolve("lib"))) {
            for (Path p : ds) b.roBind(p, "/lib/" + p.getFileName());
        }
        if (!Files.exists(tree.resolve("lib/firmware"))) b.dir("/lib/firmware");
        // the rest of the tree read-only at its Plan 9 paths; the shadowed parts writable on top
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tree)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!Files.isDirectory(p) || n.startsWith(".") || n.equals("lib") || n.equals("usr")
                        || BuildRoot.SHADOWED.contains(n)) {
                    continue;
                }
                b.roBind(p, "/" + n);
            }
        }
        for (String rel : BuildRoot.SHADOWED) b.bind(build.shadow(rel), "/" + rel);
        b.chdir(dir);
        List<String> env = new ArrayList<>(List.of("/usr/bin/env", "-i",
                "objtype=" + arch.objtype, "cputype=linux", "NPROC=" + jobs, "path=.\u0001/bin",
                "home=" + BuildRoot.HOME, "user=" + BuildRoot.USER, "sysname=ants", "TMPDIR=/tmp", "PATH=/usr/bin"));
        if (epoch != null) env.add(SourceDateEpoch.VARIABLE + "=" + epoch);
        env.addAll(cmd);
        return b.command(env);
    }
}
