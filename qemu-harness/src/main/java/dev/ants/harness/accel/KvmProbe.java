package dev.ants.harness.accel;

import dev.ants.core.FileTrees;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decides whether KVM is usable: /dev/kvm can be opened read-write, it is not PVM (on these hosts
 * /dev/kvm is kvm_pvm, which runs only PVM-enlightened Linux natively and stalls 9front and stock
 * kernels), and, optionally, a trivial guest prints under KVM within a deadline. Used by the harness
 * for {@code --accel auto} and by {@code ants doctor}.
 */
public class KvmProbe {
    private final Path devKvm;
    private final Path sysModule;
    private final String qemuBinary;

    public KvmProbe() {
        this(Path.of("/dev/kvm"), Path.of("/sys/module"), "qemu-system-x86_64");
    }

    public KvmProbe(Path devKvm, Path sysModule, String qemuBinary) {
        this.devKvm = devKvm;
        this.sysModule = sysModule;
        this.qemuBinary = qemuBinary;
    }

    /** The static checks only (no guest started): cheap enough for every run. */
    public KvmStatus probe() {
        if (!Files.exists(devKvm)) {
            return new KvmStatus(false, false, false, -1, devKvm + " does not exist: no hardware virtualization here (or the kvm module is not loaded); TCG will be used");
        }
        try (FileChannel ignored = FileChannel.open(devKvm, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // openable
        } catch (AccessDeniedException e) {
            return new KvmStatus(false, true, false, -1, devKvm + " is not writable for this user: add it to group kvm (usermod -aG kvm USER); TCG will be used");
        } catch (IOException e) {
            return new KvmStatus(false, true, false, -1, devKvm + " cannot be opened (" + e.getMessage() + "); TCG will be used");
        }
        if (Files.exists(sysModule.resolve("kvm_pvm"))) {
            return new KvmStatus(false, true, true, -1, "/dev/kvm is PVM (kvm_pvm), a software hypervisor that emulates guest kernels "
                    + "instruction by instruction and stalls non-PVM guests (9front, stock Linux); TCG will be used");
        }
        return new KvmStatus(true, true, false, -1, "KVM is usable");
    }

    /** {@link #probe()} plus a trivial guest under KVM that must print within {@code deadline}. */
    public KvmStatus probeWithGuest(Duration deadline) {
        KvmStatus s = probe();
        if (!s.present()) return s;
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ants-kvmprobe");
            Path bios = ProbeBios.write(dir.resolve("probe.bin"));
            Path out = dir.resolve("serial.out");
            Process p = new ProcessBuilder(List.of(qemuBinary, "-nodefaults", "-display", "none", "-accel", "kvm",
                    "-machine", "pc", "-m", "16", "-bios", bios.toString(), "-serial", "file:" + out))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("qemu.out").toFile()).start();
            long t0 = System.nanoTime();
            long end = t0 + deadline.toNanos();
            try {
                while (System.nanoTime() < end && p.isAlive()) {
                    if (Files.exists(out) && Files.readString(out).contains("OK")) {
                        double secs = (System.nanoTime() - t0) / 1e9;
                        return new KvmStatus(s.usable(), true, s.pvm(), secs, s.usable() ? "KVM is usable (probe guest ran in "
                                + String.format("%.2f s)", secs) : s.reason());
                    }
                    Thread.sleep(20);
                }
                String why = p.isAlive() ? "the probe guest printed nothing within " + deadline.toSeconds() + " s under KVM"
                        : "QEMU refused -accel kvm: " + Files.readString(dir.resolve("qemu.out")).trim();
                return new KvmStatus(false, true, s.pvm(), -1, why + "; TCG will be used");
            } finally {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            return new KvmStatus(false, true, s.pvm(), -1, "cannot run " + qemuBinary + " for the KVM probe: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new KvmStatus(false, true, s.pvm(), -1, "interrupted");
        } finally {
            if (dir != null) FileTrees.deleteQuietly(dir);
        }
    }
}
