package dev.ants.harness.expect;

import dev.ants.harness.console.Console;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The stream expect engine over one console.
 *
 * <p>A drain thread reads the console all the time (so the machine never blocks on a full serial
 * buffer), writes a timestamped transcript, appends to an in-memory buffer and scans every new byte for
 * the failure patterns. Waits match regexes against the buffer from the end of the previous match, within
 * and across lines, without needing a newline; every wait also watches the failure patterns and the
 * no-output watchdog. All durations given to this class are multiplied by the timeout scale.
 */
public final class ConsoleSession implements Closeable {
    /** Settings; durations are unscaled. */
    public static final class Options {
        public double timeoutScale = 1.0;
        /** No output for this long during a wait fails it; null disables the watchdog. */
        public Duration watchdog = Duration.ofSeconds(120);
        /** How long paced input waits for each chunk's echo before going on without it. */
        public Duration echoTimeout = Duration.ofSeconds(1);
        public int paceChunk = 32;
        public List<FailurePattern> failurePatterns = FailurePattern.defaults();
        /**
         * Remove terminal control sequences (colours, cursor queries such as busybox's ESC[6n after its
         * prompt) before matching, so `prompt$` and plain-text regexes see what a person sees.
         */
        public boolean stripTerminalControls = true;
        /** Raw copy of all console output (a terminal for `ants boot` without a scenario), or null. */
        public OutputStream mirror;
    }

    private final Console console;
    private final Options options;
    private final Transcript transcript;
    /** The output and its state; also the lock that waits hold. */
    private final ConsoleBuffer b;
    private final Typist typist;
    private final String token = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    private int commandSeq;
    private final Thread drain;
    private final ControlFilter controls = new ControlFilter();

    public ConsoleSession(Console console, Path transcriptFile, Options options) throws IOException {
        this.console = console;
        this.options = options;
        this.b = new ConsoleBuffer(options.failurePatterns);
        this.transcript = new Transcript(transcriptFile, b.startNanos);
        this.typist = new Typist(console, b, options, this::scaled);
        drain = new Thread(this::drainLoop, "ants-console-drain");
        drain.setDaemon(true);
        drain.start();
    }

    // ---- drain side ----

    private void drainLoop() {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        byte[] raw = new byte[8192];
        ByteBuffer in = ByteBuffer.allocate(8192 + 8);
        CharBuffer out = CharBuffer.allocate(8192 + 8);
        try {
            for (int n; (n = console.read(raw)) >= 0; ) {
                long now = System.nanoTime();
                if (options.mirror != null) {
                    options.mirror.write(raw, 0, n);
                    options.mirror.flush();
                }
                in.put(raw, 0, n).flip();
                dec.decode(in, out, false); // a multi-byte character split across reads waits in `in`
                in.compact();
                out.flip();
                String text = out.toString();
                out.clear();
                transcript.write(text, now);
                if (options.stripTerminalControls) text = controls.filter(text);
                b.append(text, n, now);
            }
            b.end(null);
        } catch (IOException e) {
            b.end("the console closed (" + e.getMessage() + ")");
        }
    }

    // ---- waiting side ----

    public Duration scaled(Duration d) {
        return Duration.ofMillis((long) (d.toMillis() * options.timeoutScale));
    }

    public Match expect(String regex, Duration timeout) {
        return expectAny(List.of(Pattern.compile(regex)), timeout, options.watchdog);
    }

