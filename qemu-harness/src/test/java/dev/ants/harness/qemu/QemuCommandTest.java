package dev.ants.harness.qemu;

import dev.ants.harness.host.Firmware;
import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.harness.model.ModelCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class QemuCommandTest {
    private final ModelCatalog models = ModelCatalog.builtIn();

    private static String joined(List<String> argv) {
        return String.join(" ", argv);
    }

    @Test
    void everyModelGetsItsMachineDiskNicAndSocketsButNoTcpPort(@TempDir Path dir) throws Exception {
        Path img = Files.writeString(dir.resolve("a.img"), "x");
        RunLayout l = RunLayout.in(dir.resolve("run"));
        Firmware fw = new Firmware(Path.of("/fw/code.fd"), Path.of("/fw/vars.fd"));
        for (var m : models.all()) {
            String a = joined(new QemuCommand().model(m).guest(Guest.disk(img)).layout(l).firmware(fw).argv());
            assertTrue(a.contains("-machine " + m.machine()), a);
            assertTrue(a.contains("-smp " + m.cpus() + " -m " + m.memoryMiB() + "M"), a);
            assertTrue(a.contains("-nodefaults -display none"), a);
            assertTrue(a.contains("socket,id=ser0,path=" + l.consoleSocket() + ",server=on,wait=on"), a);
            assertTrue(a.contains("-qmp unix:" + l.qmpSocket()), a);
            assertFalse(a.contains("tcp:"), a);
            assertTrue(a.contains("file=" + l.diskOverlay()), "the guest writes the overlay: " + a);
            assertFalse(a.contains("file=" + img), "never the user's image: " + a);
            assertTrue(a.contains(QemuCommand.nicDevice(m.nic()) + ",netdev=net0,id=nic0"), a);
            assertEquals(m.uefi(), a.contains("if=pflash,unit=0,format=raw,readonly=on,file=/fw/code.fd"), a);
        }
        assertTrue(joined(new QemuCommand().model(models.get("pc-ide")).guest(Guest.disk(img)).layout(l).argv()).contains("ide-hd,drive=disk0,id=ants-disk0,bus=ide.0"));
        assertTrue(joined(new QemuCommand().model(models.get("q35-ahci")).guest(Guest.disk(img)).layout(l).argv()).contains("ide-hd,drive=disk0,id=ants-disk0,bus=ide.0"));
        assertTrue(joined(new QemuCommand().model(models.get("pc-scsi")).guest(Guest.disk(img)).layout(l).argv()).contains("virtio-scsi-pci,id=scsi0 -drive"));
        assertTrue(joined(new QemuCommand().model(models.get("q35-nvme")).guest(Guest.disk(img)).layout(l).argv()).contains("-device nvme,drive=disk0,id=ants-disk0"));
        assertTrue(joined(new QemuCommand().model(models.get("pc-virtio")).guest(Guest.disk(img)).layout(l).argv()).contains("-device virtio-net-pci,netdev=net0,id=nic0"));
    }

    @Test
    void plan9iniIsTheFirstMultibootModuleAndCommasAreEscaped(@TempDir Path dir) throws Exception {
        Path k = Files.writeString(dir.resolve("9pc64"), "k");
        Path ini = Files.writeString(dir.resolve("plan9,1.ini"), "console=0");
        Path extra = Files.writeString(dir.resolve("mod"), "m");
        Guest g = new Guest(null, null, k, extra, "*acpi=0", ini).validate();
        List<String> a = new QemuCommand().model(models.get("pc-virtio")).guest(g).layout(RunLayout.in(dir)).argv();
        int i = a.indexOf("-initrd");
        assertEquals(ini.toAbsolutePath().toString().replace(",", ",,") + "," + extra.toAbsolutePath(), a.get(i + 1));
        assertEquals("*acpi=0", a.get(a.indexOf("-append") + 1));
        assertEquals(k.toAbsolutePath().toString(), a.get(a.indexOf("-kernel") + 1));
    }

    @Test
    void isoBootsFirstOnTheMachinesOwnBusAndLoadvmAndAccelAreHonoured(@TempDir Path dir) throws Exception {
        Path iso = Files.writeString(dir.resolve("9front.iso"), "i");
        String a = joined(new QemuCommand().model(models.get("q35-ahci")).guest(Guest.iso(iso)).layout(RunLayout.in(dir))
                .accel(Accel.KVM).loadvm("ready").argv());
        assertTrue(a.contains("ide-cd,drive=cd0,bus=ide.2,bootindex=1"), a);
        assertTrue(a.contains("readonly=on"), a);
        assertTrue(a.contains("-accel kvm"), a);
        assertTrue(a.endsWith("-loadvm ready"), a);
        String s = joined(new QemuCommand().model(models.get("pc-scsi")).guest(Guest.iso(iso)).layout(RunLayout.in(dir)).argv());
        assertTrue(s.contains("scsi-cd,drive=cd0,bus=scsi0.0"), s);
    }

    @Test
    void badGuestsAreBadInput(@TempDir Path dir) {
        AntsException e = assertThrows(AntsException.class, () -> new Guest(null, null, null, null, null, null).validate());
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        e = assertThrows(AntsException.class, () -> Guest.disk(dir.resolve("missing.img")).validate());
        assertTrue(e.getMessage().contains("missing.img"));
        e = assertThrows(AntsException.class, () -> new Guest(dir, null, null, dir, null, null).validate());
        assertTrue(e.getMessage().contains("need --kernel"), e.getMessage());
    }

    @Test
    void diskFormatIsDetectedByMagicNotByName(@TempDir Path dir) throws Exception {
        Path raw = Files.write(dir.resolve("x.qcow2"), new byte[]{1, 2, 3, 4, 5});
        Path q = Files.write(dir.resolve("x.img"), new byte[]{'Q', 'F', 'I', (byte) 0xfb, 0, 0, 0, 3});
        assertEquals("raw", DiskFormat.of(raw));
        assertEquals("qcow2", DiskFormat.of(q));
    }

    @Test
    void extraDisksFollowTheFirstOnTheSameControllerWithTheUnitNumber9frontNamesThemBy(@TempDir Path dir) throws Exception {
        Path img = Files.writeString(dir.resolve("a.img"), "x");
        Path data = Files.writeString(dir.resolve("suites.img"), "y");
        Guest g = Guest.disk(img).withExtraDisk(data, true).validate();
        RunLayout l = RunLayout.in(dir);
        assertTrue(joined(new QemuCommand().model(models.get("pc-ide")).guest(g).layout(l).argv())
                .contains("ide-hd,drive=disk1,id=ants-disk1,bus=ide.0,unit=1"));
        assertEquals("sdC1", models.get("pc-ide").disk9(1));
        String q = joined(new QemuCommand().model(models.get("q35-ahci")).guest(g).layout(l).argv());
        // IDE and AHCI disks cannot be read-only in QEMU: the guest's writes go to a throw-away overlay
        assertTrue(q.contains("file=" + data.toAbsolutePath() + ",snapshot=on -device ide-hd,drive=disk1,id=ants-disk1,bus=ide.1"), q);
        assertTrue(joined(new QemuCommand().model(models.get("pc-virtio")).guest(g).layout(l).argv())
                .contains("file=" + data.toAbsolutePath() + ",readonly=on -device virtio-blk-pci,drive=disk1"));
        assertTrue(joined(new QemuCommand().model(models.get("pc-scsi")).guest(g).layout(l).argv()).contains("scsi-id=1"));
        assertTrue(joined(new QemuCommand().model(models.get("q35-nvme")).guest(g).layout(l).argv()).contains("nvme,drive=disk1,id=ants-disk1,serial=ants1"));
        String through = joined(new QemuCommand().model(models.get("pc-virtio")).guest(g.writingThrough()).layout(l).diskFormat("raw").argv());
        assertTrue(through.contains("format=raw,file=" + img.toAbsolutePath()), "a write-through guest writes the image itself: " + through);
    }

    @Test
    void shellLineQuotesWhatNeedsIt() {
        assertEquals("qemu -append 'console=0 *acpi=0' -name a", QemuCommand.shellLine(List.of("qemu", "-append", "console=0 *acpi=0", "-name", "a")));
    }

    @Test
    void nvmeAndThrowAwayOverlaysCannotBeSnapshotted(@TempDir Path dir) throws Exception {
        Path img = Files.writeString(dir.resolve("a.img"), "x");
        Path suites = Files.writeString(dir.resolve("s.img"), "x");
        Guest kernelWithSuites = Guest.kernel(img, null, null).withExtraDisk(suites, true);
        assertTrue(QemuCommand.snapshots(models.get("pc-virtio"), kernelWithSuites));
        assertTrue(QemuCommand.snapshots(models.get("q35-smp4"), Guest.disk(img)));
        // QEMU refuses to save an NVMe controller: "State blocked by non-migratable device"
        assertFalse(QemuCommand.snapshots(models.get("q35-nvme"), Guest.disk(img)));
        assertFalse(QemuCommand.snapshots(models.get("q35-nvme"), kernelWithSuites));
        // a read-only disk on IDE or AHCI is a throw-away overlay another QEMU cannot resume
        assertFalse(QemuCommand.snapshots(models.get("pc-ide"), kernelWithSuites));
        assertTrue(QemuCommand.snapshots(models.get("pc-ide"), Guest.disk(img)));
    }
}
