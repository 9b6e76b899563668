package dev.ants.core.progress;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A live view on a terminal: finished steps scroll up as lines with their times, and below them a bar
 * for each step still running (the leaves of the tree, so parallel guests each get their own line),
 * redrawn in place at most ten times a second.
 */
public final class TerminalSink implements ProgressSink {
    private static final int WIDTH = 24;
    private static final int MAX_LIVE = 6;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final double WORTH_A_LINE_SECONDS = 1.0;

    private final PrintStream out;
    private final Set<Progress> active = new LinkedHashSet<>();
    private int liveLines;
    private long lastDraw;

    public TerminalSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void started(Progress p) {
        active.add(p);
        redraw(List.of(), true);
    }

    @Override
    public synchronized void advanced(Progress p) {
        redraw(List.of(), false);
    }

    @Override
    public synchronized void note(Progress p, String message) {
        redraw(List.of(message), true);
    }

    @Override
    public synchronized void finished(Progress p) {
        active.remove(p);
        boolean long_ = p.seconds() >= WORTH_A_LINE_SECONDS;
        String line = null;
        if (p.failed()) {
            if (long_) line = String.format("%s failed after %.1f s", p.path(), p.seconds());
        } else if (p.depth() == 1 || long_) {
            line = String.format("%s done in %.1f s", p.path(), p.seconds());
        }
        redraw(line == null ? List.of() : List.of(line), true);
    }

    private void redraw(List<String> lines, boolean force) {
        long now = System.nanoTime();
        if (!force && lines.isEmpty() && now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        StringBuilder b = new StringBuilder();
        if (liveLines > 0) b.append("\033[").append(liveLines).append("F");
        b.append("\033[J");
        for (String l : lines) b.append(l).append('\n');
        List<Progress> leaves = leaves();
        liveLines = Math.min(leaves.size(), MAX_LIVE);
        for (int i = 0; i < liveLines; i++) b.append(bar(leaves.get(i))).append('\n');
        out.print(b);
        out.flush();
    }

    /** Running steps with no running child: what is actually being worked on. */
    private List<Progress> leaves() {
        Set<Progress> parents = new LinkedHashSet<>();
        for (Progress p : active) if (p.parent() != null) parents.add(p.parent());
        List<Progress> r = new ArrayList<>();
        for (Progress p : active) if (!parents.contains(p) && p.depth() > 0) r.add(p);
        return r;
    }

    private static String bar(Progress p) {
        StringBuilder b = new StringBuilder(p.path());
        if (p.total() > 0) {
            int filled = (int) Math.min(WIDTH, p.done() * WIDTH / p.total());
            b.append(" [").append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                    .append(p.done()).append('/').append(p.total());
        }
        b.append(String.format(" %.0f s", p.seconds()));
        String item = p.item();
        if (!item.isEmpty()) b.append(' ').append(item.length() > 32 ? "…" + item.substring(item.length() - 31) : item);
        return b.length() > 118 ? b.substring(0, 117) + "…" : b.toString();
    }
}
