package dev.ants.hostbuild;

import dev.ants.core.host.Bwrap;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The private namespaces the bootstrap runs tree code in, before any Plan 9 namespace exists: one
 * for compiling sources that include files by absolute Plan 9 path, one for running generators
 * (recipes and programs) with the tree's files where they open them.
 */
final class BootstrapNamespaces {
    /** Where rc's Unix port looks for its rcmain (its PREFIX): the toolchain being built. */
    private static final String RCMAIN_PREFIX = HostToolchain.MOUNT_POINT;

    private final Path tree;
    private final Path tmp;
    private final Path out;

    /**
     * @param tmp the bootstrap's private directory (work and out below it), visible at its own path
     * @param out the toolchain being built, also mounted where rc expects its rcmain
     */
    BootstrapNamespaces(Path tree, Path tmp, Path out) {
        this.tree = tree;
        this.tmp = tmp;
        this.out = out;
    }

    /**
     * A bwrap prefix for gcc with the tree's architecture directories (those with an include/) at
     * /ARCH, for sources that include "/386/include/ureg.h" and the like.
     */
    List<String> archPrefix() throws IOException {
        Bwrap b = Bwrap.emptyRoot().hostUsr().symlink("usr/lib", "/lib").symlink("usr/bin", "/bin")
                .roBind("/etc", "/etc").bind(Path.of("/tmp"), "/tmp").bindSame(tmp)
                .roBind(tree, tree.toString());
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tree)) {
            for (Path d : ds) {
                if (Files.isDirectory(d.resolve("include")) && !d.getFileName().toString().equals("sys")) {
                    b.roBind(d, "/" + d.getFileName());
                }
            }
        }
        return b.command(List.of());
    }

    /**
     * Runs {@code argv} in {@code dir} with only {@code env} set, the host's programs, the tree's
     * /sys/lib (yacc opens /sys/lib/yaccpar) and the tree paths of {@code binds} (Plan 9 path to tree
     * path) where a generator opens them.
     */
    List<String> generator(Path dir, Map<String, String> binds, Map<String, String> env, List<String> argv)
            throws IOException {
        Bwrap b = Bwrap.emptyRoot().hostUsr().roBind("/etc", "/etc").tmpfs("/tmp").tmpfs("/var/tmp")
                .bindSame(tmp).roBind(out, RCMAIN_PREFIX);
        // /lib: the host's entries as links (the loaders live there), leaving room for the binds
        b.dir("/lib");
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/usr/lib"))) {
            for (Path p : ds) {
                String n = "/lib/" + p.getFileName();
                if (binds.keySet().stream().noneMatch(k -> k.equals(n) || k.startsWith(n + "/"))) b.symlink(p.toString(), n);
            }
        }
        if (Files.isDirectory(tree.resolve("sys/lib"))) b.roBind(tree.resolve("sys/lib"), "/sys/lib");
        for (Map.Entry<String, String> e : binds.entrySet()) b.roBind(tree.resolve(e.getValue()), e.getKey());
        b.chdir(dir.toString());
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/env", "-i"));
        env.forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.addAll(argv);
        return b.command(cmd);
    }
}
