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
            throw AntsException.environment("gcc is not installed", "apt-get install gcc gcc-multilib");
        }
        if (!r.ok()) throw AntsException.environment("gcc does not run: " + r.tail(3), "apt-get install gcc gcc-multilib");
        return r.output().trim();
    }

    /** The toolchain is ILP32 (9front's compilers assume 32-bit long): gcc must link -m32 programs. */
    static void requireGccM32() {
        HostProbes.require(HostProbes.gccM32());
    }

    static void requireBwrap() {
        HostProbes.require(HostProbes.bwrap());
    }
}
