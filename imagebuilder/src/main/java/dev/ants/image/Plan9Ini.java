package dev.ants.image;

import dev.ants.core.AntsException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 9fat's plan9.ini. {@code console=0} comes first because 9bootfat echoes lines to the serial
 * port only after it has parsed that line; {@code bootfile} names the kernel the image puts on 9fat.
 * Each {@code --set KEY=VALUE} replaces a line with the same key in place or is appended.
 */
public final class Plan9Ini {
    private Plan9Ini() {
    }

    public static String text(String kernelFile, List<String> settings) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("console", "0");
        lines.put("bootfile", kernelFile);
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0 || s.substring(0, eq).matches(".*\\s.*") || s.contains("\n") || s.contains("\r")) {
                throw AntsException.badInput("plan9.ini setting '" + s + "' is not KEY=VALUE on one line", "e.g. --set console=0");
            }
            String key = s.substring(0, eq);
            if (key.equals("bootfile")) {
                throw AntsException.badInput("--set bootfile=... is not allowed: the image boots the kernel it carries, "
                        + kernelFile, "leave bootfile out; pick the kernel with --arch");
            }
            lines.put(key, s.substring(eq + 1));
        }
        List<String> out = new ArrayList<>();
        lines.forEach((k, v) -> out.add(k + "=" + v));
        return String.join("\n", out) + "\n";
    }
}
