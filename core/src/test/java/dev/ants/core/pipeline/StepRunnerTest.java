package dev.ants.core.pipeline;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.core.progress.Progress;
import dev.ants.core.progress.ProgressSink;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class StepRunnerTest {
    /** Records events so the test can see the runner gave each step its own node. */
    static final class Recorder implements ProgressSink {
        final List<String> events = new ArrayList<>();
        @Override public void started(Progress p) { events.add("start " + p.path()); }
        @Override public void advanced(Progress p) { events.add("advance " + p.done()); }
        @Override public void note(Progress p, String message) { events.add("note " + message); }
        @Override public void finished(Progress p) { events.add("end " + p.path()); }
    }

    interface Body<T> {
        T run(Progress p) throws Exception;
    }

    static <T> Step<T> step(String name, Body<T> body) {
        return new Step<>() {
            @Override public String description() { return name; }
            @Override public T run(Progress p) throws Exception { return body.run(p); }
        };
    }

    @Test
    void runsStepsInOrderEachUnderItsOwnNode() {
        Recorder r = new Recorder();
        StepRunner runner = new StepRunner(Progress.root(r, "ants"));
        int a = runner.run(step("first", p -> { p.advance(1, "x"); return 1; }));
        int b = runner.run(step("second", p -> a + 1));
        assertEquals(2, b);
        assertEquals(List.of("start first", "advance 1", "end first", "start second", "end second"), r.events);
    }

    @Test
    void ioFailureBecomesEnvironmentErrorNamingTheStep() {
        StepRunner runner = new StepRunner(Progress.SILENT);
        AntsException e = assertThrows(AntsException.class,
                () -> runner.run(step("write image", p -> { throw new IOException("No space left on device"); })));
        assertEquals(ExitCode.ENVIRONMENT, e.exitCode());
        assertTrue(e.getMessage().startsWith("write image: "), e.getMessage());
        assertTrue(e.getMessage().contains("No space left"), e.getMessage());
    }

    @Test
    void antsExceptionsPassThroughUnchanged() {
        AntsException bad = AntsException.badInput("x", "y");
        StepRunner runner = new StepRunner(Progress.SILENT);
        assertSame(bad, assertThrows(AntsException.class, () -> runner.run(step("s", p -> { throw bad; }))));
    }

    @Test
    void interruptionIsExitCode130() {
        StepRunner runner = new StepRunner(Progress.SILENT);
        AntsException e = assertThrows(AntsException.class,
                () -> runner.run(step("boot", p -> { throw new InterruptedException(); })));
        assertEquals(ExitCode.INTERRUPTED, e.exitCode());
        assertTrue(Thread.interrupted(), "interrupt status restored");
    }

    @Test
    void aFullDiskIsNamedAsSuchAndAMissingFileSaysWhatHappenedToIt() {
        StepRunner runner = new StepRunner(Progress.SILENT);
        AntsException full = assertThrows(AntsException.class, () -> runner.run(step("build libraries",
                p -> { throw new java.nio.file.FileSystemException("/cache/libc.a", null, "No space left on device"); })));
        assertTrue(full.getMessage().contains("no space left on device"), full.getMessage());
        assertTrue(full.hint().contains("disk is full"), full.hint());
        AntsException missing = assertThrows(AntsException.class, () -> runner.run(step("stage",
                p -> { throw new java.nio.file.NoSuchFileException("/x/libc"); })));
        assertEquals("stage: no such file or directory: /x/libc", missing.getMessage());
    }
}
