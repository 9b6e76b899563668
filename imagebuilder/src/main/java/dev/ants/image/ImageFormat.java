package dev.ants.image;

/** The image file's format: a raw sector dump, or qcow2 converted from it with qemu-img. */
public enum ImageFormat {
    RAW, QCOW2;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
