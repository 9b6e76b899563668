package dev.ants.cli.commands;

import dev.ants.core.AntsException;

/** "512M", "2G", "4096" (bytes) to a byte count. */
final class SizeParser {
    private SizeParser() {
    }

    static long bytes(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([KMGT]?)i?B?", java.util.regex.Pattern.CASE_INSENSITIVE).matcher(s.trim());
        if (!m.matches()) {
            throw AntsException.badInput("size '" + s + "' is not understood", "use a number with K, M, G or T, e.g. 2G");
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toUpperCase()) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        return n << shift;
    }
}
