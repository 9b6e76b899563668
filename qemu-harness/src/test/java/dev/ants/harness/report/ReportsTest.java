package dev.ants.harness.report;

import dev.ants.core.AntsException;
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
        return new RunResult(model, scen, "g", RunResult.statusFor(code), code, "tcg", List.of(), 1.5, 0.2,
                code == 0 ? null : 2, code == 0 ? null : "expect 'x'", code == 0 ? null : "TIMEOUT",
                code == 0 ? null : "no match\u0007 for 'x'", code == 0 ? null : List.of("last line"),
                List.of(new StepResult(1, "expect 'x'", code == 0 ? "passed" : "failed", 10, null)),
                List.of(new FailureHit("Linux oops", Severity.ERROR, "Oops: 0002", 1.0)),
                code == 0 ? Map.of() : Map.of("transcript", "/tmp/r/console.log"), "/tmp/r", code != 0, List.of("qemu"));
    }

    @Test
    void junitXmlHasSurefireShapeAndCountsFailuresAndErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("TEST-ants.xml");
        JUnitXmlReport.write("ants", List.of(result("pc-ide", "boot", 0), result("pc-ide", "net", 1), result("q35-nvme", "boot", 3)), f);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
        Element suite = d.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        var cases = suite.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        Element failed = (Element) cases.item(1);
        assertEquals("ants.pc-ide", failed.getAttribute("classname"));
        assertEquals("net", failed.getAttribute("name"));
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").startsWith("step 2 (expect 'x'): no match for"), failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("last line"));
        assertEquals(1, ((Element) cases.item(2)).getElementsByTagName("error").getLength());
    }

    @Test
    void jsonRoundTripsTheResult(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("r.json");
        JsonReport.write(result("pc-ide", "net", 1), f);
        var n = dev.ants.core.Json.JSON.readTree(f.toFile());
        assertEquals("failed", n.get("status").asText());
        assertEquals(1, n.get("exitCode").asInt());
        assertEquals("/tmp/r/console.log", n.get("artifacts").get("transcript").asText());
        assertEquals("ERROR", n.get("failurePatterns").get(0).get("severity").asText());
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
