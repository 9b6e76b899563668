package dev.ants.harness.testutil;

import dev.ants.harness.console.StreamConsole;

import java.io.IOException;
import java.util.List;

/** A host process (a real sh or rc) as a console: its stdin is the keyboard, its stdout+stderr the screen. */
public final class ProcessConsole extends StreamConsole {
    private final Process p;

    public ProcessConsole(List<String> command) throws IOException {
        this(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private ProcessConsole(Process p) {
        super(p.getInputStream(), p.getOutputStream());
        this.p = p;
    }

    @Override
    public String describe() {
        return "process " + p.pid();
    }

    @Override
    public void close() {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
