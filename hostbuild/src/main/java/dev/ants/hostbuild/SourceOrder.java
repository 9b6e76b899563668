package dev.ants.hostbuild;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The order {@code cd /sys/src && mk install} visits directories in, from sys/src/mkfile: its LIBS,
 * then SUBSYS (ape, /acme), then CMDS (cmd, games). Relative entries are under /sys/src.
 */
final class SourceOrder {
    static final String APE = "/sys/src/ape";

    private SourceOrder() {
    }

    /** SUBSYS then CMDS as Plan 9 paths. */
    static List<String> subsystemsAndCommands(Path tree) throws IOException {
        Path mkfile = tree.resolve("sys/src/mkfile");
        List<String> r = new ArrayList<>();
        for (String var : List.of("SUBSYS", "CMDS")) {
            for (String w : BootUserland.assignment(mkfile, var)) r.add(w.startsWith("/") ? w : "/sys/src/" + w);
        }
        return r;
    }
}
