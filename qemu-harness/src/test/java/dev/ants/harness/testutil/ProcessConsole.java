package dev.ants.harness.testutil;

import dev.ants.harness.console.Console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** A host process (a real sh or rc) as a console: its stdin is the keyboard, its stdout+stderr the screen. */
public final class ProcessConsole implements Console {
    private final Process p;
    private final InputStream in;
    private final OutputStream out;

    public ProcessConsole(List<String> command) throws IOException {
        p = new ProcessBuilder(command).redirectErrorStream(true).start();
        in = p.getInputStream();
        out = p.getOutputStream();
    }

    @Override
    public int read(byte[] buf) throws IOException {
        return in.read(buf);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
        out.write(bytes, off, len);
        out.flush();
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
