package dev.ants.hostbuild;

import dev.ants.core.AntsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One kernel of a tree: a directory under sys/src/9 and one of its configurations, as its mkfile
 * declares them (objtype, CONF, CONFLIST, p), e.g. bcm64 with pi4 builds 9pi4 for arm64.
 *
 * @param kernel the file mk makes, {@code $p$CONF}
 */
public record KernelConfig(Arch arch, String dir, String conf, String kernel) {

    /** sys/src/9/DIR under the tree. */
    public String kernelDir() {
        return "sys/src/9/" + dir;
    }

    /** The name a build root and a manifest use for this kernel ({@code bcm64/pi4}). */
    public String id() {
        return dir + "/" + conf;
    }

    public boolean isDefault() {
        return arch.dir.equals(dir) && arch.conf.equals(conf);
    }

    /**
     * Reads {@code spec}, {@code DIR} (its mkfile's CONF) or {@code DIR/CONF}, from the tree.
     * Bad input when the directory or configuration does not exist or the host cannot target it.
     */
    public static KernelConfig parse(Path tree, String spec) {
        int slash = spec.indexOf('/');
        String dir = slash < 0 ? spec : spec.substring(0, slash);
        String conf = slash < 0 ? null : spec.substring(slash + 1);
        Path mkfile = tree.resolve("sys/src/9").resolve(dir).resolve("mkfile");
        if (dir.isEmpty() || dir.contains("..") || !Files.isRegularFile(mkfile)) {
            throw AntsException.badInput("no kernel directory sys/src/9/" + dir + " in " + tree,
                    "use --config DIR or DIR/CONF with a directory of sys/src/9 that has a mkfile, e.g. pc64, bcm64/pi4; "
                            + "kernels this tree has: " + String.join(" ", all(tree).stream().map(KernelConfig::id).toList()));
        }
        Mkfile mk = read(mkfile);
        String objtype = String.join(" ", mk.words("objtype"));
        Arch arch = Arch.ofObjtype(objtype);
        if (arch == null) {
            throw AntsException.badInput("sys/src/9/" + dir + " builds for objtype " + objtype
                    + ", which the host toolchain does not target", "ants builds kernels for amd64, 386, arm and arm64");
        }
        if (conf == null) conf = String.join("", mk.words("CONF"));
        List<String> known = new ArrayList<>(mk.words("CONFLIST"));
        known.addAll(mk.words("CRAPLIST"));
        if (!Files.isRegularFile(mkfile.resolveSibling(conf)) || (!known.isEmpty() && !known.contains(conf))) {
            throw AntsException.badInput("sys/src/9/" + dir + " has no configuration " + conf,
                    "its mkfile lists: " + String.join(" ", mk.words("CONFLIST")));
        }
        return new KernelConfig(arch, dir, conf, String.join("", mk.words("p")) + conf);
    }

    /** Every configuration in CONFLIST of every sys/src/9 directory whose objtype the host can target. */
    public static List<KernelConfig> all(Path tree) {
        List<KernelConfig> r = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tree.resolve("sys/src/9"))) {
            List<Path> dirs = new ArrayList<>();
            ds.forEach(dirs::add);
            dirs.sort(null);
            for (Path d : dirs) {
                if (!Files.isRegularFile(d.resolve("mkfile"))) continue;
                Mkfile mk = read(d.resolve("mkfile"));
                Arch a = Arch.ofObjtype(String.join(" ", mk.words("objtype")));
                if (a == null) continue;
                for (String c : mk.words("CONFLIST")) {
                    if (Files.isRegularFile(d.resolve(c))) {
                        r.add(new KernelConfig(a, d.getFileName().toString(), c, String.join("", mk.words("p")) + c));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r;
    }

    private static Mkfile read(Path mkfile) {
        try {
            // only the top of a kernel mkfile matters here; includes resolve in the kernel's tree
            Path tree = mkfile.getParent().getParent().getParent().getParent().getParent();
            return Mkfile.read(mkfile, UnitPlan.absolute(tree), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + mkfile, e);
        }
    }
}
