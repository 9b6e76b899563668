package dev.ants.harness.model;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ModelCatalogTest {
    @Test
    void builtInHasTheSevenContractModels() {
        List<String> names = ModelCatalog.builtIn().all().stream().map(HardwareModel::name).toList();
        assertTrue(names.containsAll(List.of("pc-ide", "pc-virtio", "pc-scsi", "q35-ahci", "q35-nvme",
                "q35-smp4", "q35-uefi")), names.toString());
        HardwareModel smp = ModelCatalog.builtIn().get("q35-smp4");
        assertEquals(4, smp.cpus());
        assertTrue(ModelCatalog.builtIn().get("q35-uefi").uefi());
    }

    @Test
    void userFileAddsAndOverridesModels(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.yaml");
        Files.writeString(f, """
                models:
                  - {name: pc-ide, machine: pc, firmware: bios, cpus: 2, memoryMiB: 512, disk: ide, nic: rtl8139}
                  - {name: tiny, machine: pc, firmware: bios, cpus: 1, memoryMiB: 256, disk: virtio-blk, nic: virtio-net}
                """);
        ModelCatalog c = ModelCatalog.load(List.of(f));
        assertEquals(2, c.get("pc-ide").cpus());
        assertEquals(256, c.get("tiny").memoryMiB());
        assertEquals(8, c.all().size());
    }

    @Test
    void unknownModelIsBadInputNamingTheKnownOnes() {
        AntsException e = assertThrows(AntsException.class, () -> ModelCatalog.builtIn().get("pc-floppy"));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.hint().contains("pc-ide"));
    }

    @Test
    void invalidDiskInUserFileIsRejected(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"models\":[{\"name\":\"x\",\"machine\":\"pc\",\"firmware\":\"bios\",\"cpus\":1,"
                + "\"memoryMiB\":256,\"disk\":\"floppy\",\"nic\":\"e1000\"}]}");
        AntsException e = assertThrows(AntsException.class, () -> ModelCatalog.load(List.of(f)));
        assertTrue(e.getMessage().contains("unknown disk floppy"), e.getMessage());
    }

    @Test
    void selectAllAndList() {
        ModelCatalog c = ModelCatalog.builtIn();
        assertEquals(c.all().size(), c.select("all").size());
        assertEquals(List.of("pc-ide", "q35-nvme"), c.select("pc-ide, q35-nvme").stream().map(HardwareModel::name).toList());
    }
}
