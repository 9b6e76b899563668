package dev.ants.image;

/** The image file's format: a raw sector dump, or qcow2 converted from it with qemu-img. */
public enum ImageFormat {
    RAW, QCOW2;

    public static ImageFormat parse(String s) {
        for (ImageFormat f : values()) if (f.id().equals(s)) return f;
        throw dev.ants.core.AntsException.badInput("--format " + s + " is unknown", "use raw or qcow2");
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
