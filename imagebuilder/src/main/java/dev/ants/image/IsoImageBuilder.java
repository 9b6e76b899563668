package dev.ants.image;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.FileTrees;
import dev.ants.core.cleanup.Cleanup;
import dev.ants.core.host.HostProcess;
import dev.ants.core.manifest.ImageManifest;
import dev.ants.core.pipeline.StepRunner;
import dev.ants.core.progress.Progress;
import dev.ants.image.fat.FatVolume;
import dev.ants.image.root.RootEntry;
import dev.ants.image.steps.CompressImageStep;
import dev.ants.image.steps.HashImageStep;
import dev.ants.image.steps.RemasterIsoStep;
import dev.ants.image.steps.WriteManifestStep;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hybrid ISO made with xorriso (no ISO writer of ours): El Torito with 9bootiso for BIOS CDs and a
 * FAT image with the UEFI loaders for UEFI; appended to it a FAT partition holding pbs, 9boothyb (as
 * 9bootfat: it reads the ISO 9660 file system of the disk it is on) and the UEFI loaders, with 9front's
 * mbr in front, so the same file boots from a USB stick. Inside: cfg/plan9.ini, the kernel, and with a
 * root its files, which 9660srv serves (cdboot makes the boot pick the CD). xorriso takes its dates
 * from SOURCE_DATE_EPOCH, so one input gives one ISO.
 */
public final class IsoImageBuilder {
    /**
     * What goes on the ISO besides the root; with a {@code base} ISO, only the kernel and plan9.ini
     * go onto a copy of it (its root, boot code and loaders stay).
     */
    public record Spec(String arch, Path kernel, Path bootCode, Map<String, byte[]> efiLoaders, List<String> settings,
                       List<RootEntry> root, long epoch, Compression compression, List<ModelHint> models, Path base) {
    }

    static final long ESP_SECTORS = 8192; // 4 MiB: the UEFI loaders and 9boothyb

    private IsoImageBuilder() {
    }

    public static DiskImageBuilder.Result build(Spec spec, Path output, Progress progress) {
        Path out = output.toAbsolutePath().normalize();
        StepRunner steps = new StepRunner(progress);
        DiskImageBuilder.Publisher pub = new DiskImageBuilder.Publisher(out, spec.compression());
        Path stage = out.resolveSibling(pub.raw.getFileName() + ".d");
        try (Cleanup.Registration r = Cleanup.onExit("remove partial ISO", () -> {
            pub.discard();
            FileTrees.deleteQuietly(stage);
        })) {
            pub.prepare(progress);
            String kname = spec.kernel().getFileName().toString();
            String kpath = "/" + spec.arch() + "/" + kname;
            // a base ISO holds a 9front root: the boot takes the CD as its root
            String ini = isoPlan9Ini(spec.arch(), kname, spec.root() != null || spec.base() != null, spec.settings());
            Map<String, ImageManifest.Part> parts = new LinkedHashMap<>();
            if (spec.base() != null) {
                Files.createDirectories(stage);
                Path iniFile = Files.writeString(stage.resolve("plan9.ini"), ini);
                Path k = Files.copy(spec.kernel(), stage.resolve(kname));
                steps.run(new RemasterIsoStep(spec.base(), Map.of("/cfg/plan9.ini", iniFile, kpath, k), spec.epoch(), pub.raw));
            } else {
                byte[] nineBootIso = read(spec.bootCode().resolve("9bootiso"));
                stageFiles(spec, stage, ini, kname, nineBootIso);
                Path esp = stage.resolve("386/efiboot.fat");
                writeFat(esp, spec, null, 0);
                Path hyb = out.resolveSibling(pub.raw.getFileName() + ".hyb");
                writeFat(hyb, spec, spec.bootCode(), 1);
                try (Progress p = progress.child("xorriso")) {
                    xorriso(stage, hyb, spec, pub.raw);
                } finally {
                    Files.deleteIfExists(hyb);
                }
                IsoHybrid.activate(pub.raw, read(spec.bootCode().resolve("mbr")));
                parts.put("9bootiso", part(nineBootIso, "El Torito BIOS boot image /386/9bootiso"));
                parts.put("efiboot.fat", part(Files.readAllBytes(esp), "El Torito UEFI boot image /386/efiboot.fat"));
            }
            String sum = steps.run(new HashImageStep(pub.raw));
            ImageManifest.Image image = new ImageManifest.Image(out.getFileName().toString(), "iso", Files.size(pub.raw),
                    Files.size(pub.raw), sum, null);
            parts.put("plan9.ini", part(ini.getBytes(StandardCharsets.US_ASCII), "/cfg/plan9.ini"));
            parts.put(kname, part(Files.readAllBytes(spec.kernel()), kpath));
            Map<String, ImageManifest.ModelHints> hints = new LinkedHashMap<>();
            for (ModelHint h : spec.models()) {
                hints.put(h.model(), new ImageManifest.ModelHints(null, true, "boot it as a CD (ants boot --iso)",
                        null, null, null, null, "plan9rc starts the admin shell ('admin% '); with a root, 'rerootwin boot' gives a shell on it"));
            }
            String fs = spec.root() != null || spec.base() != null ? "iso9660" : "none";
            ImageManifest manifest = new ImageManifest(image, spec.arch(), fs, ini, parts,
                    Map.of("isoBytes", Files.size(pub.raw)), hints, null, spec.epoch(), null,
                    spec.base() == null ? null : spec.base().toString());
            if (spec.compression() != Compression.NONE) {
                Path z = steps.run(new CompressImageStep(pub.raw, pub.compressed, spec.compression()));
                manifest = manifest.withCompressed(new ImageManifest.Compressed(pub.compressedName(), spec.compression().id(),
                        Files.size(z), steps.run(new HashImageStep(z))));
            }
            steps.run(new WriteManifestStep(pub.json, manifest));
            return new DiskImageBuilder.Result(out, pub.publish(pub.raw), manifest);
        } catch (IOException e) {
            throw new AntsException(ExitCode.ENVIRONMENT, "writing ISO " + out + " failed: " + e,
                    "check free disk space and permissions in " + out.getParent(), e);
        } finally {
            pub.discard();
            FileTrees.deleteQuietly(stage);
        }
    }

