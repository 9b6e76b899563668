package dev.ants.harness.matrix;

import dev.ants.core.ExitCode;
import dev.ants.harness.TestPlan;
import dev.ants.harness.TestReport;
import dev.ants.harness.report.FailureText;
import dev.ants.harness.report.JUnitXmlReport;
import dev.ants.harness.report.JsonReport;
import dev.ants.harness.report.RunResult;
import dev.ants.harness.report.RunStatus;
import dev.ants.harness.report.TestCaseResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report directory of a test run: {@code TEST-MODEL.xml} per model (Surefire's shape),
 * {@code results/MODEL/SCENARIO.json} per run, {@code failures/MODEL/TEST.txt} per failure (message,
 * console excerpt, artifacts), {@code summary.json}, and the kept runs under {@code runs/}.
 */
final class Reports {
    private Reports() {
    }

    static TestReport write(TestPlan p, ExitCode code, String why, List<RunResult> runs, List<TestCaseResult> cases,
                            List<ModelRunner.ModelResult> models) throws IOException {
        Path dir = Files.createDirectories(p.reportDir());
        Map<String, List<TestCaseResult>> byModel = new LinkedHashMap<>();
        for (TestCaseResult c : cases) byModel.computeIfAbsent(c.model(), k -> new ArrayList<>()).add(c);
        Map<String, Double> seconds = new LinkedHashMap<>();
        models.forEach(m -> seconds.put(m.model(), m.seconds()));
        List<Path> junit = new ArrayList<>();
        for (var e : byModel.entrySet()) {
            Path f = dir.resolve("TEST-" + safe(e.getKey()) + ".xml");
            JUnitXmlReport.write(e.getKey(), e.getValue(), seconds.getOrDefault(e.getKey(), 0.0), f);
            junit.add(f);
        }
        for (RunResult r : runs) {
            JsonReport.write(r, dir.resolve("results").resolve(safe(r.model())).resolve(safe(r.scenario()) + ".json"));
        }
        for (TestCaseResult c : cases) {
            if (!c.bad()) continue;
            Path f = dir.resolve("failures").resolve(safe(c.model())).resolve(safe(c.name()) + ".txt");
            Files.createDirectories(f.getParent());
            Files.writeString(f, FailureText.of(c), StandardCharsets.UTF_8);
        }
        Path summary = dir.resolve("summary.json");
        TestReport report = new TestReport(p.name(), code, why, List.copyOf(runs), List.copyOf(cases), dir, List.copyOf(junit), summary);
        JsonReport.write(summaryOf(p, report, models), summary);
        return report;
    }

    private static Map<String, Object> summaryOf(TestPlan p, TestReport r, List<ModelRunner.ModelResult> models) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", p.name());
        s.put("exitCode", r.exitCode().code);
        if (r.why() != null) s.put("why", r.why());
        s.put("shard", p.shard().index() + "/" + p.shard().count());
        s.put("jobs", p.jobs());
        s.put("tests", r.cases().size());
        for (RunStatus st : RunStatus.values()) s.put(st.json(), r.count(st));
        List<Map<String, Object>> ms = new ArrayList<>();
        for (ModelRunner.ModelResult m : models) {
            ms.add(Map.of("model", m.model(), "startedAt", m.startedAt(), "endedAt", m.endedAt(), "seconds", m.seconds(),
                    "runs", m.runs().size()));
        }
        s.put("models", ms);
        p.skippedModels().forEach((m, why) -> ms.add(Map.of("model", m.name(), "skipped", why)));
        s.put("cases", r.cases());
        return s;
    }

    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
