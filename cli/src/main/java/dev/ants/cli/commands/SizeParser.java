package dev.ants.cli.commands;

import dev.ants.core.AntsException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "512M", "2G", "4096" (bytes) to a byte count; anything that is not a sane disk size is bad input. */
final class SizeParser {
    /** Far beyond any disk ants makes, and far below where a long overflows. */
    static final long MAX = 1L << 50;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,16})([KMGT]?)(?:i?B)?", Pattern.CASE_INSENSITIVE);

    private SizeParser() {
    }

    static long bytes(String s, String option) {
        Matcher m = SIZE.matcher(s == null ? "" : s.trim());
        if (!m.matches()) {
            throw AntsException.badInput(option + " '" + s + "' is not a size", "use a number with K, M, G or T, e.g. 2G");
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toUpperCase()) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        if (n == 0 || n > (MAX >> shift)) {
            throw AntsException.badInput(option + " " + s + " is out of range", "use a size between 1 and 1024T, e.g. 2G");
        }
        return n << shift;
    }
}
