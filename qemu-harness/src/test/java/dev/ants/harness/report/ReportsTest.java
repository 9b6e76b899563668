package dev.ants.harness.report;

import dev.ants.core.AntsException;
import dev.ants.core.ExitCode;
import dev.ants.harness.scenario.Check;
import dev.ants.harness.expect.FailureHit;
import dev.ants.harness.expect.Severity;
import dev.ants.harness.scenario.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class ReportsTest {
    static RunResult result(String model, String scen, int code) {
        ExitCode exit = java.util.Arrays.stream(ExitCode.values()).filter(e -> e.code == code).findFirst().orElseThrow();
        RunResult.Builder b = RunResult.builder().model(model).scenario(scen).guest("g").exit(exit).accel("tcg").seconds(1.5)
                .bootSeconds(0.2).steps(List.of(new StepResult(1, "expect 'x'", code == 0 ? StepResult.Status.PASSED : StepResult.Status.FAILED, 10, null)))
                .failurePatterns(List.of(new FailureHit("Linux oops", Severity.ERROR, "Oops: 0002", 1.0))).runDir("/tmp/r").qemuCommand(List.of("qemu"));
        if (code != 0) {
            b.failedStep(2).failedStepLabel("expect 'x'").failureKind(FailureKind.TIMEOUT).reason("no match\u0007 for 'x'")
                    .lastConsoleLines(List.of("last line")).artifacts(Map.of("transcript", "/tmp/r/console.log")).kept(true);
        }
        return b.build();
    }

    @Test
    void junitXmlHasSurefireShapeWithFailuresErrorsAndSkips(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("TEST-pc-ide.xml");
        List<TestCaseResult> cases = new ArrayList<>(dev.ants.harness.matrix.CaseResults.of("net", "net", result("pc-ide", "net", 1)));
        cases.add(new TestCaseResult("pc-ide", "boot", "boot", RunStatus.PASSED, null, null, 1.5, List.of(), Map.of()));
        cases.add(new TestCaseResult("pc-ide", "boot", "boot.disk", RunStatus.ERROR, FailureKind.INFRASTRUCTURE, "QEMU died", 1, List.of(), Map.of()));
        cases.add(TestCaseResult.skipped("pc-ide", "nswrite", "nswrite.grammar", "the real machine cannot snapshot"));
        JUnitXmlReport.write("pc-ide", cases, 9.5, f);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
        Element suite = d.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("pc-ide", suite.getAttribute("name"));
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("9.500", suite.getAttribute("time"));
        var tc = suite.getElementsByTagName("testcase");
        assertEquals(4, tc.getLength());
        Element failed = (Element) tc.item(0);
        assertEquals("pc-ide", failed.getAttribute("classname"));
        assertEquals("net", failed.getAttribute("name"));
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").startsWith("step 2 (expect 'x'): no match for"), failure.getAttribute("message"));
        assertEquals("TIMEOUT", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().contains("last line"));
        assertTrue(failure.getTextContent().contains("/tmp/r/console.log"));
        assertEquals(1, ((Element) tc.item(2)).getElementsByTagName("error").getLength());
        Element skipped = (Element) ((Element) tc.item(3)).getElementsByTagName("skipped").item(0);
        assertEquals("the real machine cannot snapshot", skipped.getAttribute("message"));
    }

    @Test
    void checksBecomeTestCasesOfTheirOwn() {
        RunResult r = RunResult.builder().model("q35-ahci").scenario("nswrite.grammar").exit(ExitCode.CHECK_FAILED)
                .failureKind(FailureKind.CHECKS).reason("1 check(s) failed: b").artifacts(Map.of("transcript", "/t"))
                .steps(List.of(new StepResult(1, "run", StepResult.Status.PASSED, 5, null,
                        Check.parse("ok a\nsome detail\nFAIL b: bind -b acted like -a\nskip c: no second cpu\n")))).build();
        List<TestCaseResult> cs = dev.ants.harness.matrix.CaseResults.of("nswrite", "nswrite.grammar", r);
        assertEquals(List.of("nswrite.a", "nswrite.b", "nswrite.c"), cs.stream().map(TestCaseResult::name).toList());
        assertEquals(List.of(RunStatus.PASSED, RunStatus.FAILED, RunStatus.SKIPPED), cs.stream().map(TestCaseResult::status).toList());
        assertEquals("bind -b acted like -a", cs.get(1).message());
        assertEquals(List.of("some detail", "FAIL b: bind -b acted like -a"), cs.get(1).excerpt());
        assertEquals("no second cpu", cs.get(2).message());
        assertEquals(Map.of("transcript", "/t"), cs.get(1).artifacts());
        // a run that broke for another reason than its checks also fails as the case itself
        RunResult broke = r.toBuilder().failureKind(FailureKind.TIMEOUT).reason("no match").build();
        List<TestCaseResult> cs2 = dev.ants.harness.matrix.CaseResults.of("nswrite", "nswrite.grammar", broke);
        assertEquals("nswrite.grammar", cs2.get(cs2.size() - 1).name());
        assertEquals(RunStatus.FAILED, cs2.get(cs2.size() - 1).status());
    }

    @Test
    void exitCodeIsZeroOnlyWhenSomethingRanAndNothingFailed() {
        TestCaseResult pass = new TestCaseResult("m", "s", "s.a", RunStatus.PASSED, null, null, 0, List.of(), Map.of());
        TestCaseResult fail = new TestCaseResult("m", "s", "s.b", RunStatus.FAILED, FailureKind.CHECKS, "x", 0, List.of(), Map.of());
        TestCaseResult err = new TestCaseResult("m", "s", "s.c", RunStatus.ERROR, FailureKind.INFRASTRUCTURE, "x", 0, List.of(), Map.of());
        TestCaseResult skip = TestCaseResult.skipped("m", "s", "s.d", "why");
        assertEquals(ExitCode.OK, dev.ants.harness.TestReport.combine(List.of(pass, skip)));
        assertEquals(ExitCode.CHECK_FAILED, dev.ants.harness.TestReport.combine(List.of(pass, fail, skip)));
        assertEquals(ExitCode.ENVIRONMENT, dev.ants.harness.TestReport.combine(List.of(fail, err)));
        assertEquals(ExitCode.ENVIRONMENT, dev.ants.harness.TestReport.combine(List.of(skip, skip)), "everything skipped");
        assertEquals(ExitCode.ENVIRONMENT, dev.ants.harness.TestReport.combine(List.of()), "nothing at all");
    }

    @Test
    void jsonCarriesStatusExitCodeAndArtifacts(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("r.json");
        JsonReport.write(result("pc-ide", "net", 1), f);
        var n = dev.ants.core.Json.JSON.readTree(f.toFile());
        assertEquals("failed", n.get("status").asText());
        assertEquals(1, n.get("exitCode").asInt());
        assertEquals("TIMEOUT", n.get("failureKind").asText());
        assertEquals("failed", n.get("steps").get(0).get("status").asText());
        assertEquals("/tmp/r/console.log", n.get("artifacts").get("transcript").asText());
        assertEquals("ERROR", n.get("failurePatterns").get(0).get("severity").asText());
        assertFalse(n.has("exit"), n.toString());
    }

    @Test
    void shardsPartitionTheMatrixDeterministically() {
        List<String> items = new ArrayList<>(IntStream.range(0, 23).mapToObj(i -> "m" + (i % 7) + "/s" + i).toList());
        Set<String> union = new HashSet<>();
        int total = 0;
        for (int k = 1; k <= 4; k++) {
            List<String> a = Shard.parse(k + "/4").select(items, s -> s);
            java.util.Collections.shuffle(items);
            assertEquals(a, Shard.parse(k + "/4").select(items, s -> s), "same split whatever the input order");
            union.addAll(a);
            total += a.size();
            assertTrue(a.size() == 5 || a.size() == 6);
        }
        assertEquals(23, total);
        assertEquals(23, union.size());
        assertThrows(AntsException.class, () -> Shard.parse("5/4"));
        assertThrows(AntsException.class, () -> Shard.parse("a/b"));
    }

    @Test
    void parallelRunnerKeepsOrderAndRunsConcurrently() throws Exception {
        long t0 = System.nanoTime();
        List<Integer> out = ParallelRunner.run(List.of(1, 2, 3, 4), 4, i -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
            return i * 10;
        });
        assertEquals(List.of(10, 20, 30, 40), out);
        assertTrue((System.nanoTime() - t0) / 1e9 < 1.1, "4 jobs of 0.3 s ran in parallel");
    }
}
