package dev.ants.cli.commands;

import dev.ants.cli.doctor.Check;
import dev.ants.cli.doctor.HostChecks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What `ants doctor --install` would install: no recommended packages, never a kernel package. */
class DoctorInstallTest {
    @Test
    void theTestGuestsKernelIsNoPackageToInstall() {
        List<Check> checks = List.of(
                new Check("qemu-system-x86_64", false, "required", "missing", "qemu-system-x86"),
                new Check(HostChecks.KERNEL, false, "tests", "missing", null),
                new Check("busybox (test guests)", false, "tests", "missing", "busybox-static"));
        List<String> pkgs = HostChecks.missingPackages(checks, true, false);
        assertEquals(List.of("qemu-system-x86", "busybox-static"), pkgs);
        List<String> cmd = DoctorCommand.installCommand(pkgs);
        assertTrue(cmd.contains("--no-install-recommends"), cmd.toString());
        assertTrue(cmd.stream().noneMatch(p -> p.startsWith("linux-image")), cmd.toString());
    }

    @Test
    void thisHostsKernelCheckNamesNoPackage() {
        Check k = HostChecks.run().stream().filter(c -> c.name().equals(HostChecks.KERNEL)).findFirst().orElseThrow();
        assertNull(k.pkg(), "the kernel comes from apt-get download into the ants cache, not from apt-get install");
    }
}