    /** The ISO's plan9.ini: the defaults with the kernel's path in the ISO, cdboot when the CD is the root. */
    static String isoPlan9Ini(String arch, String kernel, boolean root, List<String> settings) {
        List<String> s = new ArrayList<>();
        if (root) s.add("cdboot=yes");
        s.addAll(settings);
        return Plan9Ini.text("/" + arch + "/" + kernel, s);
    }

    private static void stageFiles(Spec spec, Path stage, String ini, String kname, byte[] nineBootIso) throws IOException {
        FileTrees.deleteQuietly(stage);
        if (spec.root() != null) {
            for (RootEntry e : spec.root()) {
                Path p = stage.resolve(e.path());
                if (e.dir()) {
                    Files.createDirectories(p);
                } else {
                    Files.createDirectories(p.getParent());
                    if (e.content() != null) Files.write(p, e.content());
                    else Files.createSymbolicLink(p, e.source().toAbsolutePath());
                }
            }
        }
        Files.createDirectories(stage.resolve("cfg"));
        Files.createDirectories(stage.resolve("386"));
        Files.createDirectories(stage.resolve(spec.arch()));
        Files.deleteIfExists(stage.resolve("cfg/plan9.ini"));
        Files.writeString(stage.resolve("cfg/plan9.ini"), ini);
        Files.deleteIfExists(stage.resolve(spec.arch() + "/" + kname));
        Files.copy(spec.kernel(), stage.resolve(spec.arch() + "/" + kname));
        Files.deleteIfExists(stage.resolve("386/9bootiso"));
        Files.write(stage.resolve("386/9bootiso"), nineBootIso);
    }

    /** A FAT image with the UEFI loaders; with boot code also pbs and 9boothyb as 9bootfat (the USB partition). */
    private static void writeFat(Path file, Spec spec, Path bootCode, int reserved) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(ESP_SECTORS * 512);
        }
        FatVolume v = new FatVolume(ESP_SECTORS).label(bootCode == null ? "EFIBOOT" : "PLAN9HYB")
                .timestamp(java.time.LocalDateTime.ofEpochSecond(Math.max(spec.epoch(), 315_532_800L), 0, java.time.ZoneOffset.UTC));
        if (bootCode != null) {
            v.bootCode(read(bootCode.resolve("pbs"))).addFile("9bootfat", read(bootCode.resolve("9boothyb")));
        }
        spec.efiLoaders().forEach(v::addFile);
        v.writeTo(file, 0);
    }

    private static void xorriso(Path stage, Path hyb, Spec spec, Path iso) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("xorriso", "-as", "mkisofs", "-o", iso.toString(),
                // 9bootiso compares plain ISO 9660 names: no ";1", no trailing dot
                "-follow-links", "-R", "-omit-version-number", "-omit-period", "-V", "ANTS_" + spec.arch().toUpperCase(java.util.Locale.ROOT),
                "-b", "386/9bootiso", "-no-emul-boot", "-boot-load-size", "4", "-c", "386/boot.cat",
                "-eltorito-alt-boot", "-e", "386/efiboot.fat", "-no-emul-boot",
                "-append_partition", "2", "0xef", hyb.toString(),
                // every file and directory dated like the rest of the image, not when it was staged
                "--set_all_file_dates", java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(
                        java.time.LocalDateTime.ofEpochSecond(spec.epoch(), 0, java.time.ZoneOffset.UTC)) + "00",
                stage.toString()));
        HostProcess.Result r = Xorriso.run(cmd, Map.of("SOURCE_DATE_EPOCH", Long.toString(spec.epoch()), "TZ", "UTC"));
        if (!r.ok()) {
            throw AntsException.environment("xorriso failed (status " + r.status() + "): " + r.tail(8), "see its message above");
        }
    }

    private static ImageManifest.Part part(byte[] b, String where) {
        return new ImageManifest.Part(where, b.length, dev.ants.core.Sha256.of(b));
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw AntsException.environment("boot code " + f + " cannot be read (" + e.getMessage() + ")",
                    "rebuild the 386 boot code: ants kernel --arch 386");
        }
    }
}
