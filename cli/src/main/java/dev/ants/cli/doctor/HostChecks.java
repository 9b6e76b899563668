package dev.ants.cli.doctor;

import dev.ants.core.host.HostProbes;
import dev.ants.core.host.HostProcess;
import dev.ants.harness.host.Firmware;
import dev.ants.harness.host.GuestKernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every host dependency the product and its tests use. Each check runs the tool the way the
 * pipeline will (gcc really links a -m32 program, the namespace tool really makes a namespace), since a
 * binary on PATH is no proof it works.
 */
public final class HostChecks {
    private static final Duration QUICK = Duration.ofSeconds(20);

    private HostChecks() {
    }

    public static List<Check> run() {
        List<Check> c = new ArrayList<>();
        c.add(version("qemu-system-x86_64", "required", "qemu-system-x86", "qemu-system-x86_64", "--version"));
        c.add(version("qemu-img", "required", "qemu-utils", "qemu-img", "--version"));
        c.add(gcc());
        c.add(file("9base rc, awk, sed", "required", "9base", "/usr/lib/plan9/bin/rc",
                "/usr/lib/plan9/bin/awk", "/usr/lib/plan9/bin/sed"));
        c.add(namespace());
        c.add(ovmf());
        c.add(version("mtools", "tests", "mtools", "mtools", "--version"));
        // ants image --format iso runs xorriso; the image tests cross-check with the others
        c.add(version("xorriso (ISO images)", "required", "xorriso", "xorriso", "-version"));
        c.add(file("fsck.fat, sfdisk (image checks)", "tests", "dosfstools fdisk", "/usr/sbin/fsck.fat", "/usr/sbin/sfdisk"));
        c.add(file("gzip, xz, zstd (compressed images)", "tests", "gzip xz-utils zstd", "/usr/bin/gzip", "/usr/bin/xz",
                "/usr/bin/zstd"));
        c.add(file("busybox (test guests)", "tests", "busybox-static", "/bin/busybox"));
        c.add(linuxKernel());
        // ants flash's tests: loop devices, a real sshd, a file system to mount, compressed images
        c.add(file("flash tests (sshd, loop, mkfs)", "tests", "openssh-server util-linux e2fsprogs",
                "/usr/sbin/sshd", "/usr/bin/ssh-keygen", "/usr/sbin/losetup", "/usr/sbin/blkdiscard", "/usr/sbin/mkfs.ext4"));
        c.add(file("zstd, xz, gzip", "tests", "zstd xz-utils gzip", "/usr/bin/zstd", "/usr/bin/xz", "/bin/gzip"));
        c.add(version("docker", "optional", "docker.io", "docker", "--version"));
        return c;
    }

    /** Debian packages that would fix the failed checks of the given needs. */
    public static List<String> missingPackages(List<Check> checks, boolean includeTests, boolean includeOptional) {
        List<String> pkgs = new ArrayList<>();
        for (Check k : checks) {
            boolean wanted = k.required() || (includeTests && k.need().equals("tests"))
                    || (includeOptional && k.need().equals("optional"));
            if (!k.ok() && wanted && k.pkg() != null) {
                for (String p : k.pkg().split(" ")) if (!pkgs.contains(p)) pkgs.add(p);
            }
        }
        return pkgs;
    }

    private static Check version(String name, String need, String pkg, String... cmd) {
        try {
            HostProcess.Result r = HostProcess.run(List.of(cmd), QUICK);
            String first = r.output().lines().findFirst().orElse("").trim();
            return new Check(name, r.ok(), need, r.ok() ? first : "'" + String.join(" ", cmd) + "' failed: " + first, pkg);
        } catch (IOException e) {
            return new Check(name, false, need, cmd[0] + " not found", pkg);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Check(name, false, need, "interrupted", pkg);
        }
    }

    private static Check file(String name, String need, String pkg, String... paths) {
        for (String p : paths) {
            if (!Files.isExecutable(Path.of(p))) return new Check(name, false, need, p + " missing", pkg);
        }
        return new Check(name, true, need, String.join(" ", paths), pkg);
    }

    /** The host tools are compiled by gcc from the user's tree. */
    private static Check gcc() {
        return of("gcc", HostProbes.gcc(), "gcc");
    }

    /** The build runs in a private mount namespace made by bubblewrap. */
    private static Check namespace() {
        return of("private mount namespace", HostProbes.bwrap(), "bubblewrap");
    }

    private static Check of(String name, HostProbes.Probe p, String pkg) {
        return new Check(name, p.ok(), "required", p.ok() ? p.detail() : p.detail() + "; " + p.fix(), pkg);
    }

    /** The harness's own lookup, so the doctor never calls missing what a UEFI run would find. */
    private static Check ovmf() {
        return Firmware.find().map(f -> new Check("OVMF (UEFI models)", true, "required", f.code().toString(), "ovmf"))
                .orElseGet(() -> new Check("OVMF (UEFI models)", false, "required", "not found: " + Firmware.searched(), "ovmf"));
    }

    /**
     * The harness's own tests boot Debian's kernel with an initramfs of ours. No package provides it here
     * (installing a kernel package would change the user's boot menu): {@code --install} unpacks it into
     * the ants cache instead, see {@link GuestKernel#fetch}.
     */
    private static Check linuxKernel() {
        return GuestKernel.find().map(k -> new Check(KERNEL, true, "tests", k.kernel() + " (" + k.origin()
                        + (k.modulesDir() == null ? ", no modules: the models' drivers are missing" : "") + ")", null))
                .orElseGet(() -> new Check(KERNEL, false, "tests", GuestKernel.searched(), null));
    }

    /** The name of the test guest kernel's check; {@code --install} fetches it when it failed. */
    public static final String KERNEL = "Linux kernel (test guests)";
}
