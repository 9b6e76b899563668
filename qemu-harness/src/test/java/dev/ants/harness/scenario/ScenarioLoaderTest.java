package dev.ants.harness.scenario;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.harness.expect.Severity;
import dev.ants.harness.expect.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ScenarioLoaderTest {
    @Test
    void contractExampleParses(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), """
                name: rootless-boot
                shell: rc
                timeout: 120
                steps:
                  - expect: 'bootargs is'
                  - send: "!rc\\n"
                  - expect: '% $'
                  - run: 'echo $cputype'
                    status: 0
                    output: '^amd64$'
                  - fail-on: 'suicide:'
                """);
        Scenario s = ScenarioLoader.load(f, Map.of());
        assertEquals("rootless-boot", s.name());
        assertEquals(Shell.RC, s.shell());
        assertEquals(Duration.ofSeconds(120), s.timeout());
        assertEquals(5, s.steps().size());
        assertEquals(new Step.Send("!rc\n", true, null), s.steps().get(1));
        assertEquals(new Step.Run("echo $cputype", "0", "^amd64$", null, null), s.steps().get(3));
        assertEquals(new Step.FailOn("suicide:", Severity.FATAL, null), s.steps().get(4));
        assertFalse(s.patterns().isEmpty(), "built-in failure patterns are on by default");
    }

    @Test
    void variablesIncludesAndExtras(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/login.yaml"), """
                vars: {user: glenda}
                fail-on: 'cpu\\d+: exiting'
                steps:
                  - expect: 'user\\[${user}\\]: '
                  - send: "\\n"
                """);
        Path f = Files.writeString(dir.resolve("s.yaml"), """
                name: on ${model}
                vars: {disk: sdC0}
                patterns: [none]
                watchdog: 0
                include: lib/login.yaml
                steps:
                  - run: 'ls /dev/${disk}'
                    timeout: 5
                    name: disk is there
                  - include: lib/login.yaml
                  - reboot: true
                  - snapshot: booted
                  - restore: booted
                  - sleep: 0.5
                  - run: 'echo $${HOME}'
                  - fail-on: BUG
                    severity: warn
                """);
        Scenario s = ScenarioLoader.load(f, Map.of("model", "pc-ide", "user", "bootes"));
        assertEquals("on pc-ide", s.name());
        assertNull(s.watchdog());
        assertEquals(1, s.patterns().size(), "patterns: [none] plus the included fail-on: " + s.patterns());
        assertEquals(new Step.Expect("user\\[bootes\\]: ", null, null), s.steps().get(0), "outer vars override included ones");
        assertEquals(new Step.Run("ls /dev/sdC0", null, null, Duration.ofSeconds(5), "disk is there"), s.steps().get(2));
        assertEquals("disk is there", s.steps().get(2).describe());
        assertInstanceOf(Step.Reboot.class, s.steps().get(5));
        assertEquals(new Step.Snapshot("booted", null), s.steps().get(6));
        assertEquals(new Step.Sleep(Duration.ofMillis(500), null), s.steps().get(8));
        assertEquals(new Step.Run("echo ${HOME}", null, null, null, null), s.steps().get(9));
        assertEquals(new Step.FailOn("BUG", Severity.WARN, null), s.steps().get(10));
    }

    @Test
    void mistakesAreBadInputNamingFileAndStep(@TempDir Path dir) throws Exception {
        assertBad(dir, "steps:\n  - expct: x\n", "step 1: unknown key 'expct'");
        assertBad(dir, "steps:\n  - expect: x\n    send: y\n", "both expect and send");
        assertBad(dir, "steps:\n  - expect: '(('\n", "not a valid regular expression");
        assertBad(dir, "steps:\n  - run: 'echo ${nope}'\n", "variable ${nope} is not defined");
        assertBad(dir, "timeout: soon\nsteps: []\n", "timeout must be a number");
        assertBad(dir, "shell: fish\nsteps: []\n", "unknown shell 'fish'");
        assertBad(dir, "steps:\n  - include: s.yaml\n", "include loop");
        assertBad(dir, "steps:\n  - include: other.yaml\n", "other.yaml does not exist");
    }

    private static void assertBad(Path dir, String yaml, String expected) throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), yaml);
        AntsException e = assertThrows(AntsException.class, () -> ScenarioLoader.load(f, Map.of()));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void qmpStepsTakeArgumentsWithVariablesAndAnEventToAwait(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), """
                name: unplug
                steps:
                  - qmp: device_del
                    arguments: {id: 'ants-disk${n}'}
                    event: DEVICE_DELETED
                    timeout: 20
                  - qmp: system_reset
                """);
        Scenario s = ScenarioLoader.load(f, Map.of("n", "1"));
        assertEquals(new Step.Qmp("device_del", Map.of("id", "ants-disk1"), "DEVICE_DELETED", Duration.ofSeconds(20), null),
                s.steps().get(0));
        assertEquals(new Step.Qmp("system_reset", Map.of(), null, null, null), s.steps().get(1));
        for (String bad : List.of("  - qmp: 'device del'\n", "  - qmp: device_del\n    event: deleted\n",
                "  - qmp: device_del\n    arguments: [id]\n")) {
            Path g = Files.writeString(dir.resolve("bad.yaml"), "steps:\n" + bad);
            AntsException e = assertThrows(AntsException.class, () -> ScenarioLoader.load(g, Map.of()), bad);
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        }
    }
}
