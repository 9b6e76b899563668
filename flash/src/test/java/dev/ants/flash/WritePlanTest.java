package dev.ants.flash;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WritePlanTest {
    static final long MIB = Span.MIB;

    @Test
    void extentsAreRoundedToMibAndMerged() {
        List<Span> r = Span.roundOut(List.of(new Span(5 * MIB + 512, 100), new Span(0, 4096), new Span(5 * MIB + 4096, 2 * MIB),
                new Span(9 * MIB, 10)), MIB, 10 * MIB - 100);
        assertEquals(List.of(new Span(0, MIB), new Span(5 * MIB, 3 * MIB), new Span(9 * MIB, MIB - 100)), r);
    }

    @Test
    void complementAndSplit() {
        List<Span> runs = List.of(new Span(0, MIB), new Span(5 * MIB, 3 * MIB));
        assertEquals(List.of(new Span(MIB, 4 * MIB), new Span(8 * MIB, 2 * MIB)), Span.complement(runs, 10 * MIB));
        assertEquals(List.of(List.of(new Span(0, MIB), new Span(5 * MIB, MIB)), List.of(new Span(6 * MIB, 2 * MIB))),
                Span.splitAt(runs, 6 * MIB));
    }

    @Test
    void headIsSeparateAndTheDevicesLastMibIsZeroed() {
        WritePlan p = WritePlan.of(List.of(new Span(0, 4096), new Span(512 * 1024, 2 * MIB), new Span(100 * MIB, 200 * MIB)),
                400 * MIB, 1000 * MIB, true);
        assertEquals(List.of(new Span(0, MIB)), p.headRuns());
        assertEquals(List.of(new Span(MIB, 2 * MIB), new Span(100 * MIB, 200 * MIB)), p.body());
        assertEquals(List.of(new Span(3 * MIB, 97 * MIB), new Span(300 * MIB, 100 * MIB), new Span(999 * MIB, MIB)), p.zero());
        assertEquals(203 * MIB, p.dataBytes());
        // pieces of at most 64 MiB, none crossing the head
        assertEquals(new Span(0, MIB), p.pieces().get(0));
        assertEquals(new Span(MIB, 2 * MIB), p.pieces().get(1));
        assertEquals(new Span(100 * MIB, 64 * MIB), p.pieces().get(2));
        assertEquals(new Span(292 * MIB, 8 * MIB), p.pieces().get(5));
        assertEquals(200 * MIB, Span.total(p.piecesIn(new Span(100 * MIB, 200 * MIB))));
    }

    @Test
    void anImageWithNoDataInItsHeadStillZeroesIt() {
        WritePlan p = WritePlan.of(List.of(new Span(8 * MIB, MIB)), 16 * MIB, 16 * MIB, true);
        assertEquals(List.of(), p.headRuns());
        assertEquals(new Span(0, MIB), p.head());
        assertEquals(List.of(new Span(MIB, 7 * MIB), new Span(9 * MIB, 7 * MIB)), p.zero());
    }
}
