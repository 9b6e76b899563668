package dev.ants.image.steps;

import dev.ants.core.AntsException;
import dev.ants.core.host.HostProcess;
import dev.ants.core.pipeline.Step;
import dev.ants.core.progress.Progress;
import dev.ants.image.Xorriso;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

/**
 * Makes an ISO from a 9front ISO (--base): the same files, boot catalog and hybrid system area (xorriso
 * replays them), with the kernel and cfg/plan9.ini replaced by ours. The base must be a bootable 9front
 * ISO: an El Torito BIOS image and a /cfg/plan9.ini, which 9bootiso reads.
 */
public final class RemasterIsoStep implements Step<Path> {
    private final Path base;
    private final Map<String, Path> files;
    private final long epoch;
    private final Path out;

    /** @param files ISO path (e.g. /amd64/9pc64) → host file to put there */
    public RemasterIsoStep(Path base, Map<String, Path> files, long epoch, Path out) {
        this.base = base;
        this.files = files;
        this.epoch = epoch;
        this.out = out;
    }

    @Override
    public String description() {
        return "remaster " + base.getFileName();
    }

    @Override
    public Path run(Progress progress) throws IOException {
        requireNineFrontIso(base);
        for (Path f : files.values()) Files.setLastModifiedTime(f, FileTime.fromMillis(epoch * 1000));
        Files.deleteIfExists(out);
        // xorriso writes the whole ISO 9660 tree anew: without ";1" and trailing dots, as 9bootiso
        // compares names (it looks itself up as 386/9bootiso)
        List<String> cmd = new java.util.ArrayList<>(List.of("xorriso", "-indev", base.toString(), "-outdev", out.toString(),
                "-compliance", "omit_version:no_force_dots", "-boot_image", "any", "replay"));
        files.forEach((iso, host) -> cmd.addAll(List.of("-map", host.toString(), iso)));
        cmd.add("-commit");
        // the volume's dates from the image's date, so one input gives one ISO
        HostProcess.Result r = Xorriso.run(cmd, Map.of("TZ", "UTC", "SOURCE_DATE_EPOCH", Long.toString(epoch)));
        if (!r.ok()) throw AntsException.environment("xorriso failed on --base " + base + ": " + r.tail(6), "see its message above");
        return out;
    }

    /** Bad input, naming what is missing, when the file is not a bootable 9front ISO. */
    public static void requireNineFrontIso(Path base) throws IOException {
        HostProcess.Result r = Xorriso.run(List.of("xorriso", "-indev", base.toString(), "-report_el_torito", "plain",
                "-lsd", "/cfg/plan9.ini"), Map.of("TZ", "UTC"));
        String what = !r.output().matches("(?s).*El Torito boot img :\\s+\\d+\\s+BIOS.*") ? "no El Torito BIOS boot image"
                : !r.ok() || !r.output().matches("(?s).*Valid ISO nodes found: [1-9].*") ? "no /cfg/plan9.ini" : null;
        if (what != null) {
            throw AntsException.badInput("--base " + base + " is not a bootable 9front ISO: " + what,
                    "pass a 9front release ISO (9front-NNNNN.amd64.iso) or one ants made with --format iso");
        }
    }
}
