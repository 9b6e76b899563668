package dev.ants.harness.expect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailurePatternTest {

    private static List<String> hits(String line) {
        return FailurePattern.nineFront().stream().filter(p -> p.pattern().matcher(line).find()).map(FailurePattern::name).toList();
    }

    @Test
    void kernelPanicIsSeenWhereverTheLineHasIt() {
        assertEquals(List.of("9front kernel panic"), hits("panic: fault: 0x0"));
        assertEquals(List.of("9front kernel panic"), hits("cpu0: panic: kernel stack overflow"));
        assertEquals(List.of("9front kernel panic"), hits("term% panic: sched"));
    }

    @Test
    void aFileNamedPanicIsNoPanic() {
        assertEquals(List.of(), hits("/n/tools/mkext: can't make file /n/newfs/sys/man/9/panic: file does not exist"));
        assertEquals(List.of(), hits("ls: man.panic: not found"));
        assertEquals(List.of(), hits("dontpanic: ok"));
    }
}
