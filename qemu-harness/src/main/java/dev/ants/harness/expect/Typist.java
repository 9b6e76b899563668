package dev.ants.harness.expect;

import dev.ants.harness.console.Console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Types text into a guest the way a careful person would: line by line, in chunks, reading the echo.
 *
 * <p>9front's kbdfs hands each typed character to its line editor with a non-blocking send, so a
 * character that arrives while the editor is still echoing the one before is lost; under TCG, with the
 * guest busy, that happens. The echo shows it: a line whose echo is missing characters is erased
 * (^U) and typed again, and a newline that did not come back is typed again. A guest that echoes
 * nothing (a password prompt) is typed to blind, as before.
 */
final class Typist {
    /** How long the console must stay quiet after a newline before the next line is typed. */
    private static final Duration LINE_SETTLE = Duration.ofMillis(150);
    private static final int ATTEMPTS = 3;
    private static final String ERASE_LINE = "\u0015";

    private final Console console;
    private final ConsoleBuffer b;
    private final ConsoleSession.Options options;
    private final UnaryOperator<Duration> scaled;
    private int retyped;

    Typist(Console console, ConsoleBuffer b, ConsoleSession.Options options, UnaryOperator<Duration> scaled) {
        this.console = console;
        this.b = b;
        this.options = options;
        this.scaled = scaled;
    }

    void send(String text) throws IOException {
        console.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** How many lines or newlines had to be typed again. */
    int retyped() {
        return retyped;
    }

    void type(String text) throws IOException {
        for (int i = 0; i < text.length(); ) {
            int nl = text.indexOf('\n', i);
            int end = nl < 0 ? text.length() : nl + 1;
            String body = text.substring(i, nl < 0 ? end : nl);
            i = end;
            boolean echoed = body.isEmpty() || typeBody(body);
            if (nl < 0) return;
            typeNewline(echoed && !body.isEmpty());
            // 9front's console loses the first character typed after a newline that reaches it before
            // the reader (rc at a continuation line) reads again.
            if (i < text.length()) settle();
        }
    }

    /** Types one line without its newline; true when its whole echo came back. */
    private boolean typeBody(String body) throws IOException {
        String want = printable(body);
        for (int attempt = 1; ; attempt++) {
            long start = b.end();
            for (int i = 0; i < body.length(); i += options.paceChunk) {
                String chunk = body.substring(i, Math.min(body.length(), i + options.paceChunk));
                long mark = b.end();
                send(chunk);
                String p = printable(chunk);
                if (!p.isEmpty()) awaitEcho(mark, p);
            }
            int seen = echoedPrefix(b.textSince(start), want);
            if (seen == want.length()) return true;
            if (seen == 0 || attempt == ATTEMPTS) return false; // a guest that does not echo, or one beyond help
            retyped++;
            eraseLine();
        }
    }

    /** Sends the newline; when the line echoed, a newline whose echo is not the next output is sent again. */
    private void typeNewline(boolean check) throws IOException {
        long mark = b.end();
        send("\n");
        if (!check) return;
        Duration wait = scaled.apply(options.echoTimeout.multipliedBy(2));
        if (firstOutputIsLineEnd(mark, wait)) return;
        retyped++;
        send("\n");
    }

    private void eraseLine() throws IOException {
        long mark = b.end();
        send(ERASE_LINE);
        if (!awaitChar(mark, '\b', scaled.apply(options.echoTimeout))) send(ERASE_LINE); // ^U may be lost too
        settle();
    }

    /** Waits until the console has been quiet for the line settle time (at most the echo timeout). */
    private void settle() {
        awaitQuiet(scaled.apply(LINE_SETTLE), scaled.apply(options.echoTimeout));
    }

    private void awaitEcho(long mark, String p) {
        long deadline = System.nanoTime() + scaled.apply(options.echoTimeout).toNanos();
        synchronized (b) {
            while (!b.eof && b.fatal == null && echoedPrefix(b.textSince(mark), p) < p.length()) {
                if (!waitUntil(deadline)) return;
            }
        }
    }

    private boolean firstOutputIsLineEnd(long mark, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (b) {
            while (!b.eof && b.fatal == null) {
                String t = b.textSince(mark);
                if (!t.isEmpty()) return t.charAt(0) == '\r' || t.charAt(0) == '\n';
                if (!waitUntil(deadline)) return false;
            }
            return true; // the machine is gone or failing: the caller's wait reports it
        }
    }

    private boolean awaitChar(long mark, char c, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (b) {
            while (!b.eof && b.fatal == null) {
                if (b.textSince(mark).indexOf(c) >= 0) return true;
                if (!waitUntil(deadline)) return false;
            }
            return true;
        }
    }

    /** Waits until no output came for {@code quiet}, or {@code max} passed. */
    private void awaitQuiet(Duration quiet, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (b) {
            while (!b.eof && b.fatal == null) {
                long quietUntil = b.lastOutputNanos + quiet.toNanos();
                if (System.nanoTime() >= quietUntil) return;
                if (!waitUntil(Math.min(quietUntil, deadline)) && System.nanoTime() >= deadline) return;
            }
        }
    }

    /** One wait on the buffer (its lock held); false once {@code deadline} has passed. */
    private boolean waitUntil(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return false;
        try {
            b.wait(Math.max(1, left / 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String printable(String s) {
        StringBuilder p = new StringBuilder(s.length());
        s.chars().filter(c -> c >= 0x20 && c != 0x7f).forEach(c -> p.append((char) c));
        return p.toString();
    }

    /**
     * How many of {@code want}'s characters appear, in order, in {@code out}: the echo may be
     * interleaved with other output, but never reordered.
     */
    static int echoedPrefix(String out, String want) {
        int k = 0;
        for (int j = 0; j < out.length() && k < want.length(); j++) if (out.charAt(j) == want.charAt(k)) k++;
        return k;
    }
}
