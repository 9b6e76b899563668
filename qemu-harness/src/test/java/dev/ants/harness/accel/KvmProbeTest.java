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

    @Test
    void thisHostsRealProbeGivesAReason() {
        KvmStatus s = new KvmProbe().probe();
        assertNotNull(s.reason());
        if (Files.exists(Path.of("/sys/module/kvm_pvm"))) assertFalse(s.usable());
    }

    @Test
    void probeGuestRunsUnderKvmWhenPresent() {
        TestGuests.assumeQemu();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/kvm")), "no /dev/kvm here");
        KvmStatus s = new KvmProbe().probeWithGuest(Duration.ofSeconds(10));
        assertTrue(s.bootSeconds() >= 0 || !s.usable(), s.toString());
    }

    @Test
    void probeBiosHasTheResetVectorAtTheTop(@TempDir Path dir) throws Exception {
        byte[] rom = Files.readAllBytes(ProbeBios.write(dir.resolve("b.bin")));
        assertEquals(65536, rom.length);
        assertEquals((byte) 0xBA, rom[0xFFF0]);
        assertEquals((byte) 0xF4, rom[0xFFF0 + ProbeBios.RESET_CODE.length - 3]);
    }
}