    /**
     * Waits until one of the patterns matches the output after the previous match; the earliest match wins.
     * Throws {@link ExpectException} on timeout, a FATAL failure pattern, the watchdog, or a closed console.
     */
    public Match expectAny(List<Pattern> alternatives, Duration timeout, Duration watchdog) {
        long deadline = System.nanoTime() + scaled(timeout).toNanos();
        long watchdogNanos = watchdog == null ? Long.MAX_VALUE : scaled(watchdog).toNanos();
        synchronized (b) {
            while (true) {
                if (b.fatal != null) {
                    throw new ExpectException(ExpectException.Kind.FAILURE_PATTERN,
                            b.fatal.pattern() + " on the console: " + b.fatal.line());
                }
                Match m = b.tryMatch(alternatives);
                if (m != null) return m;
                long now = System.nanoTime();
                if (b.eof) throw new ExpectException(ExpectException.Kind.CONSOLE_CLOSED, b.eofReason);
                if (now >= deadline) {
                    throw new ExpectException(ExpectException.Kind.TIMEOUT, "no match for " + describe(alternatives)
                            + " within " + fmt(scaled(timeout)));
                }
                if (now - b.lastOutputNanos >= watchdogNanos) {
                    throw new ExpectException(ExpectException.Kind.WATCHDOG, "no console output for "
                            + fmt(Duration.ofNanos(now - b.lastOutputNanos)) + " (watchdog " + fmt(Duration.ofNanos(watchdogNanos))
                            + ") while waiting for " + describe(alternatives) + ": the machine seems to hang");
                }
                long waitNanos = Math.min(deadline, b.lastOutputNanos + watchdogNanos) - now;
                try {
                    b.wait(Math.max(1, Math.min(200, waitNanos / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ExpectException(ExpectException.Kind.CONSOLE_CLOSED, "interrupted");
                }
            }
        }
    }

    private static String describe(List<Pattern> ps) {
        return ps.size() == 1 ? "'" + ps.get(0).pattern() + "'"
                : ps.stream().map(p -> "'" + p.pattern() + "'").toList().toString();
    }

    private static String fmt(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    /** Lets time pass (a sleep step) while still failing at once on a FATAL pattern or a closed console. */
    public void hold(Duration d) {
        long deadline = System.nanoTime() + d.toNanos();
        synchronized (b) {
            while (true) {
                if (b.fatal != null) {
                    throw new ExpectException(ExpectException.Kind.FAILURE_PATTERN, b.fatal.pattern() + " on the console: " + b.fatal.line());
                }
                if (b.eof) throw new ExpectException(ExpectException.Kind.CONSOLE_CLOSED, b.eofReason);
                long left = deadline - System.nanoTime();
                if (left <= 0) return;
                try {
                    b.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ExpectException(ExpectException.Kind.CONSOLE_CLOSED, "interrupted");
                }
            }
        }
    }

    /** Waits until the console has printed anything at all; false if it stayed silent for {@code timeout}. */
    public boolean awaitFirstOutput(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (b) {
            while (b.firstOutputNanos < 0 && !b.eof) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                b.wait(Math.max(1, left / 1_000_000));
            }
            return b.firstOutputNanos >= 0;
        }
    }

    // ---- sending ----

    /** Raw bytes to the console, no pacing. */
    public void send(String text) throws IOException {
        typist.send(text);
    }

    /**
     * Types line by line, in chunks, each waiting for its echo, so a slow UART or guest never drops
     * keystrokes; a line whose echo shows lost characters is typed again (see {@link Typist}). A guest
     * that does not echo (a password prompt) only costs the echo timeout per chunk.
     */
    public void sendPaced(String text) throws IOException {
        typist.type(text);
    }

    /** How many lines (or their newlines) had to be typed again because the guest lost characters. */
    public int retyped() {
        return typist.retyped();
    }

    /**
     * Runs a shell command on the guest and returns its output and status. The command runs between two
     * markers the shell prints; the markers are written split by an empty quoted string ({@code AN''TS}),
     * so the echoed command line can never be mistaken for them. The command sits in a brace group; one
     * that may hold a comment or several lines gets the closing brace on a line of its own, so neither can
     * swallow the end marker. A plain one-liner stays on one line: each extra line costs a settle time.
     */
    public CommandResult run(String command, Shell shell, Duration timeout) throws IOException {
        int n = ++commandSeq;
        String id = token + "-" + n;
        String close = command.contains("#") || command.contains("\n") ? "\n}" : (shell == Shell.SH ? "; }" : " }");
        String line = "echo AN''TS-" + id + "-BEGIN; { " + command + close + "; echo AN''TS-" + id + "-END " + shell.statusVariable + "\n";
        long t0 = System.nanoTime();
        sendPaced(line);
        expectAny(List.of(Pattern.compile("ANTS-" + id + "-BEGIN\\r?\\n")), timeout, options.watchdog);
        Match end = expectAny(List.of(Pattern.compile("ANTS-" + id + "-END ?([^\\r\\n]*)\\r?\\n")), timeout, options.watchdog);
        String output = end.before().replace("\r", "");
        if (output.endsWith("\n")) output = output.substring(0, output.length() - 1);
        String status = end.group(1).trim();
        return new CommandResult(command, output, status, shell.success(status), (System.nanoTime() - t0) / 1_000_000);
    }

    // ---- positions ----

    /** The current end of the output, for {@link #textSince}. */
    public long mark() {
        return b.end();
    }

    /** The (filtered) output since {@code mark}, or what is left of it in memory. */
    public String textSince(long mark) {
        return b.textSince(mark);
    }

    /** The next wait matches only output from now on (e.g. after a snapshot was restored). */
    public void skipToEnd() {
        b.skipToEnd();
    }

    // ---- state for reports ----

    /** Watches {@code p} on the output from now on. */
    public void addFailurePattern(FailurePattern p) {
        b.addPattern(p);
    }

    public List<FailureHit> hits() {
        return List.copyOf(b.hits);
    }

    /** The last {@code n} non-empty console lines, control characters removed. */
    public List<String> lastLines(int n) {
        return b.lastLines(n);
    }

    static String clean(String s) {
        return s.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replaceAll("[\\x00-\\x08\\x0b-\\x1f\\x7f]", "");
    }

    /** Seconds from session start to the first console byte, or -1 if none came. */
    public double firstOutputSeconds() {
        synchronized (b) {
            return b.firstOutputNanos < 0 ? -1 : (b.firstOutputNanos - b.startNanos) / 1e9;
        }
    }

    public long bytesReceived() {
        synchronized (b) {
            return b.bytesReceived;
        }
    }

    public boolean closed() {
        synchronized (b) {
            return b.eof;
        }
    }

    public Options options() {
        return options;
    }

    @Override
    public void close() throws IOException {
        console.close();
        try {
            drain.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transcript.close();
    }
}
