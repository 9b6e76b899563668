package dev.ants.core.progress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.*;

class PlainProgressTest {
    @Test
    void quickPhasesTakeOneLine() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        PlainProgress p = new PlainProgress(new PrintStream(b, true));
        p.phase("build libraries", 1000);
        for (int i = 1; i <= 1000; i++) p.advance(i, "obj" + i);
        p.endPhase();
        assertEquals("ants: build libraries (1000)\n", b.toString());
    }

    @Test
    void countsAreThrottledAndHaveNoCarriageReturns() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        PlainProgress p = new PlainProgress(new PrintStream(b, true), 20_000_000L);
        p.phase("copy tree", 3);
        p.advance(1, "a");
        Thread.sleep(30);
        p.advance(2, "b");
        p.advance(3, "c");
        String[] lines = b.toString().split("\n");
        assertArrayEquals(new String[] {"ants: copy tree (3)", "ants: copy tree 2/3 b"}, lines);
        assertFalse(b.toString().contains("\r"));
    }
}
