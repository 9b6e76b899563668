package dev.ants.harness.qemu;

import dev.ants.core.AntsException;
import dev.ants.harness.host.Firmware;
import dev.ants.harness.model.HardwareModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a hardware model and a guest into QEMU's argv. Pure: it touches no file, so {@code --dry-run}
 * prints exactly what a run executes. The disk is always the copy-on-write overlay of the run, never the
 * user's image.
 */
public final class QemuCommand {
    private String binary = "qemu-system-x86_64";
    private HardwareModel model;
    private Guest guest;
    private Accel accel = Accel.TCG;
    private RunLayout layout;
    private Firmware firmware;
    private String loadvm;
    private boolean vga = true;
    private boolean network = true;
    private boolean vmstateDisk = true;
    private String diskFormat = "qcow2";
    private final List<String> extra = new ArrayList<>();
    private final List<String> guestForwards = new ArrayList<>();

    public QemuCommand binary(String b) { this.binary = b; return this; }
    public QemuCommand model(HardwareModel m) { this.model = m; return this; }
    public QemuCommand guest(Guest g) { this.guest = g; return this; }
    public QemuCommand accel(Accel a) { this.accel = a; return this; }
    public QemuCommand layout(RunLayout l) { this.layout = l; return this; }
    public QemuCommand firmware(Firmware f) { this.firmware = f; return this; }
    /** Start from this internal snapshot (savevm name) of the run's overlays. */
    public QemuCommand loadvm(String name) { this.loadvm = name; return this; }
    /** A VGA card for screendumps; off saves a little boot time. */
    public QemuCommand vga(boolean on) { this.vga = on; return this; }
    public QemuCommand network(boolean on) { this.network = on; return this; }
    public QemuCommand vmstateDisk(boolean on) { this.vmstateDisk = on; return this; }
    /** The first disk's format: qcow2 for the run's overlay, the image's own for a write-through guest. */
    public QemuCommand diskFormat(String f) { this.diskFormat = f; return this; }
    /** QEMU {@code guestfwd} rules for the user network, e.g. a host file server as 10.0.2.100:564. */
    public QemuCommand guestForwards(List<String> rules) { guestForwards.addAll(rules); return this; }
    public QemuCommand extraArgs(List<String> args) { if (args != null) extra.addAll(args); return this; }

    public List<String> argv() {
        if (model == null || guest == null || layout == null) throw new IllegalStateException("model, guest and layout are required");
        List<String> a = new ArrayList<>();
        a.add(binary);
        a.addAll(List.of("-nodefaults", "-display", "none", "-name", "ants-" + model.name()));
        a.addAll(List.of("-machine", model.machine(), "-accel", accel.qemuName()));
        a.addAll(List.of("-smp", Integer.toString(model.cpus()), "-m", model.memoryMiB() + "M"));
        if (model.uefi()) {
            if (firmware == null) throw AntsException.environment("no UEFI firmware given for model " + model.name(), "apt-get install ovmf");
            a.addAll(List.of("-drive", "if=pflash,unit=0,format=raw,readonly=on,file=" + esc(firmware.code())));
            a.addAll(List.of("-drive", "if=pflash,unit=1,format=qcow2,file=" + esc(layout.ovmfVars())));
        }
        // wait=on: QEMU does not start the guest until we are connected, so no early output is lost.
        a.addAll(List.of("-chardev", "socket,id=ser0,path=" + esc(layout.consoleSocket()) + ",server=on,wait=on",
                "-serial", "chardev:ser0"));
        a.addAll(List.of("-qmp", "unix:" + esc(layout.qmpSocket()) + ",server=on,wait=off"));
        if (vga) a.addAll(List.of("-vga", "std"));
        disks(a);
        if (network) {
            StringBuilder user = new StringBuilder("user,id=net0");
            for (String g : guestForwards) user.append(",guestfwd=").append(g.replace(",", ",,"));
            a.addAll(List.of("-netdev", user.toString(), "-device", nicDevice(model.nic()) + ",netdev=net0,id=nic0")); // id: for device-del steps
        }
        if (guest.kernel() != null) {
            a.addAll(List.of("-kernel", guest.kernel().toAbsolutePath().toString()));
            String modules = modules();
            if (modules != null) a.addAll(List.of("-initrd", modules));
            if (guest.append() != null) a.addAll(List.of("-append", guest.append()));
        }
        if (vmstateDisk) {
            // Not attached to any device: the guest never sees it; savevm stores the VM state in it.
            a.addAll(List.of("-drive", "if=none,id=vmstate,format=qcow2,file=" + esc(layout.vmstate())));
        }
        if (loadvm != null) a.addAll(List.of("-loadvm", loadvm));
        a.addAll(extra);
        return a;
    }

    /** The initrd, or for 9front the plan9.ini first and then any further multiboot modules. */
    private String modules() {
        List<String> m = new ArrayList<>();
        if (guest.plan9ini() != null) m.add(guest.plan9ini().toAbsolutePath().toString().replace(",", ",,"));
        if (guest.initrd() != null) m.add(guest.initrd().toAbsolutePath().toString().replace(",", ",,"));
        return m.isEmpty() ? null : String.join(",", m);
    }

