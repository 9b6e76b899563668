package dev.ants.image;

/**
 * The image file's format: a raw sector dump, qcow2 converted from it with qemu-img, or a hybrid ISO
 * (El Torito for BIOS and UEFI, an MBR for USB sticks) made with xorriso.
 */
public enum ImageFormat {
    RAW, QCOW2, ISO;

    public static ImageFormat parse(String s) {
        for (ImageFormat f : values()) if (f.id().equals(s)) return f;
        throw dev.ants.core.AntsException.badInput("--format " + s + " is unknown", "use raw, qcow2 or iso");
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
