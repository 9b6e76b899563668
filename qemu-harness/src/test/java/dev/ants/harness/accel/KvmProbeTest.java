package dev.ants.harness.accel;

import dev.ants.harness.testutil.TestGuests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class KvmProbeTest {
    @Test
    void missingDevKvmIsNotUsable(@TempDir Path dir) {
        KvmStatus s = new KvmProbe(dir.resolve("kvm"), dir, "qemu-system-x86_64").probe();
        assertFalse(s.usable());
        assertFalse(s.present());
        assertTrue(s.reason().contains("does not exist"));
    }

    @Test
    void pvmIsDetectedAndRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path dev = Files.writeString(dir.resolve("kvm"), "");
        Files.createDirectories(dir.resolve("sys/kvm_pvm"));
        KvmStatus s = new KvmProbe(dev, dir.resolve("sys"), "qemu-system-x86_64").probe();
        assertFalse(s.usable());
        assertTrue(s.pvm());
        assertTrue(s.reason().contains("PVM"), s.reason());
        KvmStatus ok = new KvmProbe(dev, dir.resolve("nosys"), "qemu-system-x86_64").probe();
        assertTrue(ok.usable(), "a writable /dev/kvm without kvm_pvm counts as usable");
    }

    /**
     * This host, whatever it is: without /dev/kvm, with PVM's /dev/kvm (these build machines) or with one
     * it cannot open, the probe says KVM is unusable and why; with a usable KVM the probe guest really runs.
     */
    @Test
    void theProbeOnThisHostSaysWhatItFound() {
        TestGuests.assumeQemu();
        Path dev = Path.of("/dev/kvm");
        KvmStatus s = new KvmProbe().probeWithGuest(Duration.ofSeconds(10));
        if (!Files.exists(dev)) {
            assertFalse(s.usable() || s.present(), s.toString());
            assertTrue(s.reason().contains("/dev/kvm does not exist"), s.reason());
        } else if (!Files.isReadable(dev) || !Files.isWritable(dev)) {
            assertFalse(s.usable(), s.toString());
            assertTrue(s.reason().contains("not writable") || s.reason().contains("cannot be opened"), s.reason());
        } else if (Files.exists(Path.of("/sys/module/kvm_pvm"))) {
            assertFalse(s.usable(), "PVM stalls ordinary guests: " + s);
            assertTrue(s.pvm() && s.reason().contains("PVM"), s.reason());
        } else {
            assertTrue(s.usable(), "a usable /dev/kvm: the probe guest must run: " + s);
            assertTrue(s.bootSeconds() >= 0 && s.bootSeconds() < 10, s.toString());
        }
    }

    /** A stand-in for QEMU that prints OK on the serial file it is given (or, with $1, does what $1 says). */
    private static Path fakeQemu(Path dir, String behaviour) throws Exception {
        Path q = dir.resolve("qemu-" + behaviour);
        Files.writeString(q, "#!/bin/sh\n"
                + "while [ $# -gt 0 ]; do [ \"$1\" = -serial ] && out=${2#file:}; shift; done\n"
                + switch (behaviour) {
                    case "prints" -> "printf OK > \"$out\"; sleep 30\n";
                    case "silent" -> "sleep 30\n";
                    default -> "echo 'qemu: could not access KVM kernel module' >&2; exit 1\n";
                });
        q.toFile().setExecutable(true);
        return q;
    }

    @Test
    void theProbeGuestDecidesWhetherKvmIsUsable(@TempDir Path dir) throws Exception {
        Path dev = Files.writeString(dir.resolve("kvm"), "");
        KvmStatus runs = new KvmProbe(dev, dir.resolve("nosys"), fakeQemu(dir, "prints").toString()).probeWithGuest(Duration.ofSeconds(10));
        assertTrue(runs.usable(), runs.toString());
        assertTrue(runs.bootSeconds() >= 0, runs.toString());
        assertTrue(runs.reason().startsWith("KVM is usable (probe guest ran in"), runs.reason());
        KvmStatus silent = new KvmProbe(dev, dir.resolve("nosys"), fakeQemu(dir, "silent").toString()).probeWithGuest(Duration.ofSeconds(1));
        assertFalse(silent.usable());
        assertTrue(silent.reason().contains("printed nothing within 1 s"), silent.reason());
        KvmStatus refused = new KvmProbe(dev, dir.resolve("nosys"), fakeQemu(dir, "refuses").toString()).probeWithGuest(Duration.ofSeconds(10));
        assertFalse(refused.usable());
        assertTrue(refused.reason().contains("QEMU refused -accel kvm: qemu: could not access KVM kernel module"), refused.reason());
    }

    @Test
    void probeBiosHasTheResetVectorAtTheTop(@TempDir Path dir) throws Exception {
        byte[] rom = Files.readAllBytes(ProbeBios.write(dir.resolve("b.bin")));
        assertEquals(65536, rom.length);
        assertEquals((byte) 0xBA, rom[0xFFF0]);
        assertEquals((byte) 0xF4, rom[0xFFF0 + ProbeBios.RESET_CODE.length - 3]);
    }
}
