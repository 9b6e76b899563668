package dev.ants.cli.doctor;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether KVM can run guests here, with the reason in words. */
public record KvmStatus(boolean usable, String reason) {
    public static KvmStatus probe() {
        Path dev = Path.of("/dev/kvm");
        if (!Files.exists(dev)) return new KvmStatus(false, "/dev/kvm does not exist: guests run under TCG");
        try (RandomAccessFile f = new RandomAccessFile(dev.toFile(), "rw")) {
            // opened: KVM is at least accessible
        } catch (Exception e) {
            return new KvmStatus(false, "/dev/kvm cannot be opened (" + e.getMessage() + "): add yourself to group kvm");
        }
        if (Files.isDirectory(Path.of("/sys/module/kvm_pvm"))) {
            return new KvmStatus(false, "/dev/kvm is PVM (kvm_pvm), a software hypervisor: 9front and stock Linux guests "
                    + "stall under it, so guests run under TCG");
        }
        return new KvmStatus(true, "/dev/kvm is usable");
    }
}
