package dev.ants.image;

import dev.ants.core.Sha256;
import dev.ants.image.disk.DiskLayout;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * FILE.json: what the image is made of (sha256 of every part and of the image), where each part sits,
 * the plan9.ini text, and per hardware model the device names 9front will use for the disk.
 */
final class ImageManifest {
    private ImageManifest() {
    }

    static Map<String, Object> build(DiskImageSpec spec, DiskLayout layout, String plan9ini, byte[] kernel,
                                     byte[] prepSector, Map<String, Object> image) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image", image);
        m.put("arch", spec.arch());
        m.put("fs", "none");
        m.put("plan9ini", plan9ini);
        Map<String, Object> parts = new LinkedHashMap<>();
        BootLoaders l = spec.loaders();
        parts.put("mbr", part(l.mbr(), "lba 0 (code area, 446 bytes)"));
        parts.put("pbs", part(l.pbs(), "lba " + DiskLayout.PARTITION_LBA + " (9fat boot sector, BPB written over bytes 3-61)"));
        parts.put("prep", part(prepSector, "lba " + layout.prepTableLba()));
        parts.put("9bootfat", part(l.nineBootFat(), "9fat:/9bootfat"));
        parts.put("plan9.ini", part(plan9ini.getBytes(java.nio.charset.StandardCharsets.US_ASCII), "9fat:/plan9.ini"));
        parts.put(spec.kernelName(), part(kernel, "9fat:/" + spec.kernelName()));
        m.put("parts", parts);
        m.put("layout", layout.describe());
        Map<String, Object> hints = new LinkedHashMap<>();
        for (ModelHint h : spec.models()) hints.put(h.model(), hint(h));
        m.put("hints", hints);
        return m;
    }

    private static Map<String, Object> part(byte[] b, String where) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("where", where);
        p.put("bytes", b.length);
        p.put("sha256", Sha256.of(b));
        return p;
    }

    private static Map<String, Object> hint(ModelHint h) {
        Map<String, Object> m = new LinkedHashMap<>();
        String dev = "/dev/" + h.disk9();
        m.put("disk", h.disk9());
        m.put("bootable", !h.uefi());
        if (h.uefi()) m.put("note", "this image boots through BIOS/MBR only; it has no EFI system partition");
        m.put("nineFat", dev + "/9fat");
        m.put("nvram", dev + "/nvram");
        m.put("fs", dev + "/fs");
        m.put("bootargs", "local!" + dev + "/fs");
        m.put("expect", "the boot stops at 'bootargs is (tcp, tls, il, local!device)': --fs none leaves fs unformatted");
        return m;
    }
}
