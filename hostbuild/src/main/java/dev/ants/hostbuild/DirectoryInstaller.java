package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.progress.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs install units one after another, reporting each as progress. A failing unit does not stop
 * the others unless strict (they are independent directories, and one failure should not hide the next); it is
 * recorded with mk's report (failing command, directory, last 30 lines) and whether the known-failures
 * data tolerates it.
 */
final class DirectoryInstaller {
    /** A unit that failed; {@code tolerated} is the known-failures reason, or null. */
    record Failure(String dir, String message, String tolerated) { }

    /** A recipe that wrote through a shadow link into the read-only tree; group 1 or 2 is the path. */
    private static final Pattern READ_ONLY = Pattern.compile("(?:'([^']+)'|(\\S+)): Read-only file system");
    /** cp into a directory git does not track and no BIN= line names (postscript's POSTBIN=$ROOT/rc/bin/postscript). */
    private static final Pattern NO_DIR = Pattern.compile("cannot create regular file '(/[^']+)': No such file or directory");
    // each retry must have fixed a new file, so this only guards against a loop; postscript needs ~15
    private static final int MAX_RETRIES = 100;

    private final BuildRoot build;
    private final MkRunner mk;
    private final KnownFailures known;
    private final boolean strict;
    private final List<Failure> failures = new ArrayList<>();

    /** @param strict rethrow the first failure that is not a known failure instead of going on */
    DirectoryInstaller(BuildRoot build, MkRunner mk, KnownFailures known, boolean strict) {
        this.build = build;
        this.mk = mk;
        this.known = known;
        this.strict = strict;
    }

    void install(String phase, List<InstallUnits.Unit> units, Progress progress)
            throws IOException, InterruptedException {
        try (Progress p = progress.child(phase, units.size())) {
            int n = 0;
            for (InstallUnits.Unit u : units) {
                try {
                    installRetrying(u);
                } catch (AntsException e) {
                    String reason = known.reason(u.dir());
                    if (strict && reason == null) throw e;
                    failures.add(new Failure(u.dir(), e.getMessage(), reason));
                    p.note((reason == null ? "FAILED " : "failed (tolerated: " + reason + ") ") + u.dir());
                }
                p.advance(++n, u.label());
            }
        }
    }

    /** Runs the unit; when it failed writing a tracked file, turns that file's link into a copy and retries. */
    private void installRetrying(InstallUnits.Unit u) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                mk.mk(u.dir(), u.args().toArray(String[]::new));
                return;
            } catch (AntsException e) {
                boolean fixed = false;
                Matcher m = READ_ONLY.matcher(e.getMessage());
                while (m.find()) fixed |= build.materialize(m.group(1) != null ? m.group(1) : m.group(2), u.dir());
                Matcher d = NO_DIR.matcher(e.getMessage());
                while (d.find()) fixed |= build.createInstallDir(Path.of(d.group(1)).getParent().toString());
                if (!fixed || attempt == MAX_RETRIES) throw e;
            }
        }
    }

    List<Failure> failures() {
        return failures;
    }
}
