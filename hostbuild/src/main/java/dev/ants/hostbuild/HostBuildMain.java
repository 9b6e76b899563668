package dev.ants.hostbuild;

import dev.ants.core.AntsException;
import dev.ants.core.progress.Progress;

import java.nio.file.Path;

/**
 * A bare entry point for benchmarks and debugging ({@code bench/hostbuild.sh}); users get the same
 * through {@code ants toolchain} and {@code ants kernel}. Prints the result path and the seconds taken.
 * Usage: {@code toolchain TREE}, {@code kernel TREE amd64|386 OUTDIR} or {@code userland TREE amd64|386 OUTDIR}
 * (which prints the binary count after the seconds).
 */
public final class HostBuildMain {
    private HostBuildMain() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        try {
            Path result;
            if (args.length == 2 && args[0].equals("toolchain")) {
                result = HostToolchain.bootstrap(Path.of(args[1]), Progress.forStderr(false)).dir();
            } else if (args.length == 4 && args[0].equals("kernel")) {
                result = KernelBuild.build(Path.of(args[1]), Arch.parse(args[2]), Path.of(args[3]), Progress.forStderr(false));
            } else if (args.length == 4 && args[0].equals("userland")) {
                UserlandBuild.Result r = UserlandBuild.build(Path.of(args[1]), Arch.parse(args[2]), Path.of(args[3]),
                        Progress.forStderr(false));
                System.out.printf("%s %.1f %d%n", r.dir(), (System.nanoTime() - t0) / 1e9, r.binaries());
                return;
            } else {
                System.err.println("usage: toolchain TREE | kernel TREE amd64|386 OUTDIR | userland TREE amd64|386 OUTDIR");
                System.exit(2);
                return;
            }
            System.out.printf("%s %.1f%n", result, (System.nanoTime() - t0) / 1e9);
        } catch (AntsException e) {
            System.err.println("ants: " + e.getMessage());
            if (!e.hint().isEmpty()) System.err.println("ants: " + e.hint());
            System.exit(e.exitCode().code);
        }
    }
}
