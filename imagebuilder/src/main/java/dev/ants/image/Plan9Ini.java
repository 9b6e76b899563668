package dev.ants.image;

import dev.ants.core.AntsException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The 9fat's plan9.ini: the defaults from {@code plan9ini.yaml} (one place, so a default such as
 * {@code bootcmd=plan9rc} is a one-line change), then each {@code --set KEY=VALUE}, which replaces a
 * line with the same key in place or is appended.
 */
public final class Plan9Ini {
    /** Names as plan9.ini uses them: console, bootargs, *acpi, ether0, usb.ohci.0 ... */
    private static final Pattern KEY = Pattern.compile("\\*?[A-Za-z][A-Za-z0-9_.-]{0,31}");
    /** 9boot and the kernel keep each line in a small buffer, and the whole file in about 4 KiB. */
    static final int MAX_VALUE = 200;
    static final int MAX_TEXT = 3500;
    private static final Defaults DEFAULTS = Defaults.load();

    private Plan9Ini() {
    }

    /** plan9.ini of a rootless image. */
    public static String text(String kernelFile, List<String> settings) {
        return text(kernelFile, RootFs.NONE, settings);
    }

    /** @param root the image's root file system; NONE or null for a rootless image */
    public static String text(String kernelFile, RootFs root, List<String> settings) {
        Map<String, String> lines = new LinkedHashMap<>();
        DEFAULTS.all().forEach((k, v) -> lines.put(k, v.replace("${kernel}", kernelFile)));
        if (root != null && root != RootFs.NONE) {
            DEFAULTS.root().forEach((k, v) -> lines.put(k, v.replace("${part}", root.bootPart).replace("${flags}", root.bootFlags)));
        }
        for (String s : settings) {
            String[] kv = parse(s);
            if (kv[0].equals("bootfile")) {
                throw AntsException.badInput("--set bootfile=... is not allowed: the image boots the kernel it carries, "
                        + kernelFile, "leave bootfile out; pick the kernel with --arch");
            }
            lines.put(kv[0], kv[1]);
        }
        List<String> out = new ArrayList<>();
        lines.forEach((k, v) -> out.add(k + "=" + v));
        String text = String.join("\n", out) + "\n";
        if (text.length() > MAX_TEXT) {
            throw AntsException.badInput("plan9.ini would be " + text.length() + " bytes; 9boot reads about 4 KiB",
                    "set fewer or shorter --set values");
        }
        return text;
    }

    /** The defaults file: lines of every image, and lines added for images with a root. */
    record Defaults(Map<String, String> all, Map<String, String> root) {
        static Defaults load() {
            try (java.io.InputStream in = Plan9Ini.class.getResourceAsStream("plan9ini.yaml")) {
                if (in == null) throw new IllegalStateException("plan9ini.yaml is missing from the ants jar");
                Defaults d = dev.ants.core.Json.YAML.readValue(in, Defaults.class);
                return new Defaults(new LinkedHashMap<>(d.all()), d.root() == null ? Map.of() : new LinkedHashMap<>(d.root()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read plan9ini.yaml", e);
            }
        }
    }

    /**
     * One {@code KEY=VALUE} setting as {key, value}; anything 9boot would misread (a section header, a
     * comment, an empty or over-long value, control characters) is bad input.
     */
    public static String[] parse(String s) {
        String fix = "use KEY=VALUE with a plan9.ini name (letters, digits, _ . -, optionally starting with *) "
                + "and a printable value of at most " + MAX_VALUE + " characters, e.g. --set console=0";
        int eq = s == null ? -1 : s.indexOf('=');
        if (eq <= 0) throw AntsException.badInput("plan9.ini setting '" + printable(s) + "' is not KEY=VALUE", fix);
        String key = s.substring(0, eq);
        String value = s.substring(eq + 1);
        if (!KEY.matcher(key).matches()) {
            throw AntsException.badInput("plan9.ini setting '" + printable(s) + "': '" + printable(key) + "' is not a plan9.ini name", fix);
        }
        if (value.isEmpty()) throw AntsException.badInput("plan9.ini setting '" + key + "=' has no value", fix);
        if (value.length() > MAX_VALUE) {
            throw AntsException.badInput("plan9.ini setting " + key + " has a " + value.length() + "-character value", fix);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                throw AntsException.badInput("plan9.ini setting " + key + " has a control character in its value", fix);
            }
        }
        return new String[] {key, value};
    }

    /** The input as one printable line for an error message. */
    private static String printable(String s) {
        if (s == null) return "";
        String p = s.replaceAll("\\p{Cntrl}", "?");
        return p.length() > 60 ? p.substring(0, 60) + "…" : p;
    }
}
