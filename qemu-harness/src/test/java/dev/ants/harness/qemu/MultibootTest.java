package dev.ants.harness.qemu;

import dev.ants.core.AntsException;
import dev.ants.harness.model.ModelCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class MultibootTest {
    static Path kernelWithHeaderAt(Path dir, int offset, boolean goodChecksum) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(16384).order(ByteOrder.LITTLE_ENDIAN);
        int flags = 0x00010003;
        b.putInt(offset, Multiboot.MAGIC).putInt(offset + 4, flags)
                .putInt(offset + 8, goodChecksum ? -(Multiboot.MAGIC + flags) : 7);
        return Files.write(dir.resolve("k" + offset + goodChecksum), b.array());
    }

    @Test
    void findsAValidHeaderInTheFirst8KiB(@TempDir Path tmp) throws Exception {
        assertTrue(Multiboot.isMultiboot(kernelWithHeaderAt(tmp, 32, true)));
        assertTrue(Multiboot.isMultiboot(kernelWithHeaderAt(tmp, 8180, true)));
        assertFalse(Multiboot.isMultiboot(kernelWithHeaderAt(tmp, 32, false)), "checksum must hold");
        assertFalse(Multiboot.isMultiboot(kernelWithHeaderAt(tmp, 9000, true)), "beyond 8 KiB it does not count");
    }

    @Test
    void uefiModelRefusesAMultibootKernelButBiosModelTakesIt(@TempDir Path tmp) throws Exception {
        Guest g = Guest.kernel(kernelWithHeaderAt(tmp, 64, true), null, null);
        ModelCatalog c = ModelCatalog.builtIn();
        assertNull(Multiboot.unbootable(c.get("q35-ahci"), g));
        AntsException e = assertThrows(AntsException.class, () -> Multiboot.requireBootable(c.get("q35-uefi"), g));
        assertTrue(e.getMessage().contains("OVMF"), e.getMessage());
        Guest linux = Guest.kernel(Files.write(tmp.resolve("bzImage"), new byte[4096]), null, null);
        assertNull(Multiboot.unbootable(c.get("q35-uefi"), linux), "a Linux EFI-stub kernel is fine under OVMF");
    }
}
