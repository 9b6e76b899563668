package dev.ants.harness.qemu;

import java.nio.file.Path;

/**
 * Where one run keeps its files. Everything lives in the run directory so that parallel runs never
 * collide and a failed run can be kept whole; sockets may live in a shorter directory because a unix
 * socket path is limited to 107 bytes.
 */
public record RunLayout(Path dir, Path socketDir) {
    public static RunLayout in(Path dir) {
        return new RunLayout(dir, dir);
    }

    public Path consoleSocket() { return socketDir.resolve("console.sock"); }
    public Path qmpSocket() { return socketDir.resolve("qmp.sock"); }
    public Path diskOverlay() { return dir.resolve("disk.qcow2"); }
    /** A disk the guest never sees; holds the VM state of snapshots so disk-less guests can be snapshotted. */
    public Path vmstate() { return dir.resolve("vmstate.qcow2"); }
    public Path ovmfVars() { return dir.resolve("ovmf-vars.qcow2"); }
    public Path transcript() { return dir.resolve("console.log"); }
    public Path qemuStderr() { return dir.resolve("qemu.stderr"); }
    public Path commandLine() { return dir.resolve("qemu.cmdline"); }
    public Path screendump() { return dir.resolve("screendump.ppm"); }
    public Path report() { return dir.resolve("result.json"); }
}
