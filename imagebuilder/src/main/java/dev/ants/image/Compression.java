package dev.ants.image;

import dev.ants.core.AntsException;

import java.util.Locale;

/** {@code --compress}: none, or gzip, xz or zstd, each with the file extension its tools expect. */
public enum Compression {
    NONE(null), GZ(".gz"), XZ(".xz"), ZST(".zst");

    public final String extension;

    Compression(String extension) {
        this.extension = extension;
    }

    public static Compression parse(String s) {
        if (s == null || s.isEmpty()) return NONE;
        for (Compression c : values()) if (c.id().equalsIgnoreCase(s)) return c;
        throw AntsException.badInput("--compress " + s + " is unknown", "use gz, xz or zst");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
