package dev.ants.harness.junit;

import dev.ants.harness.expect.ConsoleSession;
import dev.ants.harness.expect.Shell;
import dev.ants.harness.qemu.ProcessReaper;
import dev.ants.harness.testutil.LinuxGuestSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** What a user sees when a test on a guest fails or cannot run, checked by running such tests through JUnit. */
class AntsGuestFailureTest {
    /** Set while the test kit runs the nested classes, which must not run on their own (e.g. under -Dtest=AntsGuest*). */
    private static volatile boolean underTestKit;

    static boolean underTestKit() {
        return underTestKit;
    }

    @EnabledIf("dev.ants.harness.junit.AntsGuestFailureTest#underTestKit")
    static class Failing {
        @Test
        @AntsGuest(guest = LinuxGuestSource.class, ready = {"ANTS-GUEST-READY", "ants# $"}, accel = "tcg")
        void failsOnPurpose(ConsoleSession console) throws Exception {
            console.run("echo the-guest-said-this", Shell.SH, Duration.ofSeconds(30));
            fail("on purpose");
        }
    }

    @AntsGuest(kernel = "${ANTS_TEST_NO_SUCH_VARIABLE}")
    @EnabledIf("dev.ants.harness.junit.AntsGuestFailureTest#underTestKit")
    static class Unconfigured {
        @Test
        void neverRuns(ConsoleSession console) throws Exception {
            fail("must be skipped");
        }
    }

    private static List<Event> run(Class<?> c, String kind) {
        EngineExecutionResults r;
        underTestKit = true;
        try {
            r = EngineTestKit.engine("junit-jupiter").selectors(selectClass(c)).execute();
        } finally {
            underTestKit = false;
        }
        return (kind.equals("failed") ? r.testEvents().failed() : r.allEvents().aborted()).list();
    }

    @Test
    void aFailedTestCarriesTheGuestsConsoleOutputAndKeepsTheRun() throws Exception {
        new LinuxGuestSource().guest(); // skips here, with the reason, when the guest's parts are missing
        List<Event> failed = run(Failing.class, "failed");
        assertEquals(1, failed.size());
        Throwable t = failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertEquals("on purpose", t.getMessage());
        ConsoleTranscript console = (ConsoleTranscript) t.getSuppressed()[0];
        assertTrue(console.getMessage().contains("the-guest-said-this"), console.getMessage());
        Path log = Path.of(console.getMessage().replaceFirst("(?s).*all of it in (\\S+)\\):.*", "$1"));
        assertTrue(Files.readString(log).contains("the-guest-said-this"), "the run directory is kept with the test's console");
        assertEquals(0, ProcessReaper.liveCount(), "the method's machine was stopped");
    }

    @Test
    void anUnsetVariableSkipsWithTheReason() {
        Assumptions.assumeTrue(System.getenv("ANTS_TEST_NO_SUCH_VARIABLE") == null);
        List<Event> aborted = run(Unconfigured.class, "aborted");
        assertEquals(1, aborted.size());
        Throwable t = aborted.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertTrue(t.getMessage().contains("set ANTS_TEST_NO_SUCH_VARIABLE"), t.getMessage());
    }
}
