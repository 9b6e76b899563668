package dev.ants.core.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds bubblewrap command lines, the one place ants spells bwrap's options. Every namespace starts
 * empty ({@code --tmpfs /}) and dies with its parent, so a killed ants leaves no build behind.
 */
public final class Bwrap {
    private final List<String> args = new ArrayList<>();

    private Bwrap() {
        args.add("bwrap");
        args.add("--die-with-parent");
    }

    /** An empty root, with /dev and /proc. */
    public static Bwrap emptyRoot() {
        return new Bwrap().tmpfs("/").add("--dev", "/dev").add("--proc", "/proc");
    }

    /** The host's whole file system, writable, as the base to lay a few binds over. */
    public static Bwrap hostRoot() {
        return new Bwrap().add("--dev-bind", "/", "/");
    }

    /** The host's /usr read-only with the usual merged-/usr links, so host programs run. */
    public Bwrap hostUsr() {
        return roBind("/usr", "/usr").symlink("usr/lib32", "/lib32").symlink("usr/lib64", "/lib64")
                .symlink("usr/sbin", "/sbin");
    }

    public Bwrap roBind(Path from, String to) {
        return roBind(from.toString(), to);
    }

    public Bwrap roBind(String from, String to) {
        return add("--ro-bind", from, to);
    }

    public Bwrap bind(Path from, String to) {
        return add("--bind", from.toString(), to);
    }

    /** {@code from} at the same path inside, writable. */
    public Bwrap bindSame(Path p) {
        return add("--bind", p.toString(), p.toString());
    }

    public Bwrap symlink(String target, String link) {
        return add("--symlink", target, link);
    }

    public Bwrap dir(String path) {
        return add("--dir", path);
    }

    public Bwrap tmpfs(String path) {
        return add("--tmpfs", path);
    }

    public Bwrap chdir(String dir) {
        return add("--chdir", dir);
    }

    private Bwrap add(String... a) {
        args.addAll(List.of(a));
        return this;
    }

    /** The full argv: bwrap, its options, then {@code cmd}. */
    public List<String> command(List<String> cmd) {
        List<String> r = new ArrayList<>(args);
        r.addAll(cmd);
        return r;
    }

    public List<String> command(String... cmd) {
        return command(List.of(cmd));
    }
}
