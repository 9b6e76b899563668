package dev.ants.flash;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A byte range [offset, offset+length) of an image or a device. */
public record Span(long offset, long length) {
    public static final long MIB = 1L << 20;

    public Span {
        if (offset < 0 || length < 0) throw new IllegalArgumentException("bad span " + offset + "+" + length);
    }

    public long end() {
        return offset + length;
    }

    /**
     * Rounds every span out to {@code align} (clipped to {@code limit}) and merges those that touch or
     * overlap: fewer, aligned runs that dd can seek to in whole blocks. What the rounding adds is image
     * content too (zeros between extents), so writing it is always correct.
     */
    public static List<Span> roundOut(List<Span> spans, long align, long limit) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingLong(Span::offset));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            if (s.length == 0) continue;
            long start = s.offset / align * align;
            long end = Math.min(limit, (s.end() + align - 1) / align * align);
            if (end <= start) continue;
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && start <= last.end()) {
                out.set(out.size() - 1, new Span(last.offset, Math.max(last.end(), end) - last.offset));
            } else {
                out.add(new Span(start, end - start));
            }
        }
        return out;
    }

    /** The parts of [0, size) that no span of the sorted, disjoint {@code spans} covers. */
    public static List<Span> complement(List<Span> spans, long size) {
        List<Span> out = new ArrayList<>();
        long at = 0;
        for (Span s : spans) {
            if (s.offset > at) out.add(new Span(at, s.offset - at));
            at = Math.max(at, s.end());
        }
        if (at < size) out.add(new Span(at, size - at));
        return out;
    }

    /** Cuts the sorted spans at {@code at}: those below it (first) and those at or above it (second). */
    public static List<List<Span>> splitAt(List<Span> spans, long at) {
        List<Span> below = new ArrayList<>();
        List<Span> above = new ArrayList<>();
        for (Span s : spans) {
            if (s.end() <= at) {
                below.add(s);
            } else if (s.offset >= at) {
                above.add(s);
            } else {
                below.add(new Span(s.offset, at - s.offset));
                above.add(new Span(at, s.end() - at));
            }
        }
        return List.of(below, above);
    }

    public static long total(List<Span> spans) {
        return spans.stream().mapToLong(Span::length).sum();
    }

    @Override
    public String toString() {
        return offset + "+" + length;
    }
}
