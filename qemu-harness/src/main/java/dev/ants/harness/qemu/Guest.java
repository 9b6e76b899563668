package dev.ants.harness.qemu;

import dev.ants.core.AntsException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What to boot: a disk image, an ISO, a kernel (with optional initrd and command line), or a kernel and a
 * disk together. {@code plan9ini} is the 9front form of an initrd: it becomes the first multiboot module.
 *
 * @param extraDisks   further raw disks after the first, on the same controller (9front names them
 *                     sdC1, sdF1, ...): data the caller made for this run, attached as they are
 * @param writeThrough the guest writes {@code disk} itself instead of a copy-on-write overlay: for
 *                     builders that fill an image in the guest, never for a user's image
 */
public record Guest(Path disk, Path iso, Path kernel, Path initrd, String append, Path plan9ini,
                    List<ExtraDisk> extraDisks, boolean writeThrough) {

    /** A further disk; a read-only one does not stop snapshots (QEMU snapshots writable drives only). */
    public record ExtraDisk(Path file, boolean readOnly) {
    }

    public Guest {
        extraDisks = extraDisks == null ? List.of() : List.copyOf(extraDisks);
    }

    public Guest(Path disk, Path iso, Path kernel, Path initrd, String append, Path plan9ini) {
        this(disk, iso, kernel, initrd, append, plan9ini, List.of(), false);
    }

    public static Guest disk(Path image) {
        return new Guest(image, null, null, null, null, null);
    }

    public static Guest iso(Path iso) {
        return new Guest(null, iso, null, null, null, null);
    }

    public static Guest kernel(Path kernel, Path initrd, String append) {
        return new Guest(null, null, kernel, initrd, append, null);
    }

    public Guest withDisk(Path image) {
        return new Guest(image, iso, kernel, initrd, append, plan9ini, extraDisks, writeThrough);
    }

    public Guest withIso(Path image) {
        return new Guest(disk, image, kernel, initrd, append, plan9ini, extraDisks, writeThrough);
    }

    public Guest withPlan9ini(Path ini) {
        return new Guest(disk, iso, kernel, initrd, append, ini, extraDisks, writeThrough);
    }

    /** Adds a disk after the others. */
    public Guest withExtraDisk(Path file, boolean readOnly) {
        List<ExtraDisk> d = new ArrayList<>(extraDisks);
        d.add(new ExtraDisk(file, readOnly));
        return new Guest(disk, iso, kernel, initrd, append, plan9ini, d, writeThrough);
    }

    /** The guest writes the first disk in place (see the class comment). */
    public Guest writingThrough() {
        return new Guest(disk, iso, kernel, initrd, append, plan9ini, extraDisks, true);
    }

    /** Bad input (exit 2) unless at least one boot source is given and every named file exists. */
    public Guest validate() {
        if (disk == null && iso == null && kernel == null) {
            throw AntsException.badInput("nothing to boot", "pass --image F, --iso F or --kernel K");
        }
        if (kernel == null && (initrd != null || append != null || plan9ini != null)) {
            throw AntsException.badInput("--initrd, --append and --plan9ini need --kernel", "add --kernel K");
        }
        check(disk, "--image");
        check(iso, "--iso");
        check(kernel, "--kernel");
        check(initrd, "--initrd");
        check(plan9ini, "--plan9ini");
        for (ExtraDisk d : extraDisks) check(d.file(), "disk");
        if (writeThrough && disk == null) throw new IllegalStateException("writeThrough without a disk");
        return this;
    }

    private static void check(Path p, String option) {
        if (p != null && !Files.isRegularFile(p)) {
            throw AntsException.badInput(option + " " + p + " does not exist or is not a file", "check the path");
        }
    }

    /** A short label for reports. */
    public String label() {
        if (kernel != null) return kernel.getFileName().toString() + (disk != null ? "+" + disk.getFileName() : "");
        if (disk != null) return disk.getFileName().toString();
        return iso.getFileName().toString();
    }
}
