package dev.ants.core.pipeline;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.progress.ProgressListener;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class StepRunnerTest {
    /** Records phases so the test can see the runner reported each step. */
    static final class Recorder implements ProgressListener {
        final List<String> events = new ArrayList<>();
        @Override public void phase(String name, long total) { events.add("phase " + name); }
        @Override public void advance(long done, String item) { events.add("advance " + done); }
        @Override public void note(String message) { events.add("note " + message); }
        @Override public void endPhase() { events.add("end"); }
    }

    interface Body<T> {
        T run(ProgressListener p) throws Exception;
    }

    static <T> Step<T> step(String name, Body<T> body) {
        return new Step<>() {
            @Override public String description() { return name; }
            @Override public T run(ProgressListener p) throws Exception { return body.run(p); }
        };
    }

    @Test
    void runsStepsInOrderAndReportsEachAsAPhase() {
        Recorder r = new Recorder();
        StepRunner runner = new StepRunner(r);
        int a = runner.run(step("first", p -> { p.advance(1, "x"); return 1; }));
        int b = runner.run(step("second", p -> a + 1));
        assertEquals(2, b);
        assertEquals(List.of("phase first", "advance 1", "end", "phase second", "end"), r.events);
    }

    @Test
    void ioFailureBecomesEnvironmentErrorNamingTheStep() {
        StepRunner runner = new StepRunner(ProgressListener.SILENT);
        AntsException e = assertThrows(AntsException.class,
                () -> runner.run(step("write image", p -> { throw new IOException("No space left on device"); })));
        assertEquals(ExitCode.ENVIRONMENT, e.exitCode());
        assertTrue(e.getMessage().startsWith("write image: "), e.getMessage());
        assertTrue(e.getMessage().contains("No space left"), e.getMessage());
    }

    @Test
    void antsExceptionsPassThroughUnchanged() {
        AntsException bad = AntsException.badInput("x", "y");
        StepRunner runner = new StepRunner(ProgressListener.SILENT);
        assertSame(bad, assertThrows(AntsException.class, () -> runner.run(step("s", p -> { throw bad; }))));
    }

    @Test
    void interruptionIsExitCode130() {
        StepRunner runner = new StepRunner(ProgressListener.SILENT);
        AntsException e = assertThrows(AntsException.class,
                () -> runner.run(step("boot", p -> { throw new InterruptedException(); })));
        assertEquals(ExitCode.INTERRUPTED, e.exitCode());
        assertTrue(Thread.interrupted(), "interrupt status restored");
    }
}
