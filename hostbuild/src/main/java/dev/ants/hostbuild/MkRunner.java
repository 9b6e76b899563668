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

/**
 * Runs the tree's mk (or another command) inside the namespace, appending its output to the build
 * log. On failure it removes what the run wrote (a 0-byte target that rc created before its command
 * ran, a half-written archive: a later mk would take them as up to date, see {@link UnfinishedRun})
 * and reports the failing recipe, its directory, the last 30 lines, and the likely cause.
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
        FileTime start = UnfinishedRun.begin(build);
        HostProcess.Result r = runLogged(dir, cmd);
        if (!r.ok() && r.output().contains(TRANSIENT_EXEC)) {
            // seen on this project's VMs with every mk, old and new: an exec of the same /bin/rc fails
            // once with ENOEXEC and works when run again; mk resumes where it stopped
            r = runLogged(dir, cmd);
        }
        if (!r.ok()) {
            List<String> removed = UnfinishedRun.removeWrittenSince(build, start);
            UnfinishedRun.end(build);
            String failing = failingRecipe(r.output());
            String msg = "in " + dir + ": " + String.join(" ", cmd) + " failed"
                    + (failing.isEmpty() ? "" : "\n  failing command: " + failing)
                    + "\n  last lines of output:\n" + CommandFailedException.indent(r.tail(30))
                    + (removed.isEmpty() ? "" : "  removed what the failed run wrote: " + removed.size() + " file(s)\n")
                    + "  full log: " + log;
            throw new AntsException(ExitCode.ENVIRONMENT, msg, BuildFailureCause.hint(r.output(), build, dir));
        }
        UnfinishedRun.end(build);
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
}
