package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.host.HostProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the tree's mk (or another command) inside the namespace, appending its output to the build
 * log. On failure it removes the 0-byte targets the failed recipes left (rc creates {@code >target}
 * before the command runs, and a later mk would take it as up to date) and reports the failing
 * recipe, its directory and the last 30 lines.
 */
final class MkRunner {
    /** How mk reports that it could not start its shell at all. */
    static final String TRANSIENT_EXEC = "/bin/rc: Exec format error";

    private final PlanNineNamespace ns;
    private final BuildRoot build;
    private final Path log;

    MkRunner(PlanNineNamespace ns, BuildRoot build) {
        this.ns = ns;
        this.build = build;
        this.log = build.root().resolve("build.log");
    }

    Path log() {
        return log;
    }

    HostProcess.Result mk(String dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("/bin/mk");
        cmd.addAll(List.of(args));
        return run(dir, cmd);
    }

    HostProcess.Result run(String dir, List<String> cmd) throws IOException, InterruptedException {
        FileTime start = FileTime.fromMillis(System.currentTimeMillis() - 1000);
        HostProcess.Result r = runLogged(dir, cmd);
        if (!r.ok() && r.output().contains(TRANSIENT_EXEC)) {
            // seen on this project's VMs with every mk, old and new: an exec of the same /bin/rc fails
            // once with ENOEXEC and works when run again; mk resumes where it stopped
            r = runLogged(dir, cmd);
        }
        if (!r.ok()) {
            List<String> removed = removeEmptyTargets(start);
            String failing = failingRecipe(r.output());
            String msg = "in " + dir + ": " + String.join(" ", cmd) + " failed"
                    + (failing.isEmpty() ? "" : "\n  failing command: " + failing)
                    + "\n  last lines of output:\n" + CommandFailedException.indent(r.tail(30))
                    + (removed.isEmpty() ? "" : "  removed empty targets: " + removed + "\n")
                    + "  full log: " + log;
            throw new AntsException(ExitCode.ENVIRONMENT, msg,
                    "a tree source failed to build; if it is a patched file, fix the patch");
        }
        return r;
    }

    private HostProcess.Result runLogged(String dir, List<String> cmd) throws IOException, InterruptedException {
        HostProcess.Result r = HostProcess.run(ns.command(dir, cmd), null, null, Duration.ofMinutes(30));
        Files.writeString(log, "### " + dir + ": " + String.join(" ", cmd) + "\n" + r.output(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return r;
    }

    /** mk reports a failed recipe as "mk: COMMAND : exit status=...". */
    static String failingRecipe(String out) {
        String found = "";
        for (String l : out.split("\n")) {
            if (l.startsWith("mk: ") && (l.contains("exit status") || l.contains("error"))) {
                found = l.substring(4);
                break;
            }
        }
        return found;
    }

    private List<String> removeEmptyTargets(FileTime since) throws IOException {
        List<String> removed = new ArrayList<>();
        for (String rel : BuildRoot.SHADOWED) {
            try (Stream<Path> s = Files.walk(build.shadow(rel))) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    if (Files.isSymbolicLink(p)) continue;
                    if (Files.size(p) == 0 && Files.getLastModifiedTime(p).compareTo(since) >= 0) {
                        Files.delete(p);
                        removed.add("/" + rel + "/" + build.shadow(rel).relativize(p));
                    }
                }
            }
        }
        return removed;
    }
}
