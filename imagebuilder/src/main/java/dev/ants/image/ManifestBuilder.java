package dev.ants.image;

import dev.ants.core.Sha256;
import dev.ants.core.manifest.ImageManifest;
import dev.ants.image.disk.DiskLayout;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Assembles an image's {@link ImageManifest} from what the builder wrote. */
final class ManifestBuilder {
    private ManifestBuilder() {
    }

    static ImageManifest build(DiskImageSpec spec, DiskLayout layout, String plan9ini, byte[] kernel,
                               byte[] prepSector, ImageManifest.Image image) {
        Map<String, ImageManifest.Part> parts = new LinkedHashMap<>();
        BootLoaders l = spec.loaders();
        parts.put("mbr", part(l.mbr(), "lba 0 (code area, 446 bytes)"));
        parts.put("pbs", part(l.pbs(), "lba " + DiskLayout.PARTITION_LBA + " (9fat boot sector, BPB written over bytes 3-61)"));
        parts.put("prep", part(prepSector, "lba " + layout.prepTableLba()));
        parts.put("9bootfat", part(l.nineBootFat(), "9fat:/9bootfat"));
        parts.put("plan9.ini", part(plan9ini.getBytes(StandardCharsets.US_ASCII), "9fat:/plan9.ini"));
        parts.put(spec.kernelName(), part(kernel, "9fat:/" + spec.kernelName()));
        Map<String, ImageManifest.ModelHints> hints = new LinkedHashMap<>();
        for (ModelHint h : spec.models()) hints.put(h.model(), hint(h));
        return new ImageManifest(image, spec.arch(), "none", plan9ini, parts, layout.describe(), hints);
    }

    private static ImageManifest.Part part(byte[] b, String where) {
        return new ImageManifest.Part(where, b.length, Sha256.of(b));
    }

    private static ImageManifest.ModelHints hint(ModelHint h) {
        String dev = "/dev/" + h.disk9();
        return new ImageManifest.ModelHints(h.disk9(), !h.uefi(),
                h.uefi() ? "this image boots through BIOS/MBR only; it has no EFI system partition" : null,
                dev + "/9fat", dev + "/nvram", dev + "/fs", "local!" + dev + "/fs",
                "the boot stops at 'bootargs is (tcp, tls, il, local!device)': --fs none leaves fs unformatted");
    }
}
