package dev.ants.flash;

import java.util.Locale;

/** Byte counts for people: 512.0 MiB, 1.9 GiB. */
public final class Sizes {
    private Sizes() {
    }

    public static String human(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
