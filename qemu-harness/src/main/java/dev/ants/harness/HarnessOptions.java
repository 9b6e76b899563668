package dev.ants.harness;

import dev.ants.core.progress.Progress;
import dev.ants.harness.accel.KvmProbe;

/** Machine-wide settings of a Harness: binaries, the KVM probe, progress, the TCG timeout factor. */
public final class HarnessOptions {
    public String qemuBinary = "qemu-system-x86_64";
    public String qemuImgBinary = "qemu-img";
    public KvmProbe kvmProbe = new KvmProbe();
    public Progress progress = Progress.SILENT;
    /** Timeouts are multiplied by this under TCG (emulation is several times slower than KVM). */
    public double tcgTimeoutFactor = 3.0;
    /** Where QEMU runs unless a BootRequest says otherwise: on the host, or in a Docker container. */
    public Runner runner = Runner.HOST;
}
