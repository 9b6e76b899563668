package dev.ants.flash.image;

import dev.ants.flash.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entries of {@code qemu-img map --output=json}: a flat array of objects with numbers and booleans
 * only. Read with two regular expressions rather than a JSON library, whose start-up cost (most of a
 * second on a busy host) would be a large part of a flash.
 */
record QemuImgMap(List<Entry> entries) {
    /** One extent; {@code offset} is -1 when the map gives none (compressed clusters, unallocated). */
    record Entry(Span span, int depth, boolean data, boolean zero, long offset) {
    }

    private static final Pattern OBJECT = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(true|false|-?\\d+)");

    static QemuImgMap parse(String text) {
        int at = text.indexOf('[');
        if (at < 0 || text.indexOf(']', at) < 0) throw new IllegalArgumentException("no JSON array");
        List<Entry> out = new ArrayList<>();
        Matcher o = OBJECT.matcher(text);
        o.region(at, text.length());
        while (o.find()) {
            long start = -1;
            long length = -1;
            long offset = -1;
            int depth = 0;
            boolean data = false;
            boolean zero = false;
            Matcher f = FIELD.matcher(o.group(1));
            while (f.find()) {
                String v = f.group(2);
                switch (f.group(1)) {
                    case "start" -> start = Long.parseLong(v);
                    case "length" -> length = Long.parseLong(v);
                    case "offset" -> offset = Long.parseLong(v);
                    case "depth" -> depth = Integer.parseInt(v);
                    case "data" -> data = v.equals("true");
                    case "zero" -> zero = v.equals("true");
                    default -> { }
                }
            }
            if (start < 0 || length < 0) throw new IllegalArgumentException("an entry without start or length: " + o.group());
            out.add(new Entry(new Span(start, length), depth, data, zero, offset));
        }
        return new QemuImgMap(out);
    }
}
