package dev.ants.hostbuild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which programs a kernel's boot file system needs, read from the tree itself: every
 * {@code $objtype/bin/...} entry of the boot proto files (sys/src/9/boot/*.proto and the kernel
 * directory's own) and the {@code /$objtype/bin/...} files of the kernel configuration's bootdir
 * section; and where each is built: its own directory under sys/src/cmd, or a single-file command
 * of a mkmany directory.
 */
final class BootUserland {
    /** A build job: run {@code mk args} in {@code dir} (a Plan 9 path). */
    record Target(String dir, List<String> args, String program) { }

    private BootUserland() {
    }

    /**
     * @param overlay files laid over the tree (a patch set's result, which may edit or add protos:
     *                plan9rc adds its programs to bootfs.proto); null for none
     */
    static Set<String> programs(Path tree, Path overlay, KernelConfig kc) throws IOException {
        Set<String> progs = new LinkedHashSet<>();
        java.util.TreeMap<String, Path> protos = new java.util.TreeMap<>();
        for (Path base : overlay == null ? List.of(tree) : List.of(tree, overlay)) {
            for (String dir : List.of("sys/src/9/boot", kc.kernelDir())) {
                Path d = base.resolve(dir);
                if (!Files.isDirectory(d)) continue;
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(d, "*.proto")) {
                    for (Path p : ds) protos.put(dir + "/" + p.getFileName(), p);   // the overlay's copy wins
                }
            }
        }
        for (Path p : protos.values()) progs.addAll(fromProto(Files.readAllLines(p, StandardCharsets.ISO_8859_1)));
        Path conf = tree.resolve(kc.kernelDir()).resolve(kc.conf());
        boolean bootdir = false;
        for (String l : Files.readAllLines(conf, StandardCharsets.ISO_8859_1)) {
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0))) bootdir = l.trim().equals("bootdir");
            else if (bootdir) {
                String f = l.trim().split("\\s+")[0];
                if (f.startsWith("/$objtype/bin/")) progs.add(f.substring("/$objtype/bin/".length()));
            }
        }
        return progs;
    }

    /** Entries under $objtype/bin of a mkfs proto file (indentation gives the nesting). */
    static List<String> fromProto(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> stack = new ArrayList<>();
        for (String l : lines) {
            if (l.isBlank() || l.trim().startsWith("#")) continue;
            int depth = 0;
            while (depth < l.length() && l.charAt(depth) == '\t') depth++;
            String name = l.trim().split("\\s+")[0];
            while (stack.size() > depth) stack.remove(stack.size() - 1);
            stack.add(name);
            if (stack.size() >= 3 && stack.get(0).equals("$objtype") && stack.get(1).equals("bin")
                    && !name.equals("+")) {
                out.add(String.join("/", stack.subList(2, stack.size())));
            }
        }
        // directories (entries with children) are not programs
        List<String> progs = new ArrayList<>();
        for (String p : out) {
            boolean parent = out.stream().anyMatch(q -> q.startsWith(p + "/"));
            if (!parent) progs.add(p);
        }
        return progs;
    }

    /** The words of a mkfile's TARG= assignment, with backslash continuations. */
    static List<String> targ(Path mkfile) throws IOException {
        return assignment(mkfile, "TARG");
    }

    /**
     * Directories holding libraries a program directory links by relative path
     * ({@code LIB=../lib/usb.a$O} in nusb/usbd): they are built by the parent's mkfile, so ours
     * builds them first.
     */
    static List<String> libraryDirs(Path tree, String planNineDir) throws IOException {
        List<String> r = new ArrayList<>();
        Path mk = tree.resolve(planNineDir.substring(1)).resolve("mkfile");
        if (!Files.isRegularFile(mk)) return r;
        for (String w : assignment(mk, "LIB")) {
            if (w.startsWith("/") || !w.contains("/")) continue;
            String d = Path.of(planNineDir).resolve(w).normalize().getParent().toString();
            if (!r.contains(d)) r.add(d);
        }
        return r;
    }

    static List<String> assignment(Path mkfile, String var) throws IOException {
        List<String> words = new ArrayList<>();
        boolean in = false;
        for (String l : Files.readAllLines(mkfile, StandardCharsets.ISO_8859_1)) {
            if (l.startsWith(var + "=")) {
                in = true;
                l = l.substring(var.length() + 1);
            } else if (!in) {
                continue;
            }
            boolean more = l.endsWith("\\");
            for (String w : l.replace("\\", " ").trim().split("\\s+")) if (!w.isEmpty()) words.add(w);
            if (!more) in = false;
        }
        return words;
    }

    /** How to build {@code prog} (e.g. "aux/kbdfs", "cat", "cwfs64x"), or null if no source is found. */
    static Target target(Path tree, Arch arch, String prog) {
        Path cmd = tree.resolve("sys/src/cmd");
        Path own = cmd.resolve(prog);
        int slash = prog.lastIndexOf('/');
        String dir = slash < 0 ? "" : prog.substring(0, slash);
        String base = prog.substring(slash + 1);
        Path d = dir.isEmpty() ? cmd : cmd.resolve(dir);
        for (String ext : List.of(".c", ".y")) {
            if (Files.isRegularFile(d.resolve(base + ext)) && Files.isRegularFile(d.resolve("mkfile"))) {
                String pd = "/sys/src/cmd" + (dir.isEmpty() ? "" : "/" + dir);
                return new Target(pd, List.of("/" + arch.objtype + "/bin/" + prog), prog);
            }
        }
        // a program built in a directory of its own (checked after X.c: sys/src/cmd/test holds tests)
        if (Files.isRegularFile(own.resolve("mkfile"))) return new Target("/sys/src/cmd/" + prog, List.of("install"), prog);
        // a directory whose mkfile lists it in TARG (disk/fdisk is built in disk/prep)
        try (var s = Files.walk(dir.isEmpty() ? cmd : d, 2)) {
            for (Path mk : s.filter(p -> p.getFileName().toString().equals("mkfile")).sorted().toList()) {
                if (targ(mk).contains(base)) {
                    return new Target("/sys/src/cmd/" + cmd.relativize(mk.getParent()), List.of("install"), prog);
                }
            }
        } catch (IOException e) {
            return null;
        }
        // a program built in a differently named directory (cwfs64x in cwfs/cwfs64x, paqfs in paqfs)
        try (var s = Files.walk(cmd, 3)) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals(base) && Files.isRegularFile(p.resolve("mkfile"))).toList()) {
                return new Target("/sys/src/cmd/" + cmd.relativize(p), List.of("install"), prog);
            }
        } catch (IOException e) {
            return null;
        }
        for (Path p : List.of(cmd.resolve(base), cmd.resolve(dir))) {
            if (Files.isRegularFile(p.resolve("mkfile"))) {
                return new Target("/sys/src/cmd/" + cmd.relativize(p), List.of("install"), prog);
            }
        }
        return null;
    }
}
