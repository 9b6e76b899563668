package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.Sha256;
import dev.ants.core.tree.NineFrontTree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Everything a bootstrap of one tree will read, worked out before anything is built: each unit's
 * plan from the tree's mkfiles, the tree paths to copy into the work directory, and the cache key,
 * a sha256 over those paths, the mkfiles read, the headers and data the tools use, our C sources,
 * the tool list and the gcc version. Equal keys mean an identical toolchain, whatever the tree's path.
 */
final class ToolchainPlan {
    private final NineFrontTree tree;
    private final HostToolList list;
    private final Map<String, UnitPlan> units;
    private final Set<String> stage;
    private final Set<Path> keyed;

    private ToolchainPlan(NineFrontTree tree, HostToolList list, Map<String, UnitPlan> units, Set<String> stage,
                          Set<Path> keyed) {
        this.tree = tree;
        this.list = list;
        this.units = units;
        this.stage = stage;
        this.keyed = keyed;
    }

    static ToolchainPlan read(NineFrontTree tree, HostToolList list) throws IOException {
        Path root = tree.root();
        Map<String, UnitPlan> units = new LinkedHashMap<>();
        Set<String> stage = new LinkedHashSet<>();
        Set<Path> keyed = new TreeSet<>();
        for (HostToolList.Stage s : list.stage()) {
            if (Files.exists(root.resolve(s.path()))) stage.add(s.path());
            else if (!s.isOptional()) {
                throw AntsException.badInput(root + " is not a complete 9front tree: " + s.path() + " is missing ("
                        + s.why() + ")", NineFrontTree.HOW_TO_GET_ONE);
            }
        }
        for (HostToolList.Unit u : list.units()) {
            if (u.isOptional() && !Files.exists(root.resolve(u.file() != null ? u.file() : u.dir()))) continue;
            UnitPlan p = UnitPlan.read(u, root);
            units.put(u.name(), p);
            if (u.file() != null) {
                // a single command of a mkmany directory: its file and the directory's local HFILES
                stage.add(u.file());
                UnitPlan.PartPlan pp = p.parts().get(0);
                for (String h : pp.mk().words("HFILES")) {
                    Path hp = pp.dir().resolve(h).normalize();
                    if (!h.startsWith("/") && hp.startsWith(root) && Files.isRegularFile(hp)) stage.add(root.relativize(hp).toString());
                }
            }
            for (UnitPlan.PartPlan pp : p.parts()) if (u.file() == null) stage.add(root.relativize(pp.dir()).toString());
            for (Path d : p.referencedDirs(root)) stage.add(root.relativize(d).toString());
            keyed.addAll(p.mkfilesRead());
            for (HostToolList.Program prog : u.programs()) {
                for (String b : prog.binds().values()) keyed.add(root.resolve(b));
            }
        }
        for (String s : stage) keyed.add(root.resolve(s));
        keyed.add(root.resolve("sys/include"));
        keyed.add(root.resolve("sys/lib/yaccpar"));
        return new ToolchainPlan(tree, list, units, stage, keyed);
    }

    UnitPlan unit(String name) {
        return units.get(name);
    }

    /** Tree-relative paths (files or directories) to copy into the work directory. */
    Set<String> stage() {
        return stage;
    }

    HostToolList list() {
        return list;
    }

    String key(OwnSources own, String gccVersion) throws IOException {
        MessageDigest md = Sha256.digest();
        update(md, "tool-list", list.raw());
        update(md, "gcc", gccVersion.getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> e : own.files().entrySet()) update(md, "own:" + e.getKey(), e.getValue());
        Path root = tree.root();
        Set<Path> files = new TreeSet<>();
        for (Path p : keyed) {
            if (!Files.exists(p)) continue;
            try (Stream<Path> s = Files.walk(p)) {
                s.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        for (Path f : files) update(md, root.relativize(f).toString(), Files.readAllBytes(f));
        return Sha256.hex(md.digest()).substring(0, 32);
    }

    private static void update(MessageDigest md, String name, byte[] data) {
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Long.toString(data.length).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(data);
    }

    /** "DIR/mkfile: TARGETS: PREREQS" for a rule of the plan's mkfiles that makes {@code name}, or null. */
    String ruleMaking(String name) {
        String base = Path.of(name).getFileName().toString();
        for (UnitPlan p : units.values()) {
            for (UnitPlan.PartPlan pp : p.parts()) {
                if (pp.mk() == null) continue;
                for (Mkfile.Rule r : pp.mk().rules()) {
                    for (String t : r.targets()) {
                        if (Path.of(t).getFileName() != null && Path.of(t).getFileName().toString().equals(base)) {
                            return tree.root().relativize(pp.dir()) + "/mkfile: " + String.join(" ", r.targets())
                                    + ": " + String.join(" ", r.prereqs());
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The unit names in the tool list, libraries first. */
    List<String> names() {
        return List.copyOf(units.keySet());
    }
}
