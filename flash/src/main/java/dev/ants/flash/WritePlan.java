package dev.ants.flash;

import java.util.ArrayList;
import java.util.List;

/**
 * What a flash writes where, decided before the device is touched.
 *
 * <ul>
 *   <li>{@code runs}: the image's data extents rounded out to whole MiB and merged (dd seeks in MiB);</li>
 *   <li>{@code head}: the image's first MiB. It is zeroed on the device first and written last, so an
 *       interrupted flash leaves a disk with no partition table or boot code, not a half image that boots;</li>
 *   <li>{@code zero}: every other range of the image, plus the device's last MiB beyond the image (a
 *       stale backup GPT there confuses firmware and operating systems), made to read back as zeros;</li>
 *   <li>{@code pieces}: the runs cut into verification pieces of at most {@link #PIECE} bytes, each
 *       hashed on both sides.</li>
 * </ul>
 */
public record WritePlan(long imageSize, List<Span> runs, Span head, List<Span> zero, List<Span> pieces) {
    public static final long PIECE = 64 * Span.MIB;

    public static WritePlan of(List<Span> data, long imageSize, long deviceSize, boolean blockDevice) {
        List<Span> runs = Span.roundOut(data, Span.MIB, imageSize);
        Span head = new Span(0, Math.min(Span.MIB, imageSize));
        List<Span> zero = new ArrayList<>(Span.splitAt(Span.complement(runs, imageSize), head.end()).get(1));
        if (blockDevice && deviceSize > imageSize) {
            long from = Math.max(imageSize, deviceSize - Span.MIB);
            zero.add(new Span(from, deviceSize - from));
        }
        List<Span> pieces = new ArrayList<>();
        // cut at the head too, so that each piece lies inside one write
        for (Span r : Span.splitAt(runs, head.end()).stream().flatMap(List::stream).toList()) {
            for (long at = r.offset(); at < r.end(); at += PIECE) pieces.add(new Span(at, Math.min(PIECE, r.end() - at)));
        }
        return new WritePlan(imageSize, runs, head, zero, pieces);
    }

    /** The runs, or parts of them, outside the head: written first. */
    public List<Span> body() {
        return Span.splitAt(runs, head.end()).get(1);
    }

    /** The part of the runs inside the head: written last (empty when the image's first MiB is all zeros). */
    public List<Span> headRuns() {
        return Span.splitAt(runs, head.end()).get(0);
    }

    public long dataBytes() {
        return Span.total(runs);
    }

    /** The pieces inside a written span, in order. */
    public List<Span> piecesIn(Span s) {
        return pieces.stream().filter(p -> p.offset() >= s.offset() && p.end() <= s.end()).toList();
    }
}
