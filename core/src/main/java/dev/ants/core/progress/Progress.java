package dev.ants.core.progress;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One node of the progress tree, after Jib's {@code ProgressEventDispatcher}: every step gets a
 * {@link #child} of its parent's node, with its own name, clock and units, and {@link #close}s it when
 * done. A {@link ProgressSink} decides what to show: a live bar on a terminal, finished lines in CI.
 * Nodes are thread-safe, so steps running in parallel (guests under --jobs) each report on their own.
 */
public final class Progress implements AutoCloseable {
    /** Shows nothing; for tests and library callers that want no output. */
    public static final Progress SILENT = root(ProgressSink.NONE, "");

    private final ProgressSink sink;
    private final Progress parent;
    private final String name;
    private final int depth;
    private final long started = System.nanoTime();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean failed;
    private volatile long total;
    private volatile long done;
    private volatile String item = "";
    private volatile long ended;

    private Progress(ProgressSink sink, Progress parent, String name, long total) {
        this.sink = sink;
        this.parent = parent;
        this.name = name;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.total = total;
    }

    /** The root of a tree, usually named after the command ("ants kernel"); it is never shown as a step. */
    public static Progress root(ProgressSink sink, String name) {
        return new Progress(sink, null, name, 0);
    }

    public Progress child(String name) {
        return child(name, 0);
    }

    /** A sub-step, started now; {@code total} is its expected unit count, or 0 when unknown. */
    public Progress child(String name, long total) {
        Progress c = new Progress(sink, this, name, total);
        sink.started(c);
        return c;
    }

    /** Announces the unit count once it is known. */
    public void total(long units) {
        this.total = units;
        sink.advanced(this);
    }

    /** {@code done} units are finished; {@code item} names the last one (may be empty). */
    public void advance(long done, String item) {
        this.done = done;
        this.item = item == null ? "" : item;
        sink.advanced(this);
    }

    /** A line worth showing even in quiet output: a warning, a cache hit, a one-line result. */
    public void note(String message) {
        sink.note(this, message);
    }

    /** The step is ending with an error; call before {@link #close}, so sinks do not call it done. */
    public void fail() {
        failed = true;
    }

    public boolean failed() {
        return failed;
    }

    /** The step finished; the first call counts, later ones do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        ended = System.nanoTime();
        sink.finished(this);
    }

    public String name() {
        return name;
    }

    public Progress parent() {
        return parent;
    }

    /** 0 for the root, 1 for a command's top-level steps, and so on. */
    public int depth() {
        return depth;
    }

    public long total() {
        return total;
    }

    public long done() {
        return done;
    }

    public String item() {
        return item;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Seconds since the step started, or its whole duration once closed. */
    public double seconds() {
        long end = closed.get() ? ended : System.nanoTime();
        return (end - started) / 1e9;
    }

    /** The names from the first step below the root down to this one, joined by " › ". */
    public String path() {
        if (parent == null || parent.parent == null) return name;
        return parent.path() + " › " + name;
    }

    @Override
    public String toString() {
        return path();
    }
}
