package dev.ants.core.progress;

import java.io.PrintStream;

/** Plain lines for logs and CI: one per phase, and one per tenth of a phase's units. */
public final class PlainProgress implements ProgressListener {
    private final PrintStream out;
    private String phase = "";
    private long total;
    private long lastTenth;
    private long started;

    public PlainProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void phase(String name, long total) {
        this.phase = name;
        this.total = total;
        this.lastTenth = 0;
        this.started = System.nanoTime();
        out.println("ants: " + name + (total > 0 ? " (" + total + ")" : ""));
    }

    @Override
    public synchronized void advance(long done, String item) {
        if (total <= 0) return;
        long tenth = done * 10 / total;
        if (tenth != lastTenth) {
            lastTenth = tenth;
            out.println("ants: " + phase + " " + done + "/" + total);
        }
    }

    @Override
    public synchronized void note(String message) {
        out.println("ants: " + message);
    }

    @Override
    public synchronized void endPhase() {
        out.printf("ants: %s done in %.1f s%n", phase, (System.nanoTime() - started) / 1e9);
    }
}
