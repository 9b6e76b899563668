package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.host.HostProcess;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a directory's {@code mk install} into the pieces its mkfile already has, so progress and
 * failures are per directory: the directory itself with {@code DIRS=} (mk's command-line variables
 * override the mkfile's and travel to child mks in $MKFLAGS, so the recursive part does nothing),
 * then {@code mk install} in each of its DIRS in the mkfile's order. The DIRS value comes from mk
 * itself, so a tree's NOMK exclusions and per-architecture lists apply unchanged.
 */
final class InstallUnits {
    /** Run {@code mk args} in {@code dir} (a Plan 9 path). */
    record Unit(String dir, List<String> args) {
        String label() {
            String d = dir.startsWith("/sys/src/") ? dir.substring("/sys/src/".length()) : dir;
            return args.contains("DIRS=") ? d + " (top level)" : d;
        }
    }

    private static final String MARK = "ants-value:";

    private InstallUnits() {
    }

    static List<Unit> expand(MkRunner mk, String dir) throws IOException, InterruptedException {
        List<String> dirs = variable(mk, dir, "DIRS");
        List<Unit> units = new ArrayList<>();
        if (dirs.isEmpty()) {
            units.add(new Unit(dir, List.of("install")));
            return units;
        }
        units.add(new Unit(dir, List.of("install", "DIRS=")));
        for (String d : dirs) units.add(new Unit(dir + "/" + d, List.of("install")));
        return units;
    }

    /** The words of {@code var} as mk sees it in {@code dir}'s mkfile (backquotes and includes evaluated). */
    static List<String> variable(MkRunner mk, String dir, String var) throws IOException, InterruptedException {
        // a one-rule mkfile read after the directory's own prints the variable; /tmp is the namespace's own
        String script = "echo 'ants-var:VQ:' >/tmp/ants-var.mk; echo '\techo " + MARK + " $" + var
                + "' >>/tmp/ants-var.mk; mk -f mkfile -f /tmp/ants-var.mk ants-var";
        HostProcess.Result r;
        try {
            r = mk.run(dir, List.of("/bin/rc", "-c", script));
        } catch (AntsException e) {
            throw new AntsException(e.exitCode(), "cannot read " + var + " of " + dir + "/mkfile: " + e.getMessage(),
                    e.hint(), e);
        }
        for (String l : r.output().split("\n")) {
            if (l.startsWith(MARK)) {
                List<String> words = new ArrayList<>();
                for (String w : l.substring(MARK.length()).trim().split("\\s+")) if (!w.isEmpty()) words.add(w);
                return words;
            }
        }
        return List.of();
    }
}
