package dev.ants.harness.selftest;

import dev.ants.harness.host.GuestKernel;
import dev.ants.harness.qemu.Guest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A small Linux guest made from Debian's packages, for testing the harness without 9front: Debian's
 * kernel (unpacked into the ants cache by {@code ants doctor --install}, or the host's own in /boot), an
 * initramfs we write with busybox (busybox-static) and the disk and NIC driver modules of every
 * hardware model. Its /init mounts proc/sys, loads the drivers, prints
 * {@link #READY} and gives a root shell on the first serial port.
 */
public final class LinuxTestGuest {
    public static final String READY = "ANTS-GUEST-READY";
    public static final String PROMPT = "ants# ";
    /** Modules for the disks and NICs of the built-in hardware models (dependencies are added). */
    static final List<String> DRIVERS = List.of("ata_piix", "ahci", "sd_mod", "virtio_pci", "virtio_blk", "virtio_scsi",
            "nvme", "e1000", "e1000e", "virtio_net", "pcnet32", "8139cp", "8139too");

    public record Host(Path kernel, Path busybox, Path modulesDir) {
    }

    private LinuxTestGuest() {
    }

    /** The kernel (ants cache or /boot, see GuestKernel), static busybox and modules, or the reason they cannot be used. */
    public static Host findHost() throws MissingPartException {
        GuestKernel.Found k = GuestKernel.find().orElseThrow(() -> new MissingPartException(GuestKernel.searched()));
        Path busybox = Path.of(Optional.ofNullable(System.getenv("ANTS_TEST_BUSYBOX")).orElse("/bin/busybox"));
        if (!Files.isRegularFile(busybox)) throw new MissingPartException("no " + busybox + " (apt-get install busybox-static)");
        try {
            if (isDynamic(busybox)) throw new MissingPartException(busybox + " is dynamically linked (apt-get install busybox-static)");
        } catch (IOException e) {
            throw new MissingPartException("cannot read " + busybox + ": " + e.getMessage());
        }
        return new Host(k.kernel(), busybox, k.modulesDir()); // no modules: boots, but without the models' drivers
    }

    /** Thrown with a sentence for a test's skip reason. */
    public static final class MissingPartException extends Exception {
        public MissingPartException(String message) {
            super(message);
        }
    }

    private static boolean isDynamic(Path elf) throws IOException {
        byte[] b = Files.readAllBytes(elf);
        String s = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1);
        return s.contains("/lib64/ld-linux") || s.contains("/lib/ld-linux");
    }

    /** Writes {@code dir/initramfs.cpio} and returns the guest (kernel + initramfs + console on ttyS0). */
    public static Guest build(Host host, Path dir, String extraAppend) throws IOException {
        Initramfs fs = new Initramfs();
        for (String d : List.of("/bin", "/sbin", "/usr/bin", "/usr/sbin", "/proc", "/sys", "/dev", "/tmp", "/etc", "/root")) {
            fs.dir(d.substring(1));
        }
        fs.charDevice("dev/console", 5, 1, 0600);
        fs.charDevice("dev/null", 1, 3, 0666);
        fs.file("bin/busybox", host.busybox(), 0755);
        fs.symlink("bin/sh", "busybox");
        List<String> order = new ArrayList<>();
        if (host.modulesDir() != null) {
            for (String rel : loadOrder(host.modulesDir(), DRIVERS)) {
                String name = rel.substring(rel.lastIndexOf('/') + 1);
                fs.file("lib/modules/" + name, host.modulesDir().resolve(rel), 0644);
                order.add(name);
            }
        }
        fs.text("etc/ants-modules", String.join("\n", order) + "\n", 0644);
        fs.text("init", INIT, 0755);
        Path initrd = dir.resolve("initramfs.cpio");
        fs.write(initrd, false);
        // a starved TCG guest (a busy CI host) would report soft lockups and RCU stalls as "BUG:" lines,
        // which are failure patterns: the tests are about the harness, not about the host's load
        String append = "console=ttyS0 quiet nosoftlockup rcupdate.rcu_cpu_stall_suppress=1"
                + (extraAppend == null ? "" : " " + extraAppend);
        return Guest.kernel(host.kernel(), initrd, append);
    }

    // Why these lines: busybox makes its applets, devtmpfs gives /dev/sdX etc., drivers load before the
    // marker so a scenario sees every device; cttyhack makes ttyS0 the shell's controlling terminal.
    private static final String INIT = """
            #!/bin/busybox sh
            /bin/busybox --install -s
            mount -t proc proc /proc
            mount -t sysfs sysfs /sys
            mount -t devtmpfs devtmpfs /dev 2>/dev/null
            for m in $(cat /etc/ants-modules); do insmod /lib/modules/$m 2>/dev/null; done
            echo "ANTS-GUEST-READY $(uname -r)"
            export PS1='ants# ' HOME=/root
            cd /root
            exec setsid cttyhack sh
            """;

    /**
     * The wanted modules and their dependencies, each after everything it needs. Dependencies come from
     * each module's own modinfo ({@code depends=} in its .modinfo section), so no modules.dep (which
     * depmod writes at package installation) is needed: an unpacked kernel package is enough.
     */
    static List<String> loadOrder(Path modulesDir, List<String> wanted) throws IOException {
        Map<String, Path> byName = new HashMap<>();
        try (Stream<Path> s = Files.walk(modulesDir.resolve("kernel"))) {
            s.filter(p -> p.getFileName().toString().endsWith(".ko")) // compressed modules are not supported here
                    .forEach(p -> byName.put(moduleName(p.getFileName().toString()), p));
        }
        Set<String> out = new LinkedHashSet<>();
        for (String w : wanted) add(moduleName(w), byName, modulesDir, out, new HashSet<>());
        return new ArrayList<>(out);
    }

    private static void add(String name, Map<String, Path> byName, Path modulesDir, Set<String> out, Set<String> visiting)
            throws IOException {
        Path ko = byName.get(name);
        if (ko == null || !visiting.add(name)) return; // built into the kernel, or a cycle
        for (String dep : depends(ko)) add(moduleName(dep), byName, modulesDir, out, visiting);
        out.add(modulesDir.relativize(ko).toString());
    }

    /** The {@code depends=a,b} entry of a module's .modinfo section. */
    static List<String> depends(Path ko) throws IOException {
        String s = new String(Files.readAllBytes(ko), StandardCharsets.ISO_8859_1);
        int i = s.indexOf("\0depends=");
        if (i < 0) return List.of();
        int from = i + "\0depends=".length();
        String v = s.substring(from, s.indexOf('\0', from));
        return v.isEmpty() ? List.of() : List.of(v.split(","));
    }

    private static String moduleName(String file) {
        return file.replaceFirst("\\.ko$", "").replace('-', '_');
    }
}
