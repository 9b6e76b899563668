package dev.ants.cli;

import dev.ants.core.AntsException;
import picocli.CommandLine.Option;

/** Where a command waits on a guest: one factor that scales every timeout. */
public final class TimeoutOptions {
    @Option(names = "--timeout-scale", paramLabel = "F",
            description = "Multiply every timeout by F (default: 1, raised automatically under TCG).")
    public Double scale;

    public double scaleOr(double automatic) {
        if (scale == null) return automatic;
        if (!(scale > 0) || scale > 1000) {
            throw AntsException.badInput("--timeout-scale " + scale + " is out of range", "use a factor between 0.1 and 1000");
        }
        return scale;
    }
}
