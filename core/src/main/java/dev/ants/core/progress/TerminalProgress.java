package dev.ants.core.progress;

import java.io.PrintStream;

/** A one-line bar redrawn in place with carriage returns; used only when stderr is a terminal. */
public final class TerminalProgress implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private String phase = "";
    private long total;
    private long started;

    public TerminalProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void phase(String name, long total) {
        this.phase = name;
        this.total = total;
        this.started = System.nanoTime();
        draw(0, "");
    }

    @Override
    public synchronized void advance(long done, String item) {
        draw(done, item);
    }

    @Override
    public synchronized void note(String message) {
        out.print("\r\033[K" + message + "\n");
    }

    @Override
    public synchronized void endPhase() {
        out.printf("\r\033[K%s done in %.1f s%n", phase, (System.nanoTime() - started) / 1e9);
    }

    private void draw(long done, String item) {
        StringBuilder b = new StringBuilder("\r\033[K").append(phase);
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, done * WIDTH / total);
            b.append(" [").append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                    .append(done).append('/').append(total);
        }
        if (!item.isEmpty()) {
            b.append(' ').append(item.length() > 40 ? "…" + item.substring(item.length() - 39) : item);
        }
        out.print(b);
        out.flush();
    }
}
