package dev.ants.harness.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Where the test guest's kernel is looked for: ANTS_TEST_KERNEL, the ants cache (doctor --install), /boot. */
class GuestKernelTest {
    private static Path kernel(Path bootDir, String version) throws Exception {
        return Files.writeString(Files.createDirectories(bootDir).resolve("vmlinuz-" + version), "k");
    }

    @Test
    void nothingAnywhereIsEmpty(@TempDir Path d) {
        assertEquals(Optional.empty(), GuestKernel.find(null, d.resolve("cache"), d.resolve("boot"), d.resolve("modules")));
    }

    @Test
    void theCachesUnpackedPackageWithItsModulesWinsOverABareBoot(@TempDir Path d) throws Exception {
        Path cached = kernel(d.resolve("cache/6.1.0-57-amd64/boot"), "6.1.0-57-amd64");
        Files.createDirectories(d.resolve("cache/6.1.0-57-amd64/lib/modules/6.1.0-57-amd64/kernel"));
        kernel(d.resolve("boot"), "6.1.0-9-amd64"); // no /lib/modules for it
        var f = GuestKernel.find(null, d.resolve("cache"), d.resolve("boot"), d.resolve("modules")).orElseThrow();
        assertEquals(cached, f.kernel());
        assertEquals(d.resolve("cache/6.1.0-57-amd64/lib/modules/6.1.0-57-amd64"), f.modulesDir());
        assertEquals("ants cache", f.origin());
    }

    @Test
    void bootWithModulesIsUsedWhenPresentAndTheVariableWins(@TempDir Path d) throws Exception {
        Path boot = kernel(d.resolve("boot"), "6.1.0-57-amd64");
        Files.createDirectories(d.resolve("modules/6.1.0-57-amd64/kernel"));
        var f = GuestKernel.find(null, d.resolve("cache"), d.resolve("boot"), d.resolve("modules")).orElseThrow();
        assertEquals(boot, f.kernel());
        assertNotNull(f.modulesDir());
        Path mine = Files.writeString(d.resolve("bzImage"), "k");
        assertEquals(mine, GuestKernel.find(mine.toString(), d.resolve("cache"), d.resolve("boot"), d.resolve("modules")).orElseThrow().kernel());
        assertEquals(Optional.empty(), GuestKernel.find(d.resolve("missing").toString(), d.resolve("cache"), d.resolve("boot"), d.resolve("modules")));
    }
}
