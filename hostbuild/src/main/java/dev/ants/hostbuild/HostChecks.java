package dev.ants.hostbuild;

import dev.ants.core.FileTrees;
import dev.ants.core.AntsException;
import dev.ants.core.host.HostProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    static void requireGccM32() throws IOException, InterruptedException {
        Path d = Files.createTempDirectory("ants-m32");
        try {
            Files.writeString(d.resolve("t.c"), "int main(void){return sizeof(long)==4?0:1;}\n");
            HostProcess.Result r = HostProcess.run(List.of("gcc", "-m32", "-o", "t", "t.c"), d, null, Duration.ofSeconds(60));
            if (!r.ok()) {
                throw AntsException.environment("gcc cannot build 32-bit programs (-m32): " + r.tail(2),
                        "apt-get install gcc-multilib");
            }
        } finally {
            FileTrees.deleteTree(d);
        }
    }

    static void requireBwrap() throws IOException, InterruptedException {
        HostProcess.Result r;
        try {
            r = HostProcess.run(List.of("bwrap", "--dev-bind", "/", "/", "--tmpfs", "/mnt", "true"), Duration.ofSeconds(30));
        } catch (IOException e) {
            throw AntsException.environment("bubblewrap (bwrap) is not installed; builds need a private mount namespace",
                    "apt-get install bubblewrap");
        }
        if (!r.ok()) {
            throw AntsException.environment("bwrap cannot create a mount namespace here: " + r.tail(2),
                    "run as root, or allow unprivileged user namespaces (e.g. Ubuntu 24.04: sysctl "
                            + "kernel.apparmor_restrict_unprivileged_userns=0)");
        }
    }
}
