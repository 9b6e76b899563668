package dev.ants.harness.expect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a console printed, as {@link ConsoleSession} matches it: the text (trimmed to the last megabyte
 * or so, always keeping what the next wait still needs), the cursor where the next wait starts, the
 * failure patterns scanned over every new byte and their hits, and the output clock. Positions are
 * absolute offsets into the whole output. The buffer is its own lock: the session's waits hold it and
 * wait on it, the drain thread notifies it.
 */
final class ConsoleBuffer {
    private static final int KEEP_CONTEXT = 64 * 1024;
    private static final int TRIM_AT = 1024 * 1024;

    final long startNanos = System.nanoTime();
    private final StringBuilder buf = new StringBuilder();
    private long base;         // absolute offset of buf[0]
    private long cursor;       // absolute offset where the next expect starts
    private long failScan;     // absolute offset of the first line not yet fully scanned
    private final Map<FailurePattern, Long> reportedUpTo = new HashMap<>();
    final List<FailurePattern> patterns = new CopyOnWriteArrayList<>();
    final List<FailureHit> hits = new CopyOnWriteArrayList<>();
    FailureHit fatal;
    long lastOutputNanos = startNanos;
    long firstOutputNanos = -1;
    long bytesReceived;
    boolean eof;
    String eofReason = "the console closed";

    ConsoleBuffer(List<FailurePattern> initial) {
        patterns.addAll(initial);
    }

    /** New output ({@code n} raw bytes, {@code text} as matched) arrived at {@code now}. */
    synchronized void append(String text, int n, long now) {
        bytesReceived += n;
        if (firstOutputNanos < 0) firstOutputNanos = now;
        lastOutputNanos = now;
        buf.append(text);
        scanFailures(now);
        trim();
        notifyAll();
    }

    synchronized void end(String reason) {
        if (reason != null) eofReason = reason;
        eof = true;
        notifyAll();
    }

    /** Scans complete lines plus the current partial line; the partial line is scanned again when it grows. */
    private void scanFailures(long now) {
        int from = (int) (failScan - base);
        for (FailurePattern p : patterns) {
            Matcher m = p.pattern().matcher(buf);
            m.region(from, buf.length());
            long done = reportedUpTo.getOrDefault(p, 0L);
            while (m.find()) {
                long at = base + m.start();
                if (at < done) continue;
                done = base + m.end();
                FailureHit hit = new FailureHit(p.name(), p.severity(), lineAround(m.start()), (now - startNanos) / 1e9);
                hits.add(hit);
                if (p.severity() == Severity.FATAL && fatal == null) fatal = hit;
            }
            reportedUpTo.put(p, done);
        }
        int lastNl = buf.lastIndexOf("\n");
        if (lastNl >= from) failScan = base + lastNl + 1;
    }

    private String lineAround(int idx) {
        int s = buf.lastIndexOf("\n", idx) + 1;
        int e = buf.indexOf("\n", idx);
        return ConsoleSession.clean(buf.substring(s, e < 0 ? buf.length() : e));
    }

    private void trim() {
        if (buf.length() < TRIM_AT) return;
        long keepFrom = Math.min(cursor, failScan) - KEEP_CONTEXT;
        int drop = (int) Math.max(0, keepFrom - base);
        if (drop > 0) {
            buf.delete(0, drop);
            base += drop;
        }
    }

    /** The earliest match of any alternative after the cursor, which then moves past it; null if none yet. */
    synchronized Match tryMatch(List<Pattern> alternatives) {
        int from = (int) (cursor - base);
        Matcher best = null;
        int bestIdx = -1;
        for (int i = 0; i < alternatives.size(); i++) {
            Matcher m = alternatives.get(i).matcher(buf);
            m.region(from, buf.length());
            if (m.find() && (best == null || m.start() < best.start())) {
                best = m;
                bestIdx = i;
            }
        }
        if (best == null) return null;
        List<String> groups = new ArrayList<>();
        for (int g = 0; g <= best.groupCount(); g++) groups.add(best.group(g));
        String before = buf.substring(from, best.start());
        cursor = base + best.end();
        return new Match(bestIdx, best.group(), groups, before);
    }

    /** Watches {@code p} on output from now on. */
    synchronized void addPattern(FailurePattern p) {
        reportedUpTo.put(p, base + buf.length());
        patterns.add(p);
    }

    /** The absolute end of the output. */
    synchronized long end() {
        return base + buf.length();
    }

    synchronized String textSince(long mark) {
        return buf.substring((int) Math.max(0, Math.min(buf.length(), mark - base)));
    }

    synchronized void skipToEnd() {
        cursor = base + buf.length();
    }

    /** The last {@code n} non-empty lines, control characters removed. */
    List<String> lastLines(int n) {
        String tail;
        synchronized (this) {
            tail = buf.substring(Math.max(0, buf.length() - 16 * 1024));
        }
        List<String> out = new ArrayList<>();
        for (String l : tail.split("\n")) {
            String c = ConsoleSession.clean(l);
            if (!c.isBlank()) out.add(c);
        }
        return out.subList(Math.max(0, out.size() - n), out.size());
    }
}
