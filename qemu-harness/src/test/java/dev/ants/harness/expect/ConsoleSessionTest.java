package dev.ants.harness.expect;

import dev.ants.harness.testutil.FakeConsole;
import dev.ants.harness.testutil.ProcessConsole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ConsoleSessionTest {
    private static ConsoleSession.Options opts() {
        ConsoleSession.Options o = new ConsoleSession.Options();
        o.watchdog = null;
        o.echoTimeout = Duration.ofMillis(100); // the host shells here do not echo
        return o;
    }

    @Test
    void matchesPromptWithoutNewlineAcrossChunksAndFromLastMatch(@TempDir Path dir) throws Exception {
        FakeConsole c = new FakeConsole();
        try (ConsoleSession s = new ConsoleSession(c, dir.resolve("t.log"), opts())) {
            c.emit("bootargs is (tcp, tls, il, local!dev");
            c.emit("ice)[local!/dev/sdF0/fs] ");
            Match m = s.expect("bootargs is \\(.*\\)\\[([^]]*)\\] $", Duration.ofSeconds(5));
            assertEquals("local!/dev/sdF0/fs", m.group(1));
            c.emit("user[glenda]: ");
            s.expect("user\\[glenda\\]: ", Duration.ofSeconds(5));
            // the earlier text is consumed: expecting it again times out
            ExpectException e = assertThrows(ExpectException.class, () -> s.expect("bootargs", Duration.ofMillis(300)));
            assertEquals(ExpectException.Kind.TIMEOUT, e.kind());
        }
        String t = Files.readString(dir.resolve("t.log"));
        assertTrue(t.matches("(?s)\\[\\s*\\d+\\.\\d{3}\\] bootargs is.*"), t);
    }

    @Test
    void terminalControlSequencesAreInvisibleToMatching() throws Exception {
        FakeConsole c = new FakeConsole();
        try (ConsoleSession s = new ConsoleSession(c, null, opts())) {
            c.emit("\u001b[1;32mgreen\u001b[0m ok\r\nants# \u001b[6");
            c.emit("n");
            s.expect("green ok", Duration.ofSeconds(5));
            s.expect("ants# $", Duration.ofSeconds(5)); // busybox asks for the cursor position after its prompt
        }
    }

    @Test
    void regexSpansLinesAndUtf8SplitAcrossReads(@TempDir Path dir) throws Exception {
        FakeConsole c = new FakeConsole();
        try (ConsoleSession s = new ConsoleSession(c, null, opts())) {
            byte[] u = "größe\r\nnext".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            c.emit(java.util.Arrays.copyOfRange(u, 0, 3)); // splits the two-byte ö
            c.emit(java.util.Arrays.copyOfRange(u, 3, u.length));
            Match m = s.expect("(?s)größe.*next", Duration.ofSeconds(5));
            assertEquals("größe\r\nnext", m.text());
        }
    }

    @Test
    void fatalPatternFailsAWaitAtOnceNotAtItsTimeout() throws Exception {
        FakeConsole c = new FakeConsole();
        try (ConsoleSession s = new ConsoleSession(c, null, opts())) {
            new Thread(() -> {
                sleep(300);
                c.emit("cpu0: exiting\r\n");
            }).start();
            long t0 = System.nanoTime();
            ExpectException e = assertThrows(ExpectException.class, () -> s.expect("term% ", Duration.ofSeconds(60)));
            assertEquals(ExpectException.Kind.FAILURE_PATTERN, e.kind());
            assertTrue(e.getMessage().contains("9front cpu exiting"), e.getMessage());
            assertTrue((System.nanoTime() - t0) / 1e9 < 10);
        }
    }

    @Test
    void failurePatternSplitAcrossChunksIsSeenOnceAndWarningsOnlyRecorded() throws Exception {
        FakeConsole c = new FakeConsole();
        try (ConsoleSession s = new ConsoleSession(c, null, opts())) {
            c.emit("Call Tr");
            c.emit("ace:\r\nok\r\n");
            s.expect("ok", Duration.ofSeconds(5));
            List<FailureHit> hits = s.hits();
            assertEquals(1, hits.size(), hits.toString());
            assertEquals(Severity.WARN, hits.get(0).severity());
            assertEquals("Call Trace:", hits.get(0).line());
        }
    }

    @Test
    void userPatternAddedLaterOnlyWatchesNewOutput() throws Exception {
        FakeConsole c = new FakeConsole();
        try (ConsoleSession s = new ConsoleSession(c, null, opts())) {
            c.emit("old BOOM\n");
            s.expect("old", Duration.ofSeconds(5));
            s.addFailurePattern(FailurePattern.of("boom", "BOOM", Severity.FATAL));
            c.emit("fine\n");
            s.expect("fine", Duration.ofSeconds(5));
            c.emit("new BOOM\n");
            ExpectException e = assertThrows(ExpectException.class, () -> s.expect("never", Duration.ofSeconds(30)));
            assertEquals(ExpectException.Kind.FAILURE_PATTERN, e.kind());
        }
    }

    @Test
    void watchdogTripsOnSilenceAndTimeoutScaleApplies() throws Exception {
        FakeConsole c = new FakeConsole();
        ConsoleSession.Options o = opts();
        o.watchdog = Duration.ofMillis(200);
        o.timeoutScale = 2;
        long t0 = System.nanoTime(); // before the session starts its clock: a busy machine may pause us in between
        try (ConsoleSession s = new ConsoleSession(c, null, o)) {
            ExpectException e = assertThrows(ExpectException.class, () -> s.expect("x", Duration.ofSeconds(60)));
            double secs = (System.nanoTime() - t0) / 1e9;
            assertEquals(ExpectException.Kind.WATCHDOG, e.kind());
            assertTrue(secs >= 0.39 && secs < 5, "watchdog after " + secs + " s (200 ms x scale 2)");
            assertEquals(Duration.ofSeconds(3), s.scaled(Duration.ofMillis(1500)));
        }
    }

    @Test
    void closedConsoleEndsAWait() throws Exception {
        FakeConsole c = new FakeConsole();
        try (ConsoleSession s = new ConsoleSession(c, null, opts())) {
            c.emit("bye");
            c.hangUp();
            ExpectException e = assertThrows(ExpectException.class, () -> s.expect("never", Duration.ofSeconds(30)));
            assertEquals(ExpectException.Kind.CONSOLE_CLOSED, e.kind());
        }
    }

    @Test
    void pacedSendWaitsForEchoChunkByChunk() throws Exception {
        FakeConsole c = new FakeConsole();
        c.echo = true;
        ConsoleSession.Options o = opts();
        o.paceChunk = 4;
        o.echoTimeout = Duration.ofSeconds(5);
        try (ConsoleSession s = new ConsoleSession(c, null, o)) {
            long t0 = System.nanoTime();
            s.sendPaced("echo hello world\n");
            assertTrue((System.nanoTime() - t0) / 1e9 < 4, "echo came back, so no chunk waited for its timeout");
            assertEquals("echo hello world\n", c.sent());
            s.expect("hello world", Duration.ofSeconds(2));
        }
    }

    @Test
    void pacedSendWaitsAfterEachNewlineSoAConsoleThatDropsTheNextCharacterLosesNothing() throws Exception {
        FakeConsole c = new FakeConsole();
        c.echo = true;
        c.dropAfterNewlineMillis = 50; // shorter than the line settle time
        try (ConsoleSession s = new ConsoleSession(c, null, opts())) {
            s.sendPaced("{ echo a\n}; echo b\n");
            assertEquals("{ echo a\n}; echo b\n", c.sent(), "the '}' after the newline arrived");
        }
        FakeConsole raw = new FakeConsole();
        raw.dropAfterNewlineMillis = 50;
        try (ConsoleSession s = new ConsoleSession(raw, null, opts())) {
            s.send("{ echo a\n}; echo b\n");
            assertEquals("{ echo a\n; echo b\n", raw.sent(), "unpaced, the fake console loses it, as 9front does");
        }
    }

    private static ConsoleSession.Options typing() {
        ConsoleSession.Options o = opts();
        o.paceChunk = 4;
        o.echoTimeout = Duration.ofMillis(300);
        return o;
    }

    @Test
    void aLineWhoseEchoLostACharacterIsErasedAndTypedAgain() throws Exception {
        FakeConsole c = new FakeConsole();
        c.echo = true;
        c.lose.add(5); // the 'h' of hello, as kbdfs loses a rune while it is still echoing
        try (ConsoleSession s = new ConsoleSession(c, null, typing())) {
            s.sendPaced("echo hello world\n");
            assertEquals(List.of("echo hello world"), c.lines());
            assertEquals(1, s.retyped());
        }
    }

    @Test
    void aLostNewlineIsTypedAgainAndALostEraseIsSentAgain() throws Exception {
        FakeConsole c = new FakeConsole();
        c.echo = true;
        c.lose.add(16); // the newline: the line sits there, echoed, and never runs
        try (ConsoleSession s = new ConsoleSession(c, null, typing())) {
            s.sendPaced("echo hello world\n");
            assertEquals(List.of("echo hello world"), c.lines());
            assertEquals(1, s.retyped());
        }
        FakeConsole d = new FakeConsole();
        d.echo = true;
        d.lose.addAll(List.of(5, 16)); // a character, then the ^U that was to erase the broken line
        try (ConsoleSession s = new ConsoleSession(d, null, typing())) {
            s.sendPaced("echo hello world\n");
            assertEquals(List.of("echo hello world"), d.lines());
        }
    }

    @Test
    void aGuestThatEchoesNothingIsTypedToOnceAndNeverErased() throws Exception {
        FakeConsole c = new FakeConsole();
        c.lose.add(2);
        try (ConsoleSession s = new ConsoleSession(c, null, typing())) {
            s.sendPaced("secret\n");
            assertEquals(List.of("seret"), c.lines(), "without an echo a lost character cannot be seen");
            assertEquals(0, s.retyped());
            assertFalse(c.sent().contains("\u0015"));
        }
    }

    @Test
    void runCapturesOutputAndStatusFromARealSh() throws Exception {
        try (ConsoleSession s = new ConsoleSession(new ProcessConsole(List.of("sh")), null, opts())) {
            CommandResult r = s.run("echo one; echo 'AN''TS-x-END 9'; (exit 3)", Shell.SH, Duration.ofSeconds(10));
            assertEquals("one\nANTS-x-END 9", r.output()); // a look-alike marker in the output is not the marker
            assertEquals("3", r.status());
            assertFalse(r.success());
            CommandResult ok = s.run("printf 'a\\nb\\n' # comment\ntrue", Shell.SH, Duration.ofSeconds(10));
            assertEquals("a\nb", ok.output());
            assertTrue(ok.success());
        }
    }

    @Test
    void runReadsRcStatusWhereEmptyIsSuccess() throws Exception {
        String rc = Files.isExecutable(Path.of("/usr/lib/plan9/bin/rc")) ? "/usr/lib/plan9/bin/rc" : null;
        assumeTrue(rc != null, "Plan 9 rc not installed (apt-get install 9base)");
        try (ConsoleSession s = new ConsoleSession(new ProcessConsole(List.of(rc)), null, opts())) {
            CommandResult ok = s.run("echo hello", Shell.RC, Duration.ofSeconds(10));
            assertTrue(ok.success(), "rc status of a good command is empty: '" + ok.status() + "'");
            CommandResult bad = s.run("ls /no/such/file >[2=1]", Shell.RC, Duration.ofSeconds(10));
            assertFalse(bad.success());
            assertFalse(bad.status().isEmpty());
            assertTrue(bad.output().contains("/no/such/file"), bad.output());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
