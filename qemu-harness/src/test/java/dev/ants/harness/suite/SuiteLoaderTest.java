package dev.ants.harness.suite;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.harness.model.ModelCatalog;
import dev.ants.harness.scenario.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SuiteLoaderTest {
    static final String NSWRITE = """
            name: nswrite
            shell: rc
            timeout: 60
            boot:
              - expect: 'bootargs is'
              - send: "!rc\\n"
              - expect: '% $'
            cases:
              - name: grammar
                plan9ini: [sysname=ask]
                steps:
                  - run: rc /n/suites/nswrite/nswrite.rc grammar
                    checks: true
                    timeout: 400
              - name: on-${disk9}
                steps:
                  - run: ls /dev/${disk9}
                    output: data
                  - fail-on: 'lost'
            """;

    @Test
    void suiteWithBootStepsAndCases() {
        TestSuite s = SuiteLoader.parse(NSWRITE, "nswrite.yaml", null, Map.of("disk9", "sdF0"), "ignored");
        assertEquals("nswrite", s.name());
        assertEquals(3, s.boot().steps().size());
        assertEquals(2, s.cases().size());
        TestCase grammar = s.cases().get(0);
        assertEquals("grammar", grammar.name());
        assertEquals(List.of("sysname=ask"), grammar.plan9ini());
        assertTrue(grammar.bootsFresh());
        assertEquals("nswrite.grammar", grammar.scenario().name());
        Step.Run run = (Step.Run) grammar.scenario().steps().get(0);
        assertTrue(run.checks());
        assertEquals(400, run.timeout().toSeconds());
        TestCase disk = s.cases().get(1);
        assertEquals("on-sdF0", disk.name());
        assertFalse(disk.bootsFresh());
        assertEquals("nswrite.on-sdF0", s.testName(disk));
        assertEquals(5, s.fromPowerOn(disk).steps().size(), "fresh: boot steps then the case's");
        assertEquals("nswrite.on-sdF0", s.fromPowerOn(disk).name());
        assertInstanceOf(Step.FailOn.class, disk.scenario().steps().get(1), "a fail-on step belongs to its case");
        assertEquals(s.boot().patterns(), disk.scenario().patterns(), "the file's failure patterns are the same for boot and cases");
    }

    @Test
    void aPlainScenarioIsOneCaseNamedAfterTheSuite(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("boot/suite.yaml");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "shell: rc\nsteps:\n  - expect: 'bootargs is'\n  - run: echo $cputype\n    output: '^${arch}$'\n");
        TestSuite s = SuiteLoader.load(f, Map.of("arch", "amd64"));
        assertEquals("boot", s.name(), "named after its directory");
        assertNull(s.boot());
        assertEquals(1, s.cases().size());
        assertEquals("boot", s.testName(s.cases().get(0)), "its only case is the suite itself");
        assertEquals(2, s.cases().get(0).scenario().steps().size());
    }

    static final String FUZZ = """
            name: fuzz
            shell: rc
            vars: {count: '3000', time: '900'}
            profiles:
              quick: {count: '500'}
              nightly: {count: '100000', time: '14400'}
            cases:
              - name: writes
                steps:
                  - run: rc fuzz.rc ${count}
                    timeout: ${time}
            """;

    @Test
    void theProfileSetsVariablesAndTheCallerWins() {
        assertEquals(List.of("rc fuzz.rc 3000", "900"), fuzz(Map.of()), "no profile: the default's, here the file's vars");
        assertEquals(List.of("rc fuzz.rc 3000", "900"), fuzz(Map.of("profile", "default")));
        assertEquals(List.of("rc fuzz.rc 500", "900"), fuzz(Map.of("profile", "quick")), "quick sets only the count");
        assertEquals(List.of("rc fuzz.rc 100000", "14400"), fuzz(Map.of("profile", "nightly")), "a variable timeout scales too");
        assertEquals(List.of("rc fuzz.rc 7", "14400"), fuzz(Map.of("profile", "nightly", "count", "7")), "--var wins over the profile");
    }

    private static List<String> fuzz(Map<String, String> vars) {
        Step.Run r = (Step.Run) SuiteLoader.parse(FUZZ, "fuzz.yaml", null, vars, "fuzz").cases().get(0).scenario().steps().get(0);
        return List.of(r.command(), Long.toString(r.timeout().toSeconds()));
    }

    @Test
    void mistakesAreBadInputBeforeAnythingBoots() {
        bad("name: x\nprofiles: [quick]\ncases:\n  - name: a\n    steps:\n      - expect: b\n", "profiles must be a mapping");
        bad("name: x\nprofiles: {weekly: {a: '1'}}\ncases:\n  - name: a\n    steps:\n      - expect: b\n", "unknown profile 'weekly'");
        bad("name: x\nprofiles: {quick: 3}\ncases:\n  - name: a\n    steps:\n      - expect: b\n", "must be a mapping of variables");
        bad("name: x\nprofiles: {quick: {a: [1]}}\ncases:\n  - name: a\n    steps:\n      - expect: b\n", "not a scalar");
        bad("name: x\nvars: {t: soon}\ncases:\n  - name: a\n    steps:\n      - expect: b\n        timeout: ${t}\n", "timeout");
        bad("name: x\nboot:\n  - expect: a\n", "boot: steps need cases:");
        bad("name: x\nsteps:\n  - expect: a\ncases:\n  - name: a\n    steps:\n      - expect: b\n", "steps: and cases: together");
        bad("name: x\ncases: []\n", "cases must be a non-empty list");
        bad("name: x\ncases:\n  - steps:\n      - expect: b\n", "has no name");
        bad("name: x\ncases:\n  - name: a\n    steps:\n      - expect: b\n  - name: a\n    steps:\n      - expect: c\n", "a second case named 'a'");
        bad("name: x\ncases:\n  - name: a\n", "case a has no steps");
        bad("name: x\ncases:\n  - name: a b\n    steps:\n      - expect: b\n", "must be 1 to 64 letters");
        bad("name: x\ncases:\n  - name: a\n    plan9ini: ['[menu]=x']\n    steps:\n      - expect: b\n", "is not KEY=VALUE");
        bad("name: x\ncases:\n  - name: a\n    plan9ini: [\"a=b\\nc=d\"]\n    steps:\n      - expect: b\n", "is not KEY=VALUE");
        bad("name: x\ncases:\n  - name: a\n    timeout: 3\n    steps:\n      - expect: b\n", "unknown key 'timeout'");
        bad("name: x\ncases:\n  - name: a\n    steps:\n      - run: x\n        checks: yes please\n", "checks must be true or false");
        bad("name: x\nsteps:\n  - expect: a\nname: y\n", "duplicate key");
        bad("steps: []\n", "has no steps");
        bad("name: x\ncases:\n  - name: a\n    disks: 9\n    steps:\n      - expect: b\n", "disks must be a number from 0 to 4");
        bad("name: x\ncases:\n  - name: a\n    disks: two\n    steps:\n      - expect: b\n", "disks must be a number");
        bad("name: x\ncases:\n  - name: a\n    disks: 1.5\n    steps:\n      - expect: b\n", "disks must be a number");
        bad("name: x\ncases:\n  - name: a\n    models: []\n    steps:\n      - expect: b\n", "models is empty");
        bad("name: x\ncases:\n  - name: a\n    models: [{pc: scsi}]\n    steps:\n      - expect: b\n", "models must be model names");
    }

    @Test
    void aCaseWithBlankDisksBootsFreshOnItsModelsOnly() {
        TestSuite s = SuiteLoader.parse("""
                name: roots
                shell: rc
                boot:
                  - expect: 'admin% $'
                cases:
                  - name: on-disk
                    disks: 2
                    models: pc-scsi
                    steps:
                      - run: ls /dev/${d}
                  - name: anywhere
                    steps:
                      - run: echo
                """, "roots.yaml", null, Map.of("d", "sd01"), "roots");
        TestCase disk = s.cases().get(0);
        assertEquals(2, disk.disks());
        assertEquals(List.of("pc-scsi"), disk.models(), "one model may be written without a list");
        assertTrue(disk.bootsFresh(), "blank disks of its own: no shared snapshot");
        assertTrue(disk.runsOn("pc-scsi"));
        assertFalse(disk.runsOn("pc-virtio"));
        TestCase any = s.cases().get(1);
        assertEquals(0, any.disks());
        assertFalse(any.bootsFresh());
        assertTrue(any.runsOn("q35-nvme"), "no models: every model");
    }

    private static void bad(String yaml, String expected) {
        AntsException e = assertThrows(AntsException.class, () -> SuiteLoader.parse(yaml, "s.yaml", null, Map.of(), "s"));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertFalse(e.hint().isBlank(), "with a fix: " + e.getMessage());
    }
}
