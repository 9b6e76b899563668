package dev.ants.harness;

import dev.ants.harness.model.HardwareModel;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.qemu.Accel;
import dev.ants.harness.qemu.ProcessReaper;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.scenario.ScenarioLoader;
import dev.ants.harness.testutil.TestGuests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each built-in hardware model, booted once under TCG with the Linux test guest and a blank disk image:
 * the guest must see the model's disk controller (bound by the right driver, reading the image's bytes)
 * and its NIC, and writing the disk must leave the base image untouched (the run's overlay takes it).
 */
class ModelMatrixTest {
    @TempDir
    Path tmp;

    static Stream<String> models() {
        return ModelCatalog.builtIn().all().stream().map(HardwareModel::name);
    }

    @ParameterizedTest
    @MethodSource("models")
    void modelPresentsItsDiskAndNic(String name) throws Exception {
        HardwareModel m = ModelCatalog.builtIn().get(name);
        Path base = TestGuests.blankDisk(tmp, 16);
        byte[] before = Files.readAllBytes(base);
        String dev = switch (m.disk()) {
            case "virtio-blk" -> "vda";
            case "nvme" -> "nvme0n1";
            default -> "sda";
        };
        String driverDir = switch (m.disk()) {
            case "ide" -> "/sys/bus/pci/drivers/ata_piix";
            case "ahci" -> "/sys/bus/pci/drivers/ahci";
            case "virtio-scsi" -> "/sys/bus/virtio/drivers/virtio_scsi";
            case "virtio-blk" -> "/sys/bus/virtio/drivers/virtio_blk";
            case "nvme" -> "/sys/bus/pci/drivers/nvme";
            default -> throw new IllegalStateException(m.disk());
        };
        String nicDriver = switch (m.nic()) {
            case "virtio-net" -> "virtio_net";
            case "pcnet" -> "pcnet32";
            case "rtl8139" -> "8139(cp|too)";
            default -> m.nic();
        };
        String yaml = """
                name: devices on ${model}
                timeout: 40
                steps:
                  - expect: 'ANTS-GUEST-READY'
                  - expect: 'ants# $'
                  - run: 'i=0; while [ ! -e /sys/block/${dev} ] && [ $i -lt 100 ]; do sleep 0.2; i=$((i+1)); done; ls /sys/block'
                    output: '(?m)^${dev}$'
                    name: disk ${dev} appears
                  - run: 'ls ${driverDir}'
                    output: '0000:|virtio\\d'
                    name: disk driver bound
                  - run: 'head -c 15 /dev/${dev}'
                    output: '^ANTS-BASE-IMAGE$'
                    name: disk shows the image
                  - run: 'echo OVERWRITTEN-BY-GUEST | dd of=/dev/${dev} conv=fsync 2>/dev/null; head -c 20 /dev/${dev}'
                    output: '^OVERWRITTEN-BY-GUEST$'
                  - run: 'i=0; while [ ! -e /sys/class/net/eth0 ] && [ $i -lt 100 ]; do sleep 0.2; i=$((i+1)); done; cat /sys/class/net/eth0/device/uevent'
                    output: '(?m)^DRIVER=${nic}$'
                    name: NIC ${nic} bound
                  - run: 'grep -c ^processor /proc/cpuinfo'
                    output: '^${cpus}$'
                """;
        var s = ScenarioLoader.parse(yaml, name, tmp, Map.of("model", name, "dev", dev, "driverDir", driverDir,
                "nic", nicDriver, "cpus", Integer.toString(m.cpus())));
        RunResult r = new Harness().boot(new BootRequest(m, TestGuests.linux().withDisk(base)).accel(Accel.TCG)
                .runParent(tmp).vga(false).scenario(s));
        assertEquals(0, r.exitCode(), r.summary() + "\n" + String.join("\n", r.lastConsoleLines() == null ? java.util.List.of() : r.lastConsoleLines()));
        assertArrayEquals(before, Files.readAllBytes(base), "the base image must never be modified");
        assertEquals(0, ProcessReaper.liveCount());
    }
}
