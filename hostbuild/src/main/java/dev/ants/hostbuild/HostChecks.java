package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.host.HostProbes;
import dev.ants.core.host.HostProcess;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Checks the host has what a build needs, failing with the package to install. */
final class HostChecks {
    private HostChecks() {
    }

    static String gccVersion() throws IOException, InterruptedException {
        HostProcess.Result r;
        try {
            r = HostProcess.run(List.of("gcc", "-dumpfullversion"), Duration.ofSeconds(30));
        } catch (IOException e) {
            throw AntsException.environment("gcc is not installed", "apt-get install gcc");
        }
        if (!r.ok()) throw AntsException.environment("gcc does not run: " + r.tail(3), "apt-get install gcc");
        return r.output().trim();
    }

    /** The host tools are 64-bit programs built by gcc. */
    static void requireGcc() {
        HostProbes.require(HostProbes.gcc());
    }

    static void requireBwrap() {
        HostProbes.require(HostProbes.bwrap());
    }
}