    private void disks(List<String> a) {
        boolean q35 = "q35".equals(model.machine());
        String cdBus;
        switch (model.disk()) {
            case "ahci" -> {
                if (!q35) a.addAll(List.of("-device", "ahci,id=ahci0"));
            }
            case "virtio-scsi" -> a.addAll(List.of("-device", "virtio-scsi-pci,id=scsi0"));
            case "ide", "virtio-blk", "nvme" -> { }
            default -> throw AntsException.badInput("model " + model.name() + ": unknown disk " + model.disk(), "");
        }
        // The CD goes on the IDE/AHCI bus that the machine has anyway, or on SCSI for SCSI models.
        cdBus = "virtio-scsi".equals(model.disk()) ? null : (q35 ? "ide.2" : "ide.1");
        if (guest.disk() != null) {
            String file = guest.writeThrough() ? esc(guest.disk()) : esc(layout.diskOverlay());
            a.addAll(List.of("-drive", "if=none,id=disk0,format=" + diskFormat + ",file=" + file));
            a.addAll(List.of("-device", diskDevice(0, q35) + (guest.iso() == null ? ",bootindex=1" : ",bootindex=2")));
        }
        // further disks take the next units: from 0 when the guest boots without a disk of its own
        int first = guest.disk() != null ? 1 : 0;
        for (int i = 0; i < guest.extraDisks().size(); i++) {
            Guest.ExtraDisk d = guest.extraDisks().get(i);
            a.addAll(List.of("-drive", "if=none,id=disk" + (first + i) + ",format=raw,file=" + esc(d.file())
                    + (d.readOnly() ? readOnly() : "")));
            a.addAll(List.of("-device", diskDevice(first + i, q35)));
        }
        if (guest.iso() != null) {
            a.addAll(List.of("-drive", "if=none,id=cd0,media=cdrom,readonly=on,format=raw,file=" + esc(guest.iso().toAbsolutePath())));
            if (cdBus == null) a.addAll(List.of("-device", "scsi-cd,drive=cd0,bus=scsi0.0,bootindex=1"));
            else a.addAll(List.of("-device", "ide-cd,drive=cd0,bus=" + cdBus + ",bootindex=1"));
        }
    }

    /**
     * Disk {@code n} on the model's controller, where 9front names it with the unit number n: IDE's
     * primary master and slave (sdC0, sdC1), the AHCI ports (sdE0, sdE1), one virtio or NVMe function
     * each (sdF0, sdF1; sdN0, sdN1), SCSI targets (sd00, sd01). Its QEMU id is ants-diskN.
     */
    private String diskDevice(int n, boolean q35) {
        String drive = "drive=disk" + n + ",id=ants-disk" + n;   // the id: for device-del steps
        return switch (model.disk()) {
            case "ide" -> "ide-hd," + drive + ",bus=ide.0,unit=" + n;
            case "ahci" -> "ide-hd," + drive + ",bus=" + (q35 ? "ide." + n : "ahci0." + n);
            case "virtio-blk" -> "virtio-blk-pci," + drive;
            case "virtio-scsi" -> "scsi-hd," + drive + ",bus=scsi0.0,scsi-id=" + n;
            case "nvme" -> "nvme," + drive + ",serial=ants" + n;
            default -> throw new IllegalStateException(model.disk());
        };
    }

    /**
     * A disk the guest must not change: QEMU's IDE and AHCI disks cannot be read-only ("Block node is
     * read-only"), so there the guest's writes go to a throw-away overlay instead.
     */
    private String readOnly() {
        return ideLike(model) ? ",snapshot=on" : ",readonly=on";
    }

    private static boolean ideLike(HardwareModel m) {
        return m.disk().equals("ide") || m.disk().equals("ahci");
    }

    /**
     * Whether QEMU can save {@code guest} running on {@code m} and start another QEMU from it: not with a
     * throw-away overlay (below), nor with an NVMe disk, whose device state QEMU refuses to save
     * ("State blocked by non-migratable device").
     */
    public static boolean snapshots(HardwareModel m, Guest guest) {
        return !m.disk().equals("nvme") && !throwAwayOverlays(m, guest);
    }

    /**
     * Whether {@code guest} on {@code m} has a disk behind a throw-away overlay (a read-only disk on IDE
     * or AHCI): a snapshot cannot be resumed by another QEMU, whose overlay would be a new, empty one,
     * so such runs boot every case from power-on.
     */
    static boolean throwAwayOverlays(HardwareModel m, Guest guest) {
        return ideLike(m) && guest.extraDisks().stream().anyMatch(Guest.ExtraDisk::readOnly);
    }

    /** Model files name NICs as users know them; QEMU wants the PCI device name for virtio. */
    static String nicDevice(String nic) {
        return switch (nic) {
            case "virtio-net", "virtio" -> "virtio-net-pci";
            default -> nic;
        };
    }

    /** QEMU option values use ',' as separator; a literal comma is written twice. */
    static String esc(Path p) {
        return p.toAbsolutePath().toString().replace(",", ",,");
    }

    /** The argv as one shell-quoted line, for qemu.cmdline and --dry-run. */
    public static String shellLine(List<String> argv) {
        StringBuilder b = new StringBuilder();
        for (String s : argv) {
            if (b.length() > 0) b.append(' ');
            b.append(s.matches("[A-Za-z0-9_./=:,+@%-]+") ? s : "'" + s.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }
}
