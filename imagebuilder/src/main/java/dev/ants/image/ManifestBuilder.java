package dev.ants.image;

import dev.ants.core.Sha256;
import dev.ants.core.manifest.ImageManifest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Assembles an image's {@link ImageManifest} from what the builder wrote. */
final class ManifestBuilder {
    private ManifestBuilder() {
    }

    static ImageManifest build(DiskImageSpec spec, Map<String, Object> layout, long prepLba, String plan9ini,
                               byte[] kernel, byte[] prepSector, ImageManifest.Image image) {
        Map<String, ImageManifest.Part> parts = new LinkedHashMap<>();
        BootLoaders l = spec.loaders();
        if (spec.base() == null) parts.put("mbr", part(l.mbr(), "lba 0 (code area, 446 bytes)"));
        parts.put("pbs", part(l.pbs(), "lba " + (prepLba - 1) + " (9fat boot sector, BPB written over bytes 3-61)"));
        parts.put("prep", part(prepSector, "lba " + prepLba));
        parts.put("9bootfat", part(l.nineBootFat(), "9fat:/9bootfat"));
        parts.put("plan9.ini", part(plan9ini.getBytes(StandardCharsets.US_ASCII), "9fat:/plan9.ini"));
        parts.put(spec.kernelName(), part(kernel, "9fat:/" + spec.kernelName()));
        Map<String, ImageManifest.ModelHints> hints = new LinkedHashMap<>();
        for (ModelHint h : spec.models()) hints.put(h.model(), hint(h, spec));
        spec.fatFiles().forEach((name, b) -> parts.put(name, part(b, "9fat:/" + name)));
        return new ImageManifest(image, spec.arch(), spec.base() != null ? "base" : spec.fs().id(), plan9ini, parts, layout,
                hints, spec.root(), spec.epoch(), null, spec.base() == null ? null : spec.base().getFileName().toString());
    }

    private static ImageManifest.Part part(byte[] b, String where) {
        return new ImageManifest.Part(where, b.length, Sha256.of(b));
    }

    private static ImageManifest.ModelHints hint(ModelHint h, DiskImageSpec spec) {
        String dev = "/dev/" + h.disk9();
        boolean efi = spec.fatFiles().keySet().stream().anyMatch(n -> n.toLowerCase(java.util.Locale.ROOT).startsWith("efi/"));
        boolean bootable = !h.uefi() || efi;
        String note = bootable ? null : "this image boots through BIOS/MBR only; it has no EFI loader";
        String part = spec.fs().bootPart;
        String bootargs = spec.fs().bootargs(h.disk9());
        String expect = spec.fs() == RootFs.NONE
                ? "plan9rc stays rootless ('plan9rc: no root: staying rootless') and starts the admin shell, 'admin% '"
                : h.disk9().equals("sdC0") || spec.fs() != RootFs.CWFS
                ? "plan9rc attaches the root ('plan9rc: root is local!" + dev + "/" + part + "') and starts the admin shell; 'rerootwin boot' gives a shell on the root"
                        + (h.disk9().equals("sdC0") ? "" : " (plan9.ini names sdC0: plan9rc finds the partition by its name on " + h.disk9() + ")")
                // cwfs's configuration names its disks: plan9rc does not move it to another
                : "plan9.ini names sdC0, so plan9rc stays rootless: in the admin shell, 'plan9rc root " + bootargs + "'";
        return new ImageManifest.ModelHints(h.disk9(), bootable, note,
                dev + "/9fat", dev + "/nvram", dev + "/" + part, bootargs, expect);
    }
}
