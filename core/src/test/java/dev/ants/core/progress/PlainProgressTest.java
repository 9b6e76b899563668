package dev.ants.core.progress;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.*;

class PlainProgressTest {
    @Test
    void printsAtMostOneLinePerTenthOfAPhase() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        PlainProgress p = new PlainProgress(new PrintStream(b, true));
        p.phase("build libraries", 1000);
        for (int i = 1; i <= 1000; i++) p.advance(i, "obj" + i);
        p.endPhase();
        String[] lines = b.toString().split("\n");
        assertEquals("ants: build libraries (1000)", lines[0]);
        assertEquals(12, lines.length, b.toString()); // header, 10 tenths + the final 1000/1000, end line
        assertTrue(lines[lines.length - 1].matches("ants: build libraries done in \\d+\\.\\d s"), lines[lines.length - 1]);
        assertFalse(b.toString().contains("\r"), "no carriage returns in CI output");
    }
}
